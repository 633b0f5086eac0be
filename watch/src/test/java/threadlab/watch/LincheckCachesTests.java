package threadlab.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The caches of Lincheck's that a test JVM empties between saves are there in the Lincheck the
 * build uses: with another Lincheck, a test JVM would test one save each, and this test says why.
 */
class LincheckCachesTests {

    @Test
    @DisplayName("this Lincheck has every cache of classes by name that a test JVM empties")
    void theCachesAreThere() {
        assertThat(LincheckCaches.ready()).as("Lincheck's static caches of classes by name are"
                + " where LincheckCaches looks for them").isTrue();
    }

    @Test
    @DisplayName("a save's classes are put in Lincheck's cache of classes, and forgotten there")
    @SuppressWarnings("unchecked")
    void aSavesClassesAreForgotten() throws Exception {
        Field field = Class.forName("org.jetbrains.lincheck.util.ClassCache")
                .getDeclaredField("cache");
        field.setAccessible(true);
        Map<String, Class<?>> cache = (Map<String, Class<?>>) field.get(null);

        LincheckCaches.remember(List.of(Fixture.class));
        assertThat(cache).containsEntry(Fixture.class.getName(), Fixture.class);

        LincheckCaches.forget(Set.of(Fixture.class.getName()), null);
        assertThat(cache).doesNotContainKey(Fixture.class.getName());
    }
}

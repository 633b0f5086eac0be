package threadlab.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Throwaway tests that a test JVM runs while it waits for a save, through the same launcher as a
 * module's tests: JUnit's discovery, its engine and AssertJ are loaded and compiled to machine
 * code before the module's tests need them. It names no class of a module.
 */
@Tag("task:1")
@ExtendWith(TestJvm.UntilAJobComes.class)
@DisplayName("warm-up")
public final class WarmUp {

    private int count;

    /** Counts on one thread, as a task's first tests do. */
    @Test
    @DisplayName("counts")
    void counts() {
        WarmUp counter = new WarmUp();
        counter.count++;
        assertThat(counter.count).as("the count").isEqualTo(1);
        assertThat(List.of("a", "b")).as("a list").containsExactly("a", "b").hasSize(2);
        assertThat("warm").as("a text").startsWith("wa").contains("rm");
    }
}

package threadlab.grader.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HiddenSourcesTests {

    @Test
    @DisplayName("feedback that carries a line of the hidden tests' source is withheld; the"
            + " messages the tests build from their literals are not")
    void withholdsSourceOnly(@TempDir Path dir) throws Exception {
        Path file = Files.createDirectories(dir.resolve("x")).resolve("T.java");
        Files.writeString(file, "package threadlab.hidden.threads;\n"
                + "    Verdict.check(ok, \"the target to run on a thread of its own\",\n"
                + "}\n");
        HiddenSources sources = HiddenSources.of(dir);

        assertThat(sources.feedback("Expected: the target to run on a thread of its own"))
                .startsWith("Expected:");
        assertThat(sources.feedback("Your code threw: package threadlab.hidden.threads;\n..."))
                .isEqualTo(HiddenSources.WITHHELD);
        assertThat(sources.line("  package threadlab.hidden.threads;")).isPresent();
        assertThat(sources.line("}")).isEmpty();
        assertThat(HiddenSources.none().leaks("package threadlab.hidden.threads;")).isFalse();
    }

    @Test
    @DisplayName("a quick fingerprint changes with any write, even one that keeps size and time")
    void fingerprints(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a.class"), "abc");
        String before = Fingerprint.quick(List.of(dir));
        java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(file);
        Thread.sleep(20);

        Files.writeString(file, "xyz");
        Files.setLastModifiedTime(file, time);

        assertThat(Fingerprint.quick(List.of(dir))).isNotEqualTo(before);
        assertThat(Fingerprint.of(List.of(dir))).isEqualTo(Fingerprint.of(List.of(dir)));
    }
}

package threadlab.benchmarks.gil;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A smoke run of the student-loop benchmark with one edit per module: the watch command starts
 * through the wrapper in a copy of the course, sees each save and gives its verdict. It asserts
 * nothing about speed.
 */
class StudentLoopBenchmarkIT {

    private static final Path ROOT = Path.of(System.getProperty("threadlab.root", ".."));

    @Test
    @DisplayName("one edit per module prints each module's times and the slower median")
    void oneEditPerModule() throws Exception {
        Path jar = Path.of(System.getProperty("benchmarks.jar", "target/benchmarks.jar"));
        Path out = Files.createTempFile("student-loop", ".txt");
        try {
            Process process = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    jar.toAbsolutePath().toString(), "student-loop", "--edits", "1",
                    "--course", ROOT.toAbsolutePath().toString()))
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("student-loop ran past 15 minutes");
            }
            String output = Files.readString(out);

            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output)
                    .containsPattern("module-03-threads: edit-to-verdict median: \\d+\\.\\d\\d s,"
                            + " max: \\d+\\.\\d\\d s over 1 edits")
                    .containsPattern("module-01-refcount: edit-to-verdict median: ")
                    .containsPattern("\nedit-to-verdict median: \\d+\\.\\d\\d s\n");
        } finally {
            Files.deleteIfExists(out);
        }
    }
}

package threadlab.benchmarks.gil;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A smoke run of the packaged benchmark, as a user runs it, against the reference solution. It
 * checks that the command works and writes its chart; it asserts nothing about speed.
 */
class GilBenchmarkIT {

    static final Path ROOT = Path.of(System.getProperty("threadlab.root", ".."));

    @Test
    @DisplayName("a quick run prints the table and writes the chart")
    void aQuickRunPrintsTheTableAndWritesTheChart(@TempDir Path dir) throws Exception {
        Path chart = dir.resolve("chart.svg");
        Result result = run("--quick", "--chart", chart.toString());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout())
                .contains("2 threads, with the GIL")
                .contains("2 threads, without the GIL")
                .contains("4 threads, with the GIL")
                .contains("plain count, under the GIL")
                .contains("atomic count");
        assertThat(Files.readString(chart, StandardCharsets.UTF_8)).startsWith("<svg")
                .contains("2 threads, with the GIL").endsWith("</svg>\n");
    }

    @Test
    @DisplayName("a folder without a compiled GIL gets a message that says what to do")
    void aFolderWithoutAGilIsRefused(@TempDir Path dir) throws Exception {
        Result result = run("--classes", dir.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("No compiled GIL in")
                .contains("./mvnw -q package -DskipTests");
    }

    @Test
    @DisplayName("the untouched skeleton is refused with the task to do")
    void theSkeletonIsRefused(@TempDir Path dir) throws Exception {
        Result result = run("--quick", "--classes",
                ROOT.resolve("module-02-gil/target/classes").toString(),
                "--chart", dir.resolve("chart.svg").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("is not finished: Task ");
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    static Result run(String... args) throws Exception {
        Path jar = Path.of(System.getProperty("benchmarks.jar", "target/benchmarks.jar"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("benchmark-out", ".txt");
        Path err = Files.createTempFile("benchmark-err", ".txt");
        try {
            Process process = new ProcessBuilder(command).directory(ROOT.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the benchmark ran past 180 s: " + command);
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}

package threadlab.grader.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.testing.Submissions;

/**
 * The grader's temporary folder is gone on every way out: a normal end, an error after grading,
 * {@code --repeat}, a stop while grading, and a stop of {@code check --watch}. Each run gets a
 * temporary folder of its own to look in, and no process of the run is left.
 *
 * <p>A stop is SIGTERM, what {@code kill} sends. Ctrl-C sends SIGINT, for which the JVM runs the
 * same shutdown hooks; but a process started from a script in the background inherits SIGINT
 * ignored, as the build may be, so the test cannot count on SIGINT reaching the grader.
 */
class TemporaryFolderIT {

    private static final Duration LIMIT = Duration.ofMinutes(4);

    @TempDir
    Path tmp;

    @TempDir
    Path work;

    private Process start(Path dir, Path output, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of(System.getProperty("grader.jar", "target/grader.jar")).toAbsolutePath()
                        .toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        // Every JVM of the run, the grader's own included, makes its folders here.
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + tmp);
        return builder.start();
    }

    private int finish(Process process) throws Exception {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        assertThat(process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        for (ProcessHandle child : all) {
            child.onExit().get(1, TimeUnit.MINUTES);
        }
        return process.exitValue();
    }

    private List<String> graderFolders() throws IOException {
        try (Stream<Path> list = Files.list(tmp)) {
            return list.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith("threadlab-grader-")).toList();
        }
    }

    /** Stops the grader as {@code kill} does, and waits until every process of it has ended. */
    private void stop(Process process) throws Exception {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        process.destroy();
        assertThat(process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        for (ProcessHandle child : all) {
            child.onExit().get(1, TimeUnit.MINUTES);
        }
    }

    @Test
    @DisplayName("a normal end, --repeat, and an error after grading leave no folder")
    void normalEnds() throws Exception {
        Path copy = Submissions.skeleton(work.resolve("alice"));
        Path log = work.resolve("log.txt");

        assertThat(finish(start(work, log, "grade", copy.toString(), "--json",
                work.resolve("results.json").toString()))).as(read(log)).isZero();
        assertThat(graderFolders()).isEmpty();

        assertThat(finish(start(work, log, "grade", copy.toString(), "--out",
                work.resolve("grades").toString(), "--repeat", "2"))).as(read(log)).isZero();
        assertThat(graderFolders()).isEmpty();

        Path notAFolder = Files.writeString(work.resolve("file"), "in the way");
        assertThat(finish(start(work, log, "grade", copy.toString(), "--out",
                notAFolder.toString()))).as(read(log)).isEqualTo(1);
        assertThat(read(log)).contains("could not write the reports");
        assertThat(graderFolders()).isEmpty();
    }

    @Test
    @DisplayName("a stop while a class is graded, or while check --watch waits, leaves no folder")
    void stopped() throws Exception {
        Path copy = Submissions.skeleton(work.resolve("bob"));
        Path log = work.resolve("log.txt");

        Process grading = start(work, log, "grade", copy.toString(), "--out",
                work.resolve("grades").toString(), "--repeat", "20");
        await().atMost(LIMIT).until(() -> read(log).contains("Run 2 of 20"));
        stop(grading);
        assertThat(graderFolders()).as(read(log)).isEmpty();

        Process watching = start(copy, log, "check", "--watch", "--module", "3");
        await().atMost(LIMIT).until(() -> read(log).contains("Ctrl-C stops."));
        stop(watching);
        assertThat(graderFolders()).as(read(log)).isEmpty();
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
}

package threadlab.benchmarks.gil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quick runs of the packaged {@code timeline} and {@code convoy} commands, as a user runs them,
 * on the reference solution and with the machine's {@code python3}. They check that the commands
 * work; they assert nothing about speed.
 */
class PictureCommandsIT {

    /** Whether this machine runs {@code python3}; without it, the commands must say so. */
    private static final boolean PYTHON = canRun("python3", "--version");

    @Test
    @DisplayName("timeline draws both interpreters' runs from the logs it writes")
    void timelineDrawsBothRuns(@TempDir Path dir) throws Exception {
        GilBenchmarkIT.Result result = GilBenchmarkIT.run("timeline", "--quick", "--out",
                dir.toString());

        assertThat(result.stdout()).contains("The course's GIL on Java",
                "drop requests seen by a holder:");
        if (!PYTHON) {
            assertNoPython(result);
            return;
        }
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("CPython 3.",
                "drop requests: not visible from Python");
        for (String name : PictureCommands.TIMELINES) {
            byte[] log = Files.readAllBytes(dir.resolve(name + ".tsv"));
            assertThat(Files.readString(dir.resolve(name + ".svg"), StandardCharsets.UTF_8))
                    .as(name).isEqualTo(TimelineSvg.draw(log, name + ".tsv"));
        }
    }

    @Test
    @DisplayName("timeline --redraw draws the logs again, and says so when there are none")
    void redrawNeedsLogs(@TempDir Path dir) throws Exception {
        GilBenchmarkIT.Result none = GilBenchmarkIT.run("timeline", "--redraw", "--out",
                dir.toString());
        Files.writeString(dir.resolve("cpython.tsv"), Timeline.FIRST_LINE
                + "\n0\tcpu-1\twait\n10\tcpu-1\thold\n20\tcpu-1\tend\n");
        GilBenchmarkIT.Result one = GilBenchmarkIT.run("timeline", "--redraw", "--out",
                dir.toString());

        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.stderr()).contains("No timeline to redraw in", "measure first");
        assertThat(one.exitCode()).as(one.stderr()).isZero();
        assertThat(dir.resolve("cpython.svg")).isRegularFile();
        assertThat(dir.resolve("course-gil.svg")).doesNotExist();
    }

    @Test
    @DisplayName("convoy prints both interpreters side by side, for each switch interval")
    void convoyPrintsBoth() throws Exception {
        GilBenchmarkIT.Result result = GilBenchmarkIT.run("convoy", "--quick");

        assertThat(result.stdout()).contains("switch interval 5 ms", "switch interval 1 ms")
                .containsPattern("I/O calls per second, beside a CPU-bound one +[0-9,]+");
        if (!PYTHON) {
            assertNoPython(result);
            return;
        }
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).containsPattern("the course's GIL +CPython 3\\.")
                .contains("switch interval 5 ms", "switch interval 1 ms")
                .containsPattern("I/O calls per second, beside a CPU-bound one +[0-9,]+ +[0-9,]+")
                .contains("time each call gains beside it");
    }

    @Test
    @DisplayName("a CPython that cannot be run gets a message that says what to do")
    void aMissingPythonIsNamed() throws Exception {
        GilBenchmarkIT.Result result = GilBenchmarkIT.run("convoy", "--quick", "--python",
                "no-such-python-3");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("Could not run CPython as \"no-such-python-3\"",
                "Install Python 3, or give its command with --python");
    }

    private static void assertNoPython(GilBenchmarkIT.Result result) {
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("Could not run CPython as \"python3\"");
    }

    private static boolean canRun(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    @DisplayName("the untouched skeleton is refused with the task to do")
    void theSkeletonIsRefused(@TempDir Path dir) throws Exception {
        GilBenchmarkIT.Result result = GilBenchmarkIT.run("timeline", "--quick", "--classes",
                GilBenchmarkIT.ROOT.resolve("module-02-gil/target/classes").toString(),
                "--out", dir.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("The GIL is not finished: Task ");
    }

    @Test
    @DisplayName("an unknown option names the command and its help")
    void anUnknownOptionIsRefused() throws Exception {
        GilBenchmarkIT.Result result = GilBenchmarkIT.run("convoy", "--fast");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("Unknown option --fast for convoy",
                "convoy --help");
    }
}

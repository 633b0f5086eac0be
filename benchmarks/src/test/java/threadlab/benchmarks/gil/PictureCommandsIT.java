package threadlab.benchmarks.gil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

        if (!PYTHON) {
            assertNoPython(result);
            assertThat(dir).as("nothing is measured without CPython").isEmptyDirectory();
            return;
        }
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("Drew The course's GIL on Java", "Drew CPython 3.",
                "as module 2's lesson shows them:", "| hand-overs | ");
        for (String name : PictureCommands.TIMELINES) {
            byte[] log = Files.readAllBytes(dir.resolve(name + ".csv"));
            assertThat(Files.readString(dir.resolve(name + ".svg"), StandardCharsets.UTF_8))
                    .as(name).isEqualTo(TimelineSvg.draw(log, name + ".csv"));
        }
    }

    @Test
    @DisplayName("timeline --redraw draws the logs again, and says so when there are none")
    void redrawNeedsLogs(@TempDir Path dir) throws Exception {
        GilBenchmarkIT.Result none = GilBenchmarkIT.run("timeline", "--redraw", "--out",
                dir.toString());
        Files.writeString(dir.resolve("cpython.csv"), Timeline.FIRST_LINE + "\n"
                + Timeline.COLUMNS + "\n0,cpu-1,wait\n10,cpu-1,hold\n20,cpu-1,end\n");
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

        if (!PYTHON) {
            assertNoPython(result);
            return;
        }
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        for (String interpreter : new String[] {"the course's GIL,", "CPython 3\\.[0-9.]+,"}) {
            for (String interval : new String[] {"5", "1"}) {
                assertThat(result.stdout()).containsPattern(interpreter + " +switch interval "
                        + interval + " ms: +[0-9,]+ calls/s alone, +[0-9,]+ beside a CPU-bound"
                        + " thread \\([0-9.]+ x\\), ");
            }
        }
    }

    @Test
    @DisplayName("a CPython that cannot be run gets a message that says what to do")
    void aMissingPythonIsNamed() throws Exception {
        GilBenchmarkIT.Result result = GilBenchmarkIT.run("convoy", "--quick", "--python",
                "no-such-python-3");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("Could not run CPython as \"no-such-python-3\"",
                CPython.INSTALL);
        assertThat(result.stdout()).as("nothing is measured without CPython")
                .doesNotContain("Measuring");
    }

    private static void assertNoPython(GilBenchmarkIT.Result result) {
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("Could not run CPython as \"python3\"",
                CPython.INSTALL);
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
        if (!PYTHON) {
            assertNoPython(result);
            return;
        }
        assertThat(result.stderr()).contains("The GIL is not finished: Task ");
    }

    @Test
    @DisplayName("a quick run or another GIL never replaces the lesson's timelines")
    void theLessonsTimelinesNeedAFullRun() throws Exception {
        GilBenchmarkIT.Result quick = GilBenchmarkIT.run("timeline", "--quick");
        GilBenchmarkIT.Result other = GilBenchmarkIT.run("timeline", "--classes",
                GilBenchmarkIT.ROOT.resolve("module-02-gil/target/classes").toString());

        for (GilBenchmarkIT.Result result : List.of(quick, other)) {
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.stderr()).contains("are module 2's pictures",
                    "give it a folder of its own with --out DIR");
        }
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

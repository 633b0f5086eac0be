package threadlab.benchmarks.gil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Module 2's CPython experiment, {@value #SCRIPT}, run by the benchmark: the timeline it logs and
 * the convoy effect it measures.
 *
 * @param python the command that starts CPython, such as {@code python3}
 * @param script the experiment's script
 */
record CPython(String python, Path script) {

    /** Where the script is, from the repository's root. */
    static final String SCRIPT = "module-02-gil/cpython/gil_experiment.py";

    /** What to do when CPython cannot be run. */
    static final String INSTALL = "Install Python 3 (Debian or Ubuntu: sudo apt-get install"
            + " python3; Fedora: sudo dnf install python3; macOS: brew install python; Windows:"
            + " python.org), or name its command with --python, such as --python py on"
            + " Windows. Only this command needs Python; the build does not.";

    /** How long the script may run before the benchmark stops it. */
    private static final Duration LIMIT = Duration.ofMinutes(2);

    /**
     * Runs the script's {@code timeline} command, which writes its log.
     *
     * @param log where the log goes
     * @param runMillis how long the run lasts
     * @throws TimelineException if CPython cannot be run or fails
     */
    void timeline(Path log, long runMillis) throws TimelineException {
        script("timeline", log.toAbsolutePath().toString(), "--run-ms", String.valueOf(runMillis));
    }

    /**
     * Runs the script's {@code convoy} command.
     *
     * @param window how long each round lasts
     * @param rounds how many rounds of each measurement
     * @param call how long each blocking call lasts
     * @return the script's output: a {@code # CPython 3.x} line, then tab-separated rows
     * @throws TimelineException if CPython cannot be run or fails
     */
    String convoy(Duration window, int rounds, Duration call) throws TimelineException {
        return script("convoy", "--tsv", "--seconds", String.valueOf(window.toMillis() / 1000.0),
                "--rounds", String.valueOf(rounds), "--call-ms",
                String.valueOf(call.toNanos() / 1e6));
    }

    /**
     * Checks, before anything is measured, that the command runs Python 3.
     *
     * @throws TimelineException saying what to install, if it does not
     */
    void requireRunnable() throws TimelineException {
        try {
            run(List.of(python, "-c", "import sys; sys.exit(sys.version_info[0] != 3)"));
        } catch (TimelineException e) {
            if (e.getMessage().contains(INSTALL)) {
                throw e;
            }
            throw new TimelineException("\"" + python + "\" is not Python 3 (" + e.getMessage()
                    + "). " + INSTALL);
        }
    }

    private String script(String... args) throws TimelineException {
        List<String> command = new ArrayList<>(List.of(python, script.toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    private String run(List<String> command) throws TimelineException {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("cpython-out", ".txt");
            err = Files.createTempFile("cpython-err", ".txt");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new TimelineException("CPython ran past " + LIMIT.toSeconds() + " s: "
                        + String.join(" ", command) + ". Run it by hand to see why.");
            }
            if (process.exitValue() != 0) {
                throw new TimelineException("CPython failed (exit code " + process.exitValue()
                        + "): " + String.join(" ", command) + "\n"
                        + Files.readString(err, StandardCharsets.UTF_8).strip());
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TimelineException("Could not run CPython as \"" + python + "\" (" + e
                    .getMessage() + "). " + INSTALL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimelineException("Interrupted while CPython ran: "
                    + String.join(" ", command));
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}

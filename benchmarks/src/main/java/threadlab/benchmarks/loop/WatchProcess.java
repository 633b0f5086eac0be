package threadlab.benchmarks.loop;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The watch command running as a student runs it, through the Maven wrapper, with its output
 * read line by line as it comes.
 */
final class WatchProcess implements AutoCloseable {

    /** How the last line of each of the watch's verdicts starts. */
    static final String VERDICT = "Verdict in ";
    private static final String END = "\u0000end";

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer output = new StringBuffer();

    private WatchProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "watch-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code mvnw -q -f watch -Dmodule=N -Dtask=T} in a course folder.
     *
     * @param course the course folder, with its wrapper
     * @param module the module's number
     * @param task the task's number
     * @return the running command
     * @throws IOException if it cannot start
     */
    static WatchProcess start(Path course, int module, int task) throws IOException {
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        String wrapper = course.resolve(windows ? "mvnw.cmd" : "mvnw").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(wrapper, "-q", "-f", "watch",
                "-Dmodule=" + module, "-Dtask=" + task)).directory(course.toFile())
                .redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return new WatchProcess(builder.start());
    }

    private void read() {
        try (BufferedReader reader = StudentLoopBenchmark.lines(process)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                output.append(line).append('\n');
                lines.add(line);
            }
        } catch (IOException e) {
            // The command was stopped while its output was read: what was read is kept, and
            // END tells the waiting side. Thrown, it printed a stack trace after the figures.
        } finally {
            lines.add(END);
        }
    }

    /**
     * Waits for the next verdict's last line.
     *
     * @param limit the longest wait
     * @return the line
     * @throws LoopException if the command stopped or said nothing in time
     * @throws InterruptedException if interrupted while waiting
     */
    String awaitVerdict(Duration limit) throws LoopException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(END)) {
                throw new LoopException("The watch command " + (line == null
                        ? "gave no verdict within " + limit.toSeconds() + " s"
                        : "stopped") + ". Its output:\n" + output
                        + "Run ./mvnw -q -f watch in the course folder to see why.");
            }
            if (line.startsWith(VERDICT)) {
                return line;
            }
        }
    }

    /**
     * What the command printed so far.
     *
     * @return its output
     */
    String output() {
        return output.toString();
    }

    /** Stops the command: Maven and the watching JVM it started. */
    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}

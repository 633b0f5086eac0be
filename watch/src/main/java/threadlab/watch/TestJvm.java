package threadlab.watch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test JVM: started by the watch before a save, with the module's class folders on its class
 * path (empty until the save), it warms up on throwaway tests ({@link WarmUp}, and
 * {@link ModelCheckedWarmUp} for a model-checked module) until the watch sends a job on its
 * standard input. It then runs the module's tests once, as Surefire would on that class path,
 * writes how each ended to the file the job names, and ends. Its standard output and error are
 * the tests' printed lines, which the watch shows.
 *
 * <p>The job is one line of {@link Fields}: the results file, the task (or nothing), then the
 * test classes. The results file holds a line about the run ({@link Run#line()}), then a line
 * per test ({@link Outcome#line()}).
 */
public final class TestJvm {

    /** The argument that asks for the model-checked warm-up too. */
    static final String MODEL_CHECKED = "--model-checked";
    /**
     * How many times the warm-up tests run: the first round loads the classes and attaches
     * Lincheck's agent, the second has the JIT compile what the first ran. A warm run of module
     * 1's task 3 used 1.2 s of processor time after one round, 0.9 s after two and 0.95 s after
     * five (load 4 to 8).
     */
    static final int WARM_UP_ROUNDS = 2;

    private TestJvm() {
    }

    /**
     * What the test JVM says about a run, besides the tests' outcomes.
     *
     * @param warmUpRounds how many warm-up rounds ran before the job came
     * @param warmAfter how long after its start the JVM was warm, or null if the job came first
     * @param testing how long the tests took
     * @param processor the processor time the JVM used while they ran, every thread
     */
    record Run(int warmUpRounds, Duration warmAfter, Duration testing, Duration processor) {

        /**
         * The run as one line of the results file.
         *
         * @return the line
         */
        String line() {
            return Fields.join(List.of(String.valueOf(warmUpRounds),
                    String.valueOf(warmAfter == null ? -1 : warmAfter.toNanos()),
                    String.valueOf(testing.toNanos()), String.valueOf(processor.toNanos())));
        }

        /**
         * Reads a run back from its line.
         *
         * @param line what {@link #line()} made
         * @return the run
         */
        static Run ofLine(String line) {
            List<String> f = Fields.split(line);
            long warm = Long.parseLong(f.get(1));
            return new Run(Integer.parseInt(f.get(0)), warm < 0 ? null : Duration.ofNanos(warm),
                    Duration.ofNanos(Long.parseLong(f.get(2))),
                    Duration.ofNanos(Long.parseLong(f.get(3))));
        }
    }

    /**
     * Warms up, waits for the job, runs it and ends.
     *
     * @param args {@value #MODEL_CHECKED} for the model-checked warm-up
     * @throws IOException if the job or the results file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        List<String> warmUp = new ArrayList<>(List.of(WarmUp.class.getName()));
        if (List.of(args).contains(MODEL_CHECKED)) {
            warmUp.add(ModelCheckedWarmUp.class.getName());
        }
        int rounds = 0;
        while (rounds < WARM_UP_ROUNDS && !jobWaiting()) {
            VisibleTests.run(warmUp, OptionalInt.empty());
            if (!jobWaiting()) {
                rounds++; // a round the job cut short does not count
            }
        }
        Duration warmAfter = rounds < WARM_UP_ROUNDS ? null : Duration.ofMillis(
                System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
        String job = new BufferedReader(new InputStreamReader(System.in,
                StandardCharsets.UTF_8)).readLine();
        if (job != null) {
            run(Fields.split(job), rounds, warmAfter);
        }
        System.out.flush();
        System.err.flush();
        System.exit(0);
    }

    private static void run(List<String> job, int rounds, Duration warmAfter)
            throws IOException {
        Path results = Path.of(job.get(0));
        OptionalInt task = job.get(1).isEmpty() ? OptionalInt.empty()
                : OptionalInt.of(Integer.parseInt(job.get(1)));
        Duration processor = processor();
        long start = System.nanoTime();
        List<Outcome> outcomes = VisibleTests.run(job.subList(2, job.size()), task);
        Run run = new Run(rounds, warmAfter, Duration.ofNanos(System.nanoTime() - start),
                processor().minus(processor));
        List<String> lines = new ArrayList<>(List.of(run.line()));
        outcomes.forEach(o -> lines.add(o.line()));
        Files.write(results, lines, StandardCharsets.UTF_8);
    }

    /**
     * Skips the rest of the warm-up when a job has come: a save waits for one warm-up test at
     * most, not for a whole round. The warm-up classes use it; a module's tests never do.
     */
    static final class UntilAJobComes implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return jobWaiting() ? ConditionEvaluationResult.disabled("a job came")
                    : ConditionEvaluationResult.enabled("no job yet");
        }
    }

    private static boolean jobWaiting() {
        try {
            return System.in.available() > 0;
        } catch (IOException e) {
            return true; // the watch has gone: no need to warm up
        }
    }

    private static Duration processor() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }
}

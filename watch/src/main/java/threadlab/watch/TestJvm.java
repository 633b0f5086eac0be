package threadlab.watch;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test JVM: started by the watch before a save, with the module's class folders on its class
 * path (empty until the save), it warms up on throwaway tests ({@link WarmUp}, and
 * {@link ModelCheckedWarmUp} for a model-checked module) until the watch sends a job on its
 * standard input. It runs the module's tests as Surefire would on that class path, each save's
 * classes with a class loader of their own ({@link SaveLoader}), writes how each test ended to
 * the file the job names, and waits for the next job, for as long as no save leaves anything
 * behind that the next could meet. Its standard output and error are the tests' printed lines,
 * which the watch shows, and two signals of its own ({@link #DONE}, {@link #READY}).
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
    /**
     * How many saves one test JVM tests at most: each leaves a little behind in Lincheck's
     * records of code by name, which a new JVM starts without.
     */
    static final int MAX_SAVES = 40;
    /** Said on standard output when a job's results are written. */
    static final String DONE = "\0threadlab-watch:done\0";
    /** Said on standard output when the JVM waits for another job. */
    static final String READY = "\0threadlab-watch:ready\0";

    /** How many collections a save's class loader gets to be gone, and the pause after each. */
    private static final int COLLECTIONS = 3;
    private static final Duration COLLECTION_PAUSE = Duration.ofMillis(20);
    /** Standard output itself, whatever a test makes of {@code System.out}. */
    private static final OutputStream STANDARD_OUT = new FileOutputStream(FileDescriptor.out);

    private TestJvm() {
    }

    /**
     * What the test JVM says about a run, besides the tests' outcomes.
     *
     * @param warmUpRounds how many warm-up rounds ran before the first job came
     * @param warmAfter how long after its start the JVM was warm, or null if the job came first
     * @param saves how many saves this JVM tested before this one
     * @param testing how long the tests took
     * @param processor the processor time the JVM used while they ran, every thread
     */
    record Run(int warmUpRounds, Duration warmAfter, int saves, Duration testing,
            Duration processor) {

        /**
         * The run as one line of the results file.
         *
         * @return the line
         */
        String line() {
            return Fields.join(List.of(String.valueOf(warmUpRounds),
                    String.valueOf(warmAfter == null ? -1 : warmAfter.toNanos()),
                    String.valueOf(saves), String.valueOf(testing.toNanos()),
                    String.valueOf(processor.toNanos())));
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
                    Integer.parseInt(f.get(2)), Duration.ofNanos(Long.parseLong(f.get(3))),
                    Duration.ofNanos(Long.parseLong(f.get(4))));
        }
    }

    /**
     * Warms up, then runs each job that comes, until the watch closes its standard input or a job
     * leaves something behind that the next save could meet (see {@link #run}).
     *
     * @param args {@value #MODEL_CHECKED} for the model-checked warm-up, then the class folders
     *     of the module's saves, as on the class path
     * @throws IOException if a job or a results file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        List<String> warmUp = new ArrayList<>(List.of(WarmUp.class.getName()));
        boolean modelChecked = List.of(args).contains(MODEL_CHECKED);
        if (modelChecked) {
            warmUp.add(ModelCheckedWarmUp.class.getName());
        }
        List<Path> slots = new ArrayList<>();
        for (String arg : args) {
            if (!arg.equals(MODEL_CHECKED)) {
                slots.add(Path.of(arg));
            }
        }
        if (modelChecked) {
            attachLincheck();
        }
        int rounds = 0;
        while (rounds < WARM_UP_ROUNDS && !jobWaiting()) {
            VisibleTests.run(warmUp, OptionalInt.empty(), TestJvm.class.getClassLoader());
            if (!jobWaiting()) {
                rounds++; // a round the job cut short does not count
            }
        }
        Duration warmAfter = rounds < WARM_UP_ROUNDS ? null : Duration.ofMillis(
                System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
        BufferedReader jobs = new BufferedReader(new InputStreamReader(System.in,
                StandardCharsets.UTF_8));
        for (int saves = 0;; saves++) {
            String job = jobs.readLine();
            if (job == null || !run(Fields.split(job), slots, modelChecked,
                    new Run(rounds, warmAfter, saves, Duration.ZERO, Duration.ZERO))) {
                break;
            }
            signal(READY);
        }
        System.out.flush();
        System.err.flush();
        System.exit(0);
    }

    /**
     * Runs a job's tests with a class loader of their own, writes how they ended, says so on
     * standard output ({@link #DONE}), then decides whether this JVM can test the next save: only
     * when this save left nothing behind. Its class loader must be gone (no thread it started
     * still runs, no static field of the JDK's or Lincheck's holds one of its objects), the JDK's
     * standard streams and system properties must be as they were, and Lincheck's caches of
     * classes by name must be emptied of its classes ({@link LincheckCaches}).
     *
     * @return true when this JVM can take another job
     */
    private static boolean run(List<String> job, List<Path> slots, boolean modelChecked,
            Run before) throws IOException {
        Globals globals = Globals.now();
        boolean forgets = !modelChecked || LincheckCaches.ready();
        Tested tested = test(job, slots, modelChecked && forgets, before);
        if (!forgets || before.saves() + 1 >= MAX_SAVES) {
            return false;
        }
        try {
            if (modelChecked) {
                LincheckCaches.forget(tested.names(), tested.loader().get());
            }
        } catch (ReflectiveOperationException e) {
            return false;
        }
        return gone(tested.loader()) && globals.equals(Globals.now());
    }

    /** A save's tests that ran: their class loader, held weakly, and their classes' names. */
    private record Tested(WeakReference<ClassLoader> loader, Set<String> names) {
    }

    /**
     * Runs the tests, writes how they ended and signals {@link #DONE}. The class loader is made
     * here and only held weakly on return, so that it can be collected.
     */
    private static Tested test(List<String> job, List<Path> slots, boolean lincheck,
            Run before) throws IOException {
        Path results = Path.of(job.get(0));
        OptionalInt task = job.get(1).isEmpty() ? OptionalInt.empty()
                : OptionalInt.of(Integer.parseInt(job.get(1)));
        try (SaveLoader loader = new SaveLoader(slots, TestJvm.class.getClassLoader())) {
            Set<String> names = loader.classNames();
            Duration processor = processor();
            long start = System.nanoTime();
            List<Outcome> outcomes;
            try {
                if (lincheck) {
                    LincheckCaches.forget(names, null);
                    LincheckCaches.remember(load(loader, names));
                }
                outcomes = VisibleTests.run(job.subList(2, job.size()), task, loader);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Lincheck's caches changed while in use", e);
            }
            Run run = new Run(before.warmUpRounds(), before.warmAfter(), before.saves(),
                    Duration.ofNanos(System.nanoTime() - start), processor().minus(processor));
            List<String> lines = new ArrayList<>(List.of(run.line()));
            outcomes.forEach(o -> lines.add(o.line()));
            Files.write(results, lines, StandardCharsets.UTF_8);
            signal(DONE);
            return new Tested(new WeakReference<>(loader), names);
        }
    }

    /**
     * Attaches the agent that Lincheck attaches on its first check, now, before any save: it
     * starts a process to attach it, and the JDK a thread to wait for that process, which would
     * otherwise take a save's class loader as its own and keep it for good. Then it has
     * Lincheck make its static objects ({@link ModelCheckedWarmUp#prime()}).
     */
    private static void attachLincheck() {
        ByteBuddyAgent.install();
        ModelCheckedWarmUp.prime();
    }

    /** Loads a save's classes, without running their static code, for Lincheck's caches. */
    private static List<Class<?>> load(ClassLoader loader, Set<String> names) {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            try {
                classes.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException | LinkageError e) {
                // A class that cannot load now fails where a test uses it, as with Maven.
            }
        }
        return classes;
    }

    /**
     * Whether a save's class loader was collected: nothing of the save is reachable any more.
     * A thread the save started and left running holds it, as its context class loader.
     */
    private static boolean gone(WeakReference<ClassLoader> loader) {
        for (int i = 0; i < COLLECTIONS && loader.get() != null; i++) {
            System.gc();
            try {
                Thread.sleep(COLLECTION_PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return loader.get() == null;
    }

    /**
     * Says on standard output, past whatever {@code System.out} is now, that a job is done or
     * that the JVM waits for the next: the watch reads it from the output and does not show it.
     */
    private static void signal(String what) throws IOException {
        System.out.flush();
        System.err.flush();
        STANDARD_OUT.write(what.getBytes(StandardCharsets.UTF_8));
        STANDARD_OUT.flush();
    }

    /**
     * What a save's tests could change of the JDK and leave for the next save: the standard
     * streams and the system properties.
     */
    private record Globals(Object out, Object err, Object in, Map<Object, Object> properties) {

        static Globals now() {
            return new Globals(System.out, System.err, System.in,
                    new HashMap<>(System.getProperties()));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Globals g && out == g.out && err == g.err && in == g.in
                    && properties.equals(g.properties);
        }

        @Override
        public int hashCode() {
            return properties.hashCode();
        }
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

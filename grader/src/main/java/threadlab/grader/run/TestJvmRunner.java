package threadlab.grader.run;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import threadlab.grader.failure.GradingFailure;
import threadlab.grader.protocol.Event;
import threadlab.grader.protocol.Protocol;
import threadlab.grader.protocol.Text;
import threadlab.grader.protocol.Verdict;
import threadlab.grader.text.StudentText;

/**
 * Runs hidden tests in a JVM of their own, so that a submission that hangs, floods its output or
 * ends the JVM cannot hang or end the grader. It watches each test against its time limit; when a
 * test runs too long or the JVM dies under it, that test fails and a fresh JVM runs the rest.
 *
 * <p>The test JVM runs in a working folder of its own, which is also its home and temporary
 * folder, with a capped heap and a cap on threads, on a fixed locale and time zone.
 */
public final class TestJvmRunner {

    /** How much of a test JVM's own output the grader keeps for a report, in characters. */
    static final int LOG_KEPT = 2_000;
    /** The longest line of the test JVM's standard output the grader reads, in bytes. */
    static final int MAX_LINE = 64 * 1024;

    /** What every test JVM runs with: quick to start, predictable, and bounded. */
    static final List<String> JVM_FLAGS = flags();

    /** How long a test JVM is watched before it counts as waiting or working again. */
    static final Duration IDLE_WINDOW = Duration.ofMillis(500);
    /** A test JVM that uses less than one core divided by this over the window waits. */
    static final int IDLE_SHARE = 5;
    /**
     * Where the system does not say which threads are ready to run: above this share of all the
     * cores in use, no test JVM counts as waiting, since on a busy machine a JVM that works may
     * get less than a fifth of a core.
     */
    static final double BUSY_MACHINE = 0.9;

    private static final Optional<Event> STDOUT_CLOSED = Optional.empty();
    /** The note when a process of the submission outlived the limit for ending it. */
    static final String STILL_RUNNING = "A process your code started was still running "
            + Limits.seconds(ProcessTree.STOP_LIMIT) + " after the grader stopped it. Programs"
            + " should end the processes and threads they start.";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The flags: a quick start with the C1 compiler alone and the serial collector; out of
     * memory ends the JVM at once, and says so on standard error; no attaching to it; a fixed
     * locale and time zone.
     *
     * <p>No {@code --limit-modules}: the JVM turns class-data sharing off with it (JDK 17 and
     * 25), the JDK's own archive and the run's, which costs every test JVM's start. What it
     * would add, the sandbox holds: no JVM accepts an attach, each sees no other process, and
     * none has a network.
     */
    private static List<String> flags() {
        List<String> flags = new ArrayList<>(List.of("-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-XX:+ExitOnOutOfMemoryError",
                "-XX:+DisplayVMOutputToStderr", "-XX:+DisableAttachMechanism"));
        flags.addAll(List.of("-Dfile.encoding=UTF-8", "-Djava.awt.headless=true",
                "-Duser.language=en", "-Duser.country=US", "-Duser.timezone=UTC"));
        return List.copyOf(flags);
    }

    private final Limits limits;
    private final List<String> jvmArgs;
    private final ClassDataArchive archive;
    private final Activity activity;
    private final Sandbox sandbox;

    /**
     * A runner with limits.
     *
     * @param limits the time and memory bounds
     */
    public TestJvmRunner(Limits limits) {
        this(limits, List.of());
    }

    /**
     * A runner with limits and more JVM options, such as a class-data sharing archive.
     *
     * @param limits the time and memory bounds
     * @param jvmArgs options for each test JVM
     */
    public TestJvmRunner(Limits limits, List<String> jvmArgs) {
        this(limits, jvmArgs, null);
    }

    /**
     * A runner whose test JVMs share a class-data archive.
     *
     * @param limits the time and memory bounds
     * @param jvmArgs more options for each test JVM
     * @param archive the run's archive, or {@code null} for none
     */
    public TestJvmRunner(Limits limits, List<String> jvmArgs, ClassDataArchive archive) {
        this(limits, jvmArgs, archive, Activity.NONE);
    }

    /**
     * A runner that also tells when its test JVM waits and when it works.
     *
     * @param limits the time and memory bounds
     * @param jvmArgs more options for each test JVM
     * @param archive the run's archive, or {@code null} for none
     * @param activity told when a test JVM waits, and when it works again
     */
    public TestJvmRunner(Limits limits, List<String> jvmArgs, ClassDataArchive archive,
            Activity activity) {
        this(limits, jvmArgs, archive, activity, Sandbox.off());
    }

    /**
     * A runner whose test JVMs run in a sandbox.
     *
     * @param limits the time and memory bounds
     * @param jvmArgs more options for each test JVM
     * @param archive the run's archive, or {@code null} for none
     * @param activity told when a test JVM waits, and when it works again
     * @param sandbox the sandbox each test JVM runs in, or one that is off
     */
    public TestJvmRunner(Limits limits, List<String> jvmArgs, ClassDataArchive archive,
            Activity activity, Sandbox sandbox) {
        this.limits = limits;
        this.jvmArgs = List.copyOf(jvmArgs);
        this.archive = archive;
        this.activity = activity;
        this.sandbox = sandbox;
    }

    /**
     * The options every test JVM runs with, as reports record them.
     *
     * @param limits the limits
     * @return the options, without the class path and the folders of each run
     */
    public static List<String> options(Limits limits) {
        List<String> options = new ArrayList<>();
        options.add("-Xmx" + limits.maxHeapMegabytes() + "m");
        options.addAll(JVM_FLAGS);
        return options;
    }

    /**
     * Runs tests and returns how each went, in the order given.
     *
     * @param classpath the submission's classes, the hidden tests and the grader's runtime
     * @param testIds the JUnit ids of the tests to run
     * @param workDir the folder the test JVM runs in; it is created
     * @return an outcome for every test id
     */
    public Map<String, TestOutcome> run(List<Path> classpath, List<String> testIds, Path workDir) {
        return runAll(classpath, testIds, workDir).outcomes();
    }

    /**
     * Runs tests and returns how each went, what they printed, and what else the report needs.
     *
     * @param classpath the grader's runtime, the hidden tests and the submission's classes
     * @param testIds the JUnit ids of the tests to run
     * @param workDir the folder the test JVM runs in; it is created
     * @return the run
     */
    public TestRun runAll(List<Path> classpath, List<String> testIds, Path workDir) {
        Collected collected = new Collected();
        List<String> remaining = new ArrayList<>(testIds);
        long deadline = System.nanoTime() + limits.perSubmission().toNanos();
        try {
            Files.createDirectories(workDir.resolve("home"));
            Files.createDirectories(workDir.resolve("tmp"));
            sandbox.prepare(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int jvms = 0;
        while (!remaining.isEmpty()) {
            GradingFailure stop = Thread.currentThread().isInterrupted()
                    ? new RunStoppedException()
                    : System.nanoTime() - deadline >= 0
                    ? new SubmissionTimedOutException(limits.perSubmission()) : null;
            if (stop != null) {
                for (String id : remaining) {
                    collected.outcomes.put(id, TestOutcome.failed(id, stop, 0));
                }
                break;
            }
            jvms++;
            runOnce(classpath, remaining, workDir, deadline, collected);
            remaining.removeIf(collected.outcomes::containsKey);
        }
        Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
        for (String id : testIds) {
            TestOutcome outcome = collected.outcomes.get(id);
            if (outcome != null) {
                outcomes.put(id, outcome.withOutput(collected.linesOf(id),
                        collected.droppedOf(id)));
            }
        }
        return new TestRun(outcomes, collected.notes, jvms,
                collected.cpuKnown ? collected.cpuMillis : -1);
    }

    /** What the test JVMs of one submission said, gathered over every JVM it took. */
    private static final class Collected {
        final Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
        final Map<String, List<OutputLine>> lines = new HashMap<>();
        final Map<String, Integer> dropped = new HashMap<>();
        final Map<String, String> diagnoses = new HashMap<>();
        final List<String> notes = new ArrayList<>();
        long cpuMillis;
        boolean cpuKnown = true;

        void line(Event e) {
            if (e.id() != null && e.micros() != null) {
                lines.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(new OutputLine(
                        e.micros(), String.valueOf(e.thread()), String.valueOf(e.channel()),
                        String.valueOf(e.text()), false));
            }
        }

        /** The lines of a test: its test class's set-up first, then its own. */
        List<OutputLine> linesOf(String testId) {
            List<OutputLine> all = new ArrayList<>();
            lines.forEach((step, list) -> {
                if (testId.startsWith(step + "/")) {
                    list.forEach(l -> all.add(new OutputLine(l.micros(), l.thread(), l.channel(),
                            l.text(), true)));
                }
            });
            all.addAll(lines.getOrDefault(testId, List.of()));
            return all;
        }

        int droppedOf(String testId) {
            int n = 0;
            for (Map.Entry<String, Integer> e : dropped.entrySet()) {
                if (testId.equals(e.getKey()) || testId.startsWith(e.getKey() + "/")) {
                    n += e.getValue();
                }
            }
            return n;
        }
    }

    /** One test JVM: runs until all remaining tests are done, or it dies or is stopped. */
    private void runOnce(List<Path> classpath, List<String> remaining, Path workDir,
            long deadline, Collected collected) {
        Map<String, TestOutcome> outcomes = collected.outcomes;
        byte[] seed = new byte[16];
        RANDOM.nextBytes(seed);
        String secret = HexFormat.of().formatHex(seed);
        List<String> archiveOptions = archive == null ? List.of()
                : archive.nextJvmOptions(workDir);
        Process process = start(classpath, workDir, archiveOptions);
        BlockingQueue<Optional<Event>> events = new LinkedBlockingQueue<>();
        StringBuilder log = new StringBuilder();
        Thread stdout = daemon("test-jvm-stdout", () -> readEvents(process.getInputStream(),
                secret, events));
        Thread stderr = daemon("test-jvm-stderr", () -> keepLog(process.getErrorStream(), log));
        stdout.start();
        stderr.start();
        try (Writer in = new java.io.OutputStreamWriter(process.getOutputStream(),
                StandardCharsets.UTF_8)) {
            in.write(secret + "\n");
            in.write("limits " + limits.perTest().toMillis() + " " + limits.maxThreads() + "\n");
            for (String id : remaining) {
                in.write(id + "\n");
            }
        } catch (IOException e) {
            // The JVM died at once; the loop below reports it.
        }

        // Whether the JVM told its processor time before it ended.
        boolean told = false;
        Watch watch = new Watch(process.toHandle(), activity);
        // What runs now: a test inside its test class, or a test class between its tests.
        Deque<Step> steps = new ArrayDeque<>();
        int finishedHere = 0;
        Integer threads = null;
        try {
            while (true) {
                long now = System.nanoTime();
                long wait = deadline - now;
                if (!steps.isEmpty()) {
                    wait = Math.min(wait, steps.peek().since() + limits.perTest().toNanos() - now);
                }
                watch.sample();
                long slice = Math.min(wait, IDLE_WINDOW.toNanos());
                Optional<Event> next = wait <= 0 ? null : events.poll(slice, TimeUnit.NANOSECONDS);
                if (next == null && slice < wait) {
                    continue;
                }
                if (next == null) {
                    stop(process);
                    boolean submissionOver = System.nanoTime() - deadline >= 0;
                    if (!steps.isEmpty()) {
                        failInFlight(steps.peek(), remaining, outcomes, submissionOver
                                ? new SubmissionTimedOutException(limits.perSubmission())
                                : new TestTimedOutException(limits.perTest(),
                                        diagnosis(collected, steps)));
                    }
                    return;
                }
                if (next.isEmpty()) {
                    int code = exitCode(process);
                    stderr.join(TimeUnit.SECONDS.toMillis(2));
                    String lastWords = tail(log);
                    Exception failure = threads != null
                            ? new TooManyThreadsException(threads, limits.maxThreads())
                            : outOfMemory(lastWords).<Exception>map(what ->
                                    new OutOfMemoryException(limits.maxHeapMegabytes(), what))
                                    .orElseGet(() -> new TestJvmExitedException(code,
                                            lastWords));
                    if (!steps.isEmpty()) {
                        failInFlight(steps.peek(), remaining, outcomes, failure);
                    } else if (finishedHere == 0) {
                        // A JVM that ends before any test could finish would end the same way
                        // again: the tests it left fail with what it said.
                        for (String id : remaining) {
                            outcomes.putIfAbsent(id, TestOutcome.failed(id,
                                    failure instanceof TestJvmExitedException
                                            ? new TestJvmFailedException(code, lastWords)
                                            : failure, 0));
                        }
                    }
                    return;
                }
                Event event = next.get();
                switch (event.type()) {
                    case Event.STARTED:
                        steps.push(new Step(event.id(), System.nanoTime()));
                        break;
                    case Event.FINISHED:
                        if (remaining.contains(event.id()) && !outcomes.containsKey(event.id())) {
                            outcomes.put(event.id(), new TestOutcome(event.id(),
                                    passes(event, steps.isEmpty() ? null : steps.peek().id()),
                                    verdict(event), event.millis() == null ? 0 : event.millis()));
                            finishedHere++;
                        }
                        end(steps, event.id());
                        break;
                    case Event.ENDED:
                        end(steps, event.id());
                        break;
                    case Event.LINE:
                        collected.line(event);
                        break;
                    case Event.DROPPED:
                        if (event.id() != null && event.count() != null) {
                            collected.dropped.merge(event.id(), event.count(), Integer::sum);
                        }
                        break;
                    case Event.STUCK:
                        if (event.id() != null && event.feedback() != null) {
                            collected.diagnoses.put(event.id(), event.feedback());
                        }
                        break;
                    case Event.THREADS:
                        threads = event.count();
                        break;
                    case Event.LEFTOVER:
                        if (event.feedback() != null && !collected.notes.contains(
                                event.feedback())) {
                            collected.notes.add(event.feedback());
                        }
                        break;
                    case Event.DONE:
                        if (event.millis() != null) {
                            collected.cpuMillis += event.millis();
                            told = true;
                        }
                        stop(process);
                        return;
                    default:
                        break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process);
        } finally {
            if (!stop(process)) {
                collected.notes.add(STILL_RUNNING);
            }
            watch.ended();
            if (!told) {
                collected.cpuKnown = false;
            }
            if (archiveOptions.stream().anyMatch(o -> o.startsWith("-XX:DumpLoadedClassList"))) {
                archive.keepRecording(workDir);
                daemon("class-data-archive", archive::build).start();
            }
        }
    }

    /**
     * Whether a test JVM waits rather than works.
     *
     * @param cpuNanos the processor time it used over a window
     * @param windowNanos how long the window was
     * @param wantsProcessor whether a thread of it is ready to run, so that it may only be short
     *     of processor time (where the system does not say: whether the machine is busy); asked
     *     only when it used little
     * @return {@code true} if it used less than a fifth of a core and no thread wants more
     */
    static boolean waits(long cpuNanos, long windowNanos, BooleanSupplier wantsProcessor) {
        return cpuNanos * IDLE_SHARE < windowNanos && !wantsProcessor.getAsBoolean();
    }

    /**
     * The processor time that processes used, all together.
     *
     * @param processes the processes, such as a process and its descendants
     * @return the sum, or empty where the system does not say for the first of them
     */
    static Optional<Duration> cpuOf(List<ProcessHandle> processes) {
        Optional<Duration> first = processes.get(0).info().totalCpuDuration();
        if (first.isEmpty()) {
            return first;
        }
        Duration sum = first.get();
        for (ProcessHandle process : processes.subList(1, processes.size())) {
            sum = sum.plus(process.info().totalCpuDuration().orElse(Duration.ZERO));
        }
        return Optional.of(sum);
    }

    /**
     * Whether a thread of any of some processes is running or ready to run.
     *
     * @param processes the processes, such as a process and its descendants
     * @return the answer, or empty where the system does not say
     */
    static Optional<Boolean> readyToRun(List<ProcessHandle> processes) {
        Optional<Boolean> answer = Optional.empty();
        for (ProcessHandle process : processes) {
            Optional<Boolean> ready = readyToRun(process.pid());
            if (ready.orElse(false)) {
                return ready;
            }
            if (ready.isPresent()) {
                answer = ready;
            }
        }
        return answer;
    }

    /**
     * Whether a thread of a process is running or ready to run, looked at a few times a
     * millisecond apart. A thread that works on a machine whose cores are all busy is ready to
     * run; a thread that waits for a lock, a condition or a sleep is not.
     *
     * @param pid the process
     * @return the answer, or empty where the system does not say (no {@code /proc})
     */
    static Optional<Boolean> readyToRun(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return Optional.empty();
        }
        for (int look = 0; look < 3; look++) {
            try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
                for (Path thread : threads) {
                    if (threadState(thread.resolve("stat")) == 'R') {
                        return Optional.of(true);
                    }
                }
            } catch (IOException | SecurityException e) {
                // The process ended, or the system does not let the grader look.
                return Optional.empty();
            }
            try {
                TimeUnit.MILLISECONDS.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Optional.of(false);
    }

    /** A thread's state letter from its {@code stat} file, or a blank if it is gone. */
    static char threadState(Path stat) {
        String line;
        try {
            line = Files.readString(stat, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return ' ';
        }
        // "tid (name) S ...": the name may hold spaces and brackets, so look after the last one.
        int close = line.lastIndexOf(')');
        return close >= 0 && close + 2 < line.length() ? line.charAt(close + 2) : ' ';
    }

    /** How busy the whole machine's cores are, looked at most every half window. */
    private static final class Machine {
        private static long sampledAt = System.nanoTime() - IDLE_WINDOW.toNanos();
        private static boolean busy;

        static synchronized boolean busy() {
            long now = System.nanoTime();
            if (now - sampledAt >= IDLE_WINDOW.toNanos() / 2) {
                sampledAt = now;
                double load = ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os
                        ? os.getCpuLoad() : -1;
                // Unknown (below 0, or not a number): the JVM's own share decides alone.
                busy = load >= BUSY_MACHINE;
            }
            return busy;
        }
    }

    /** Whether a test JVM works or waits: the processor time it used, and its threads' states. */
    private static final class Watch {
        private final ProcessHandle handle;
        private final Activity activity;
        private long sampledAt = System.nanoTime();
        private long cpuAt;
        private boolean waiting;

        Watch(ProcessHandle handle, Activity activity) {
            this.handle = handle;
            this.activity = activity;
        }

        /** Looks again once a window has passed since the last look. */
        void sample() {
            long now = System.nanoTime();
            if (now - sampledAt < IDLE_WINDOW.toNanos()) {
                return;
            }
            // In the sandbox the process started is bubblewrap, and the test JVM is one of its
            // descendants: the whole tree counts.
            List<ProcessHandle> tree = new ArrayList<>();
            tree.add(handle);
            handle.descendants().forEach(tree::add);
            Optional<Duration> cpu = cpuOf(tree);
            if (cpu.isEmpty()) {
                // The system does not say, or the JVM is gone: it counts as working.
                return;
            }
            long used = Math.max(0, cpu.get().toNanos() - cpuAt);
            long window = now - sampledAt;
            boolean idle = waits(used, window, () -> readyToRun(tree).orElseGet(Machine::busy));
            sampledAt = now;
            cpuAt = cpu.get().toNanos();
            if (idle != waiting) {
                waiting = idle;
                if (idle) {
                    activity.waiting();
                } else {
                    activity.working();
                }
            }
        }

        /** The JVM ended: what comes next (reports, another JVM) works. */
        void ended() {
            if (waiting) {
                waiting = false;
                activity.working();
            }
        }
    }

    /** Where the submission's threads were when the step that ran out of time neared its limit. */
    private static String diagnosis(Collected collected, Deque<Step> steps) {
        for (Step step : steps) {
            String diagnosis = collected.diagnoses.get(step.id());
            if (diagnosis != null) {
                return diagnosis;
            }
        }
        return "";
    }

    /** What ran the JVM out of memory, from its last words, if that is how it ended. */
    static Optional<String> outOfMemory(String lastWords) {
        String marker = "java.lang.OutOfMemoryError: ";
        int at = lastWords.lastIndexOf(marker);
        if (at < 0) {
            return Optional.empty();
        }
        String what = lastWords.substring(at + marker.length()).lines().findFirst().orElse("")
                .strip();
        return Optional.of("OutOfMemoryError: " + (what.isEmpty() ? "out of memory" : what));
    }

    /** A test or test class that has started and not yet ended, and since when it runs. */
    private record Step(String id, long since) {
    }

    /**
     * Whether a finished test passed. A pass counts only for the test that the grader saw start
     * and that runs now: a test JVM reports a failure for tests it never started (their class
     * failed, or they were skipped), but never a pass. A pass reported for any other test is a
     * forged line, and the test fails.
     *
     * @param finished the event that says the test finished
     * @param running the id of the step that runs now, or {@code null}
     * @return whether the test passed
     */
    static boolean passes(Event finished, String running) {
        return Boolean.TRUE.equals(finished.passed()) && finished.id().equals(running)
                && (finished.verdict() == null || finished.verdict().passed());
    }

    /**
     * A finished test's verdict as the grader takes it: each text cut to
     * {@link StudentText#FEEDBACK} characters and cleaned, whatever the test JVM sent. The rules
     * are left out: the grader names them from the hidden test's own tags.
     *
     * @param finished the event that says the test finished
     * @return the verdict; a failed check with no reason for a failure that sent none
     */
    static Verdict verdict(Event finished) {
        Verdict sent = finished.verdict() == null ? Verdict.UNEXPLAINED : finished.verdict();
        return sent.withRules(List.of()).bounded(StudentText.FEEDBACK, StudentText.FEEDBACK);
    }

    /** Ends a step; the step around it, if any, runs on from now. */
    private static void end(Deque<Step> steps, String id) {
        if (!steps.isEmpty() && steps.peek().id().equals(id)) {
            steps.pop();
            if (!steps.isEmpty()) {
                steps.push(new Step(steps.pop().id(), System.nanoTime()));
            }
        }
    }

    /** Fails the test that was running, or every unfinished test of the class that was. */
    private static void failInFlight(Step step, List<String> remaining,
            Map<String, TestOutcome> outcomes, Exception failure) {
        long millis = millisSince(step.since());
        for (String id : remaining) {
            if ((id.equals(step.id()) || id.startsWith(step.id() + "/"))
                    && !outcomes.containsKey(id)) {
                outcomes.put(id, TestOutcome.failed(id, failure, millis));
            }
        }
    }

    /**
     * The command that starts a test JVM.
     *
     * @param classpath its class path
     * @param workDir its working folder
     * @return the command
     */
    List<String> command(List<Path> classpath, Path workDir, List<String> archiveOptions) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-Xmx" + limits.maxHeapMegabytes() + "m");
        command.addAll(JVM_FLAGS);
        command.add("-Duser.home=" + workDir.resolve("home"));
        command.add("-Djava.io.tmpdir=" + workDir.resolve("tmp"));
        command.addAll(jvmArgs);
        command.addAll(archiveOptions);
        command.add("-cp");
        command.add(classpath.stream().map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator)));
        command.add(Protocol.TEST_JVM_MAIN_CLASS);
        return command;
    }

    private Process start(List<Path> classpath, Path workDir, List<String> archiveOptions) {
        List<Path> readable = new ArrayList<>(classpath);
        readable.addAll(Sandbox.filesNamedIn(jvmArgs));
        readable.addAll(Sandbox.filesNamedIn(archiveOptions));
        ProcessBuilder builder = sandbox.builder(command(classpath, workDir, archiveOptions),
                workDir, readable);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + builder.command().get(0), e);
        }
    }

    private static void readEvents(InputStream stdout, String secret,
            BlockingQueue<Optional<Event>> events) {
        Protocol.Decoder decoder = new Protocol.Decoder(secret);
        try (InputStream in = stdout) {
            LineReader reader = new LineReader(in, MAX_LINE);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                decoder.accept(line).ifPresent(e -> events.add(Optional.of(e)));
            }
        } catch (IOException e) {
            // The JVM is gone: the end of its output says so.
        } finally {
            events.add(STDOUT_CLOSED);
        }
    }

    private static void keepLog(InputStream stderr, StringBuilder log) {
        byte[] buffer = new byte[8192];
        try (InputStream in = stderr) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                synchronized (log) {
                    log.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    if (log.length() > 4 * LOG_KEPT) {
                        log.delete(0, log.length() - LOG_KEPT);
                    }
                }
            }
        } catch (IOException e) {
            // The JVM is gone; what was read is kept.
        }
    }

    private static String tail(StringBuilder log) {
        synchronized (log) {
            String text = log.length() > LOG_KEPT ? log.substring(log.length() - LOG_KEPT)
                    : log.toString();
            return Text.clean(text, LOG_KEPT).lines().map(line -> "  " + line)
                    .collect(Collectors.joining("\n"));
        }
    }

    private static int exitCode(Process process) throws InterruptedException {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            stop(process);
        }
        return process.isAlive() ? -1 : process.exitValue();
    }

    /**
     * Ends the test JVM and every process under it, and waits for them, bounded.
     *
     * @return whether all are gone
     */
    private static boolean stop(Process process) {
        boolean gone = ProcessTree.end(process.toHandle(), ProcessTree.STOP_LIMIT);
        closeQuietly(process.getOutputStream());
        return gone;
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException e) {
            // Nothing to do: the process is gone.
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }
}

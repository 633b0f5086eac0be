package threadlab.grader.testjvm;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;
import threadlab.grader.api.Trace;
import threadlab.grader.protocol.Event;
import threadlab.grader.protocol.HiddenTestRequests;
import threadlab.grader.protocol.Protocol;
import threadlab.grader.protocol.Text;
import threadlab.grader.protocol.Verdict;

/**
 * The main class of a test JVM. It reads the run's secret, its limits and the ids of the tests
 * to run from standard input, runs them with the JUnit Platform, and reports each one on
 * standard output ({@link Protocol}), with the lines the submission printed and the thread that
 * printed each. A watchdog thread stops a thread bomb and, as a test nears its time limit, tells
 * the grader where the submission's threads are and whether they deadlocked.
 */
public final class TestJvm {

    /** How much of the submission's printing is kept, in bytes of text. */
    static final int OUTPUT_CAP = 64 * 1024;
    /** How many printed lines a test or test class keeps for the report. */
    static final int LINES_PER_STEP = 200;
    /** How much of one printed line is kept, in characters. */
    static final int LINE_CHARS = 300;
    /** How much of a verdict's evidence a test keeps, in characters. */
    static final int FEEDBACK_CHARS = 8_000;
    /** How much of each other text of a verdict a test keeps, in characters. */
    static final int FIELD_CHARS = 2_000;
    /** How long threads left running after the last test get to end before they are reported. */
    static final long LEFTOVER_GRACE_MILLIS = 1_000;

    private TestJvm() {
    }

    /**
     * Runs the tests named on standard input.
     *
     * @param args not used
     * @throws IOException if standard input cannot be read
     */
    public static void main(String[] args) throws IOException {
        long origin = System.nanoTime();
        Sender sender = new Sender(new FileOutputStream(FileDescriptor.out));
        BufferedReader in = new BufferedReader(
                new InputStreamReader(System.in, StandardCharsets.UTF_8));
        sender.secret = in.readLine();
        String[] settings = String.valueOf(in.readLine()).split(" ");
        long perTestMillis = Long.parseLong(settings[1]);
        int maxThreads = Integer.parseInt(settings[2]);
        List<UniqueIdSelector> selectors = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!line.isBlank()) {
                selectors.add(DiscoverySelectors.selectUniqueId(line));
            }
        }
        Reporter reporter = new Reporter(sender, origin);
        Trace.listen(reporter::line);
        OutputStream stderr = new CappedStream(new FileOutputStream(FileDescriptor.err),
                OUTPUT_CAP);
        System.setOut(new PrintStream(new ThreadLines("System.out", stderr), true,
                StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new ThreadLines("System.err", stderr), true,
                StandardCharsets.UTF_8));
        Thread watchdog = new Thread(new Watchdog(sender, reporter, perTestMillis, maxThreads),
                "threadlab-watchdog");
        watchdog.setDaemon(true);
        watchdog.setPriority(Thread.MAX_PRIORITY);
        watchdog.start();

        LauncherDiscoveryRequest request = HiddenTestRequests.builder()
                .selectors(selectors)
                .build();
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(request, reporter);
        }
        String leftover = Threads.leftover(watchdog, LEFTOVER_GRACE_MILLIS);
        if (!leftover.isEmpty()) {
            sender.send(Event.leftover(leftover));
        }
        sender.send(Event.done(processCpuMillis()));
        // Threads the submission left running must not keep this JVM alive.
        Runtime.getRuntime().halt(0);
    }

    /** The processor time this JVM used so far, all threads, or {@code null} if unknown. */
    private static Long processCpuMillis() {
        long nanos = ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
        return nanos < 0 ? null : TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /** Sends events, each in as few writes as {@link Protocol} allows, one sender at a time. */
    static final class Sender {

        private final OutputStream out;
        private volatile String secret;

        Sender(OutputStream out) {
            this.out = out;
        }

        synchronized void send(Event event) {
            try {
                for (byte[] write : Protocol.encode(secret, event)) {
                    out.write(write);
                }
                out.flush();
            } catch (IOException e) {
                // The grader is gone; nothing is listening.
            }
        }
    }

    /** A test or a test class that is running, and what it printed so far. */
    private static final class Step {
        final String id;
        final boolean test;
        long since;
        int lines;
        int dropped;
        boolean diagnosed;

        Step(String id, boolean test, long since) {
            this.id = id;
            this.test = test;
            this.since = since;
        }
    }

    /** Reports each test's start and end as it happens, and the lines printed meanwhile. */
    private static final class Reporter implements TestExecutionListener {

        private final Sender sender;
        private final long origin;
        private final Deque<Step> steps = new ArrayDeque<>();
        private final Map<String, Long> startedAt = new ConcurrentHashMap<>();
        private final Set<String> reported = new HashSet<>();
        private long textLeft = OUTPUT_CAP;
        private TestPlan plan;

        Reporter(Sender sender, long origin) {
            this.sender = sender;
            this.origin = origin;
        }

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            this.plan = testPlan;
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            if (id.getParentId().isEmpty()) {
                return;
            }
            long now = System.nanoTime();
            if (id.isTest()) {
                startedAt.put(id.getUniqueId(), now);
            }
            synchronized (this) {
                steps.push(new Step(id.getUniqueId(), id.isTest(), now));
                sender.send(Event.started(id.getUniqueId()));
            }
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            for (TestIdentifier test : testsIn(id)) {
                finish(test, Verdict.of(Verdict.Kind.NOT_RUN, "Not run: " + reason));
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
            Verdict verdict = passed ? Verdict.PASSED : result.getThrowable().map(Feedback::of)
                    .orElse(Verdict.UNEXPLAINED);
            synchronized (this) {
                Step step = steps.peek();
                if (step != null && step.id.equals(id.getUniqueId())) {
                    steps.pop();
                    if (step.dropped > 0) {
                        sender.send(Event.dropped(step.id, step.dropped));
                    }
                    if (!steps.isEmpty()) {
                        steps.peek().since = System.nanoTime();
                    }
                }
                for (TestIdentifier test : testsIn(id)) {
                    finish(test, verdict);
                }
                if (!id.isTest() && id.getParentId().isPresent()) {
                    sender.send(Event.ended(id.getUniqueId()));
                }
            }
        }

        /** A line the submission printed, from {@link Trace}. */
        void line(long nanoTime, String thread, String channel, String text) {
            synchronized (this) {
                Step step = steps.peek();
                if (step == null) {
                    return;
                }
                String kept = Text.clean(text, LINE_CHARS);
                if (step.lines >= LINES_PER_STEP || textLeft < kept.length()) {
                    step.dropped++;
                    return;
                }
                step.lines++;
                textLeft -= kept.length();
                sender.send(Event.line(step.id, (nanoTime - origin) / 1_000,
                        Text.clean(thread, 60), channel, kept));
            }
        }

        /**
         * The test or test class that has run longer than a bound and was not diagnosed yet;
         * it counts as diagnosed from now on.
         */
        synchronized String overdue(long boundNanos) {
            Step step = steps.peek();
            if (step == null || step.diagnosed || System.nanoTime() - step.since <= boundNanos) {
                return null;
            }
            step.diagnosed = true;
            return step.id;
        }

        private List<TestIdentifier> testsIn(TestIdentifier id) {
            List<TestIdentifier> tests = new ArrayList<>();
            if (id.isTest()) {
                tests.add(id);
            } else if (plan != null) {
                plan.getDescendants(id).stream().filter(TestIdentifier::isTest).forEach(tests::add);
            }
            return tests;
        }

        private void finish(TestIdentifier test, Verdict verdict) {
            if (!reported.add(test.getUniqueId())) {
                return;
            }
            Long start = startedAt.get(test.getUniqueId());
            long millis = start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
            sender.send(Event.finished(test.getUniqueId(),
                    verdict.bounded(FIELD_CHARS, FEEDBACK_CHARS), millis));
        }
    }

    /**
     * Watches the JVM while tests run: stops it when the submission starts too many threads, and
     * says where the submission's threads are when a test nears its time limit.
     */
    private static final class Watchdog implements Runnable {

        private final Sender sender;
        private final Reporter reporter;
        private final long diagnoseAfterNanos;
        private final int maxThreads;
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        Watchdog(Sender sender, Reporter reporter, long perTestMillis, int maxThreads) {
            this.sender = sender;
            this.reporter = reporter;
            this.diagnoseAfterNanos = TimeUnit.MILLISECONDS.toNanos(
                    Math.max(perTestMillis * 3 / 4, perTestMillis - 2_000));
            this.maxThreads = maxThreads;
        }

        @Override
        public void run() {
            while (true) {
                int count = threads.getThreadCount();
                if (count > maxThreads) {
                    sender.send(Event.threads(count));
                    Runtime.getRuntime().halt(1);
                }
                String overdue = reporter.overdue(diagnoseAfterNanos);
                if (overdue != null) {
                    sender.send(Event.stuck(overdue, Threads.diagnose()));
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** What the submission's threads are doing, for reports. */
    static final class Threads {

        private static final int THREADS_SHOWN = 6;
        private static final int FRAMES_SHOWN = 4;

        private Threads() {
        }

        /** Where the submission's threads are, and any deadlock among them. */
        static String diagnose() {
            ThreadMXBean bean = ManagementFactory.getThreadMXBean();
            StringBuilder out = new StringBuilder();
            int shown = 0;
            for (ThreadInfo info : bean.dumpAllThreads(true, true)) {
                List<StackTraceElement> own = studentFrames(info.getStackTrace());
                if (own.isEmpty() || shown == THREADS_SHOWN) {
                    continue;
                }
                shown++;
                out.append("\n  \"").append(info.getThreadName()).append("\" ")
                        .append(info.getThreadState());
                if (info.getLockName() != null) {
                    out.append(", waiting for ").append(info.getLockName());
                    if (info.getLockOwnerName() != null) {
                        out.append(" held by \"").append(info.getLockOwnerName()).append('"');
                    }
                }
                own.forEach(frame -> out.append("\n      at ").append(frame));
            }
            StringBuilder text = new StringBuilder();
            long[] deadlocked = bean.findDeadlockedThreads();
            if (deadlocked != null && deadlocked.length > 0) {
                text.append("Deadlock: ");
                List<String> parts = new ArrayList<>();
                for (ThreadInfo info : bean.getThreadInfo(deadlocked)) {
                    if (info != null) {
                        parts.add("\"" + info.getThreadName() + "\" waits for " + info.getLockName()
                                + " held by \"" + info.getLockOwnerName() + "\"");
                    }
                }
                text.append(String.join("; ", parts)).append(". Each waits for the other, so"
                        + " neither can go on: take locks in one order everywhere.\n");
            }
            if (shown > 0) {
                text.append("Where your code's threads were as the time ran out:").append(out);
            }
            return text.toString();
        }

        /** Non-daemon threads of the submission still running after a grace period. */
        static String leftover(Thread watchdog, long graceMillis) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
            List<String> running = new ArrayList<>();
            for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces()
                    .entrySet()) {
                Thread thread = e.getKey();
                if (thread == Thread.currentThread() || thread == watchdog || thread.isDaemon()
                        || studentFrames(e.getValue()).isEmpty()) {
                    continue;
                }
                long left = deadline - System.nanoTime();
                try {
                    if (left > 0) {
                        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                    }
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                if (thread.isAlive()) {
                    List<StackTraceElement> own = studentFrames(thread.getStackTrace());
                    running.add("\"" + Text.clean(thread.getName(), 60) + "\" "
                            + thread.getState() + (own.isEmpty() ? "" : " at " + own.get(0)));
                }
            }
            if (running.isEmpty()) {
                return "";
            }
            running.sort(null);
            return running.size() + (running.size() == 1 ? " thread" : " threads") + " that your"
                    + " code started did not end after the tests (the grader stopped them): "
                    + String.join(", ", running) + ". Threads should end when their work is"
                    + " done, or be daemon threads.";
        }

        private static List<StackTraceElement> studentFrames(StackTraceElement[] stack) {
            List<StackTraceElement> own = new ArrayList<>();
            for (StackTraceElement frame : stack) {
                if (StudentExceptions.isStudentCode(frame.getClassName())
                        && own.size() < FRAMES_SHOWN) {
                    own.add(frame);
                }
            }
            return own;
        }
    }

    /** Splits what a thread prints into lines and hands each to {@link Trace}. */
    static final class ThreadLines extends OutputStream {

        private final String channel;
        private final OutputStream raw;
        private final Map<Thread, ByteArrayOutputStream> pending = new ConcurrentHashMap<>();

        ThreadLines(String channel, OutputStream raw) {
            this.channel = channel;
            this.raw = raw;
        }

        @Override
        public void write(int b) throws IOException {
            raw.write(b);
            ByteArrayOutputStream line = pending.computeIfAbsent(Thread.currentThread(),
                    t -> new ByteArrayOutputStream());
            if (b == '\n') {
                pending.remove(Thread.currentThread());
                Trace.line(channel, line.toString(StandardCharsets.UTF_8));
            } else if (line.size() < LINE_CHARS * 4) {
                line.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public void flush() throws IOException {
            raw.flush();
        }
    }

    /** Passes bytes through until the cap, then drops them. */
    static final class CappedStream extends OutputStream {

        private final OutputStream target;
        private long left;

        CappedStream(OutputStream target, long cap) {
            this.target = target;
            this.left = cap;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            if (left > 0) {
                left--;
                target.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            int n = (int) Math.min(len, left);
            if (n > 0) {
                left -= n;
                target.write(b, off, n);
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            target.flush();
        }
    }
}

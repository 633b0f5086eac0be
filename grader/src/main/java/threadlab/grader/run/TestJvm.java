package threadlab.grader.run;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;
import threadlab.grader.discover.HiddenTestRequests;

/**
 * The main class of a test JVM. It reads the run's secret and the ids of the tests to run from
 * standard input, runs them with the JUnit Platform, and reports each one on standard output.
 * What the submission prints goes to standard error, capped.
 */
public final class TestJvm {

    /** How much of the submission's own printing is kept, in bytes. */
    static final int OUTPUT_CAP = 64 * 1024;

    private TestJvm() {
    }

    /**
     * Runs the tests named on standard input.
     *
     * @param args not used
     * @throws IOException if standard input cannot be read
     */
    public static void main(String[] args) throws IOException {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(
                new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String secret = in.readLine();
        List<UniqueIdSelector> selectors = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!line.isBlank()) {
                selectors.add(DiscoverySelectors.selectUniqueId(line));
            }
        }
        PrintStream capped = new PrintStream(new CappedStream(
                new FileOutputStream(FileDescriptor.err), OUTPUT_CAP), true,
                StandardCharsets.UTF_8);
        System.setOut(capped);
        System.setErr(capped);

        LauncherDiscoveryRequest request = HiddenTestRequests.builder()
                .selectors(selectors)
                .build();
        Reporter reporter = new Reporter(protocol, secret);
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(request, reporter);
        }
        synchronized (protocol) {
            protocol.println(Event.done().toLine(secret));
            protocol.flush();
        }
        // Threads the submission left running must not keep this JVM alive.
        Runtime.getRuntime().halt(0);
    }

    /** Reports each test's start and end as it happens. */
    private static final class Reporter implements TestExecutionListener {

        private final PrintStream protocol;
        private final String secret;
        private final Map<String, Long> startedAt = new ConcurrentHashMap<>();
        private final Set<String> reported = new HashSet<>();
        private TestPlan plan;

        Reporter(PrintStream protocol, String secret) {
            this.protocol = protocol;
            this.secret = secret;
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
            if (id.isTest()) {
                startedAt.put(id.getUniqueId(), System.nanoTime());
            }
            send(Event.started(id.getUniqueId()));
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            for (TestIdentifier test : testsIn(id)) {
                finish(test, false, "Not run: " + reason);
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
            String feedback = result.getThrowable().map(Feedback::of)
                    .orElse(passed ? "" : "Failed with no reason given.");
            for (TestIdentifier test : testsIn(id)) {
                finish(test, passed, feedback);
            }
            if (!id.isTest() && id.getParentId().isPresent()) {
                send(Event.ended(id.getUniqueId()));
            }
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

        private void finish(TestIdentifier test, boolean passed, String feedback) {
            if (!reported.add(test.getUniqueId())) {
                return;
            }
            Long start = startedAt.get(test.getUniqueId());
            long millis = start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
            send(Event.finished(test.getUniqueId(), passed, feedback, millis));
        }

        private void send(Event event) {
            synchronized (protocol) {
                protocol.println(event.toLine(secret));
                protocol.flush();
            }
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

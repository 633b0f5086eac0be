package threadlab.grader.run;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs hidden tests in a JVM of their own, so that a submission that hangs, floods its output or
 * ends the JVM cannot hang or end the grader. It watches each test against its time limit; when a
 * test runs too long or the JVM dies under it, that test fails and a fresh JVM runs the rest.
 */
public final class TestJvmRunner {

    /** How much of a test JVM's own output the grader keeps for a report, in characters. */
    static final int LOG_KEPT = 2_000;

    private static final Optional<Event> STDOUT_CLOSED = Optional.empty();

    private final Limits limits;

    /**
     * A runner with limits.
     *
     * @param limits the time and memory bounds
     */
    public TestJvmRunner(Limits limits) {
        this.limits = limits;
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
        Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
        List<String> remaining = new ArrayList<>(testIds);
        long deadline = System.nanoTime() + limits.perSubmission().toNanos();
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        while (!remaining.isEmpty()) {
            if (System.nanoTime() - deadline >= 0) {
                for (String id : remaining) {
                    outcomes.put(id, TestOutcome.failed(id,
                            new SubmissionTimedOutException(limits.perSubmission()), 0));
                }
                break;
            }
            runOnce(classpath, remaining, workDir, deadline, outcomes);
            remaining.removeIf(outcomes::containsKey);
        }
        return outcomes;
    }

    /** One test JVM: runs until all remaining tests are done, or it dies or is stopped. */
    private void runOnce(List<Path> classpath, List<String> remaining, Path workDir,
            long deadline, Map<String, TestOutcome> outcomes) {
        String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Process process = start(classpath, workDir);
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
            for (String id : remaining) {
                in.write(id + "\n");
            }
        } catch (IOException e) {
            // The JVM died at once; the loop below reports it.
        }

        // What runs now: a test inside its test class, or a test class between its tests.
        Deque<Step> steps = new ArrayDeque<>();
        boolean anyStarted = false;
        try {
            while (true) {
                long now = System.nanoTime();
                long wait = deadline - now;
                if (!steps.isEmpty()) {
                    wait = Math.min(wait, steps.peek().since() + limits.perTest().toNanos() - now);
                }
                Optional<Event> next = wait <= 0 ? null : events.poll(wait, TimeUnit.NANOSECONDS);
                if (next == null) {
                    stop(process);
                    boolean submissionOver = System.nanoTime() - deadline >= 0;
                    if (!steps.isEmpty()) {
                        failInFlight(steps.peek(), remaining, outcomes, submissionOver
                                ? new SubmissionTimedOutException(limits.perSubmission())
                                : new TestTimedOutException(limits.perTest()));
                    }
                    return;
                }
                if (next.isEmpty()) {
                    int code = exitCode(process);
                    stderr.join(TimeUnit.SECONDS.toMillis(2));
                    String lastWords = tail(log);
                    if (!steps.isEmpty()) {
                        failInFlight(steps.peek(), remaining, outcomes,
                                new TestJvmExitedException(code, lastWords));
                    } else if (!anyStarted) {
                        for (String id : remaining) {
                            outcomes.putIfAbsent(id, TestOutcome.failed(id,
                                    new TestJvmFailedException(code, lastWords), 0));
                        }
                    }
                    return;
                }
                Event event = next.get();
                switch (event.type()) {
                    case Event.STARTED:
                        steps.push(new Step(event.id(), System.nanoTime()));
                        anyStarted = true;
                        break;
                    case Event.FINISHED:
                        if (remaining.contains(event.id()) && !outcomes.containsKey(event.id())) {
                            outcomes.put(event.id(), new TestOutcome(event.id(),
                                    Boolean.TRUE.equals(event.passed()),
                                    event.feedback() == null ? "" : event.feedback(),
                                    event.millis() == null ? 0 : event.millis()));
                            anyStarted = true;
                        }
                        end(steps, event.id());
                        break;
                    case Event.ENDED:
                        end(steps, event.id());
                        break;
                    case Event.DONE:
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
            stop(process);
        }
    }

    /** A test or test class that has started and not yet ended, and since when it runs. */
    private record Step(String id, long since) {
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

    private Process start(List<Path> classpath, Path workDir) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(),
                "-Xmx" + limits.maxHeapMegabytes() + "m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto",
                "-Dfile.encoding=UTF-8", "-Djava.awt.headless=true",
                "-cp", classpath.stream().map(Path::toString)
                        .collect(Collectors.joining(File.pathSeparator)),
                TestJvm.class.getName()));
        try {
            return new ProcessBuilder(command).directory(workDir.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + java, e);
        }
    }

    private static void readEvents(InputStream stdout, String secret,
            BlockingQueue<Optional<Event>> events) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                Event.fromLine(secret, line).ifPresent(e -> events.add(Optional.of(e)));
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
            return text.lines().map(line -> "  " + line).collect(Collectors.joining("\n"));
        }
    }

    private static int exitCode(Process process) throws InterruptedException {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            stop(process);
        }
        return process.waitFor();
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(process.getOutputStream());
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

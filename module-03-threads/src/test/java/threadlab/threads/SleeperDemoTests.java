package threadlab.threads;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import threadlab.testing.SystemOutWatch;
import threadlab.testing.Verdict;

/**
 * Runs {@code demo(sleeper, 2, 3, out)} on a thread named "demo caller", with a sleeper whose
 * sleep lasts until the test opens {@link #wakeUp}, and records every line printed with the name
 * of the thread that printed it.
 */
@Tag("task:5")
@Timeout(10)
@DisplayName("Task 5: the sleeper demo")
class SleeperDemoTests {

    private static final String DEMO_CALLER = "demo caller";
    private static final String RUN_NOT_START = "run() was called instead of start(): run() calls"
            + " the target on the calling thread; start() makes a new thread";

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final PrintStream out = new PrintStream(new LineRecorder(), true, UTF_8);
    private final CountDownLatch wakeUp = new CountDownLatch(1);
    private final AtomicReference<Thread> sleptOn = new AtomicReference<>();
    /** Whether anything was printed to System.out, a stream the demo was not given. */
    private boolean toSystemOut;

    private final Sleep sleep = duration -> {
        sleptOn.set(Thread.currentThread());
        // Sleeping on the demo caller would block demo() itself: return, and let the test say so.
        if (!Thread.currentThread().getName().equals(DEMO_CALLER)) {
            wakeUp.await(30, SECONDS);
        }
    };

    @AfterEach
    void wakeTheSleeperUp() {
        wakeUp.countDown();
    }

    @Test
    @DisplayName("demo() prints Hi 3 times from the calling thread, while the sleeper sleeps")
    void printsHiWhileTheSleeperSleeps() throws Throwable {
        PyThread thread = callDemo();

        List<String> hiPrinters = threadsThatPrinted("Hi");
        String cause = hiPrinters.isEmpty() && !toSystemOut ? "main waits for the sleeper"
                + " before printing (a join() before the loop?), or prints to another stream"
                : "print Hi hiCount times, from main, to out";
        Verdict.withLikelyCause(cause, () -> assertThat(hiPrinters)
                        .as("the threads that printed Hi, by the time demo(sleeper, 2, 3, out)"
                                + " returned").containsExactly(DEMO_CALLER, DEMO_CALLER,
                                DEMO_CALLER));
        assertThat(texts())
                .as("the lines printed while the sleeper still sleeps")
                .doesNotContain("I've woken up!");

        wakeUp.countDown();
        thread.join(Duration.ofSeconds(5));

        Verdict.withLikelyCause("the demo runs the sleeper from task 1 unchanged, which prints"
                + " to the out stream it was given", () -> assertThat(texts())
                        .as("all lines printed, once the sleeper woke up: every Hi comes before"
                                + " its end").endsWith("I've woken up!"));
    }

    @Test
    @DisplayName("the sleeper runs on a new thread, not on the thread that called demo()")
    void theSleeperRunsOnANewThread() throws Throwable {
        PyThread thread = callDemo();
        wakeUp.countDown();
        thread.join(Duration.ofSeconds(5));

        Verdict.withLikelyCause("the demo never ran the sleeper: start a PyThread whose target"
                + " calls sleeper.sleeper(seconds)", () -> assertThat(sleptOn.get())
                        .as("the thread the sleeper slept on").isNotNull());
        Verdict.withLikelyCause("the sleeper prints its own announcement",
                () -> assertThat(threadsThatPrinted("Hi, I'll be sleeping for 2 seconds"))
                        .as("the threads that printed the sleeper's announcement")
                        .hasSize(1)
                        .doesNotContain(DEMO_CALLER));
        assertThat(threadsThatPrinted("I've woken up!"))
                .as("the threads that printed I've woken up!")
                .hasSize(1)
                .doesNotContain(DEMO_CALLER);
    }

    @Test
    @DisplayName("demo() returns the started thread, which finishes once the sleeper wakes up")
    void returnsTheStartedThread() throws Throwable {
        PyThread thread = callDemo();

        Verdict.withLikelyCause("demo() joined the thread before returning, or returned a thread"
                + " that was never started", () -> assertThat(thread.isAlive())
                        .as("isAlive() of the thread demo() returned, while the sleeper sleeps")
                        .isTrue());

        wakeUp.countDown();
        thread.join(Duration.ofSeconds(5));

        assertThat(thread.isAlive())
                .as("isAlive() of the thread demo() returned, 5 s after the sleeper woke up")
                .isFalse();
    }

    /** Calls demo() on a new thread named "demo caller" and returns what demo() returned. */
    private PyThread callDemo() throws Throwable {
        Sleeper sleeper = new Sleeper(sleep, out);
        FutureTask<PyThread> demo = new FutureTask<>(() -> SleeperDemo.demo(sleeper, 2, 3, out));
        Thread caller = new Thread(demo, DEMO_CALLER);
        toSystemOut = SystemOutWatch.printedDuring(() -> {
            caller.start();
            awaitQuietly(demo);
        });
        PyThread thread;
        try {
            thread = demo.get(0, SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause(); // what demo() threw, such as "Task 5: ..."
        } catch (TimeoutException e) {
            throw Verdict.fail("demo() to print Hi and return while the sleeper sleeps",
                    "it did not return within 5 s", sleptOn.get() == caller ? RUN_NOT_START
                    : "demo() joined the thread before returning");
        }
        Verdict.check(sleptOn.get() != caller, "the sleeper to sleep on a thread of its own",
                "it slept on the thread that called demo()", RUN_NOT_START);
        Verdict.withLikelyCause("return the PyThread", () -> assertThat(thread)
                .as("the thread demo() returned").isNotNull());
        return thread;
    }

    /** Waits up to 5 s for demo() to return or throw; callDemo() tells which it did. */
    private static void awaitQuietly(FutureTask<PyThread> demo) throws InterruptedException {
        try {
            demo.get(5, SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // What demo() threw, or that it never returned, is told once the watch is over.
        }
    }

    private List<String> texts() {
        return lines.stream().map(Line::text).toList();
    }

    private List<String> threadsThatPrinted(String text) {
        return lines.stream().filter(line -> line.text().equals(text)).map(Line::thread).toList();
    }

    /** A line printed to {@link #out}, with the name of the thread that printed it. */
    private record Line(String thread, String text) {
    }

    /** An output stream that adds each line printed to it to {@link #lines}. */
    private final class LineRecorder extends OutputStream {

        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(new Line(Thread.currentThread().getName(), line.toString(UTF_8)));
                line.reset();
            } else if (b != '\r') {
                line.write(b);
            }
        }
    }
}

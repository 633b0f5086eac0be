package threadlab.threads;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import threadlab.testing.Verdict;

@Tag("task:3")
@Timeout(10)
@DisplayName("Task 3: joining a thread")
class PyThreadJoinTests {

    @Test
    @DisplayName("join() returns after the target has finished, and its work is visible")
    void joinWaitsForTheTarget() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        // A plain array, not an atomic: join() alone must make the target's write visible.
        int[] answer = new int[1];
        PyThread thread = new PyThread(args -> {
            release.await(5, SECONDS);
            answer[0] = 42;
        });
        thread.start();

        release.countDown();
        thread.join();

        Verdict.withLikelyCause("join() must wait for the thread (Thread.join()), not return at"
                + " once", () -> assertThat(answer[0])
                        .as("after join() returns, the target should have finished and set the"
                                + " answer").isEqualTo(42));
        Verdict.withLikelyCause("isAlive() does not ask the underlying thread",
                () -> assertThat(thread.isAlive()).as("isAlive() after join()").isFalse());
    }

    @Test
    @DisplayName("join() before start() throws IllegalThreadStateException")
    void joinBeforeStartThrows() throws Exception {
        PyThread thread = new PyThread(args -> { });

        Verdict.withLikelyCause("java.lang.Thread.join() returns at once on a thread that never"
                + " started; Python refuses, and so does this course", () -> {
                    assertThatThrownBy(thread::join)
                            .as("join() on a thread that was never started")
                            .isInstanceOf(IllegalThreadStateException.class)
                            .hasMessage("cannot join thread before it is started");
                    assertThatThrownBy(() -> thread.join(Duration.ofMillis(50)))
                            .as("join(timeout) on a thread that was never started")
                            .isInstanceOf(IllegalThreadStateException.class)
                            .hasMessage("cannot join thread before it is started");
                });
    }

    @Test
    @DisplayName("join(timeout) gives up after the timeout if the thread is still running")
    void joinWithTimeoutGivesUp() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        PyThread thread = new PyThread(args -> release.await(5, SECONDS));
        thread.start();

        long start = System.nanoTime();
        thread.join(Duration.ofMillis(50));
        boolean waitedForTheEnd = System.nanoTime() - start >= SECONDS.toNanos(4);
        boolean aliveAfterTimeout = thread.isAlive();
        release.countDown();
        thread.join();

        Verdict.withLikelyCause(waitedForTheEnd ? "join(timeout) waits forever: it calls join()"
                + " without the timeout, or Thread.join(0), which in Java means no timeout at all"
                : "isAlive() does not ask the underlying thread",
                () -> assertThat(aliveAfterTimeout)
                        .as("join(50 ms) should return after about 50 ms, with the thread still"
                                + " running (its target waits for the test), so isAlive() should"
                                + " be true").isTrue());
        assertThat(thread.isAlive())
                .as("isAlive() after the target was released and join() returned")
                .isFalse();
    }

    @Test
    @DisplayName("join(timeout) with a timeout too long to count in nanoseconds waits as join()"
            + " does")
    void joinWithAVeryLongTimeoutWaits() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        PyThread thread = new PyThread(args -> release.await(5, SECONDS));
        thread.start();
        release.countDown();

        Verdict.withLikelyCause("Duration.toNanos() overflows beyond about 292 years and throws"
                + " ArithmeticException; treat such a timeout as no limit, as join() does",
                () -> thread.join(ChronoUnit.FOREVER.getDuration()));
        assertThat(thread.isAlive()).as("isAlive() after join(forever) returned").isFalse();
    }

    @Test
    @DisplayName("isAlive() is false before start()")
    void notAliveBeforeStart() throws Exception {
        PyThread thread = new PyThread(args -> { });

        Verdict.withLikelyCause("isAlive() should ask the java.lang.Thread underneath",
                () -> assertThat(thread.isAlive()).as("isAlive() on a thread that was never"
                        + " started").isFalse());
    }
}

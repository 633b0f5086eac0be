package threadlab.threads;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Tag("task:3")
@Timeout(10)
@DisplayName("Task 3: joining a thread")
class PyThreadJoinTests {

    @Test
    @DisplayName("join() returns after the target has finished, and its work is visible")
    void joinWaitsForTheTarget() throws InterruptedException {
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

        assertThat(answer[0])
                .as("after join() returns, the target should have finished and set the answer")
                .isEqualTo(42);
        assertThat(thread.isAlive()).as("isAlive() after join()").isFalse();
    }

    @Test
    @DisplayName("join() before start() throws IllegalThreadStateException")
    void joinBeforeStartThrows() {
        PyThread thread = new PyThread(args -> { });

        assertThatThrownBy(thread::join)
                .as("join() on a thread that was never started")
                .isInstanceOf(IllegalThreadStateException.class)
                .hasMessage("cannot join thread before it is started");
        assertThatThrownBy(() -> thread.join(Duration.ofMillis(50)))
                .as("join(timeout) on a thread that was never started")
                .isInstanceOf(IllegalThreadStateException.class)
                .hasMessage("cannot join thread before it is started");
    }

    @Test
    @DisplayName("join(timeout) gives up after the timeout if the thread is still running")
    void joinWithTimeoutGivesUp() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        PyThread thread = new PyThread(args -> release.await(5, SECONDS));
        thread.start();

        thread.join(Duration.ofMillis(50));
        boolean aliveAfterTimeout = thread.isAlive();
        release.countDown();
        thread.join();

        assertThat(aliveAfterTimeout)
                .as("join(50 ms) should return after about 50 ms, with the thread still running "
                        + "(its target waits for the test), so isAlive() should be true")
                .isTrue();
        assertThat(thread.isAlive())
                .as("isAlive() after the target was released and join() returned")
                .isFalse();
    }

    @Test
    @DisplayName("isAlive() is false before start()")
    void notAliveBeforeStart() {
        PyThread thread = new PyThread(args -> { });

        assertThat(thread.isAlive()).as("isAlive() on a thread that was never started").isFalse();
    }
}

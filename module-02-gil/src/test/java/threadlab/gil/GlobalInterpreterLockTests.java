package threadlab.gil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import threadlab.testing.Verdict;

@Tag("task:1")
@Timeout(10)
@DisplayName("Task 1: acquire and release, with an owner check")
class GlobalInterpreterLockTests {

    /** Long enough that no drop request comes up while a test runs: task 1 needs none. */
    private static final Duration AN_HOUR = Duration.ofHours(1);

    private final GlobalInterpreterLock gil = new GlobalInterpreterLock(AN_HOUR);

    @Test
    @DisplayName("acquire() takes the GIL and release() gives it back")
    void acquireThenRelease() throws Exception {
        assertThat(gil.isHeldByCurrentThread()).as("isHeldByCurrentThread() before acquire()")
                .isFalse();
        gil.acquire();
        Verdict.withLikelyCause("remember which thread holds the GIL, and compare it with"
                + " Thread.currentThread()", () -> assertThat(gil.isHeldByCurrentThread())
                        .as("isHeldByCurrentThread() after acquire()").isTrue());
        gil.release();
        Verdict.withLikelyCause("release() never lets go of the GIL: it must clear the holder",
                () -> assertThat(gil.isHeldByCurrentThread())
                        .as("isHeldByCurrentThread() after release()").isFalse());
    }

    @Test
    @DisplayName("a second thread waits while the first holds the GIL, and gets it once released")
    void aSecondThreadWaitsForTheFirst() throws Exception {
        AtomicBoolean secondHasIt = new AtomicBoolean();
        gil.acquire();
        Background second = Background.start("second", () -> {
            gil.acquire();
            secondHasIt.set(true);
            gil.release();
        });
        second.awaitWaiting();

        Verdict.withLikelyCause("acquire() does not wait for the GIL to be free",
                () -> assertThat(secondHasIt)
                        .as("the second thread got the GIL while the first held it").isFalse());
        gil.release();
        Verdict.withLikelyCause("a lost wake-up: release() must wake the waiting threads (signal"
                + " the Condition they await, or notifyAll() on the monitor they wait() on)",
                () -> second.finish("the second thread's acquire() after the first released the"
                        + " GIL"));
        assertThat(secondHasIt).as("the second thread got the GIL once it was released")
                .isTrue();
    }

    @Test
    @DisplayName("release() by a thread that does not hold the GIL throws"
            + " IllegalMonitorStateException")
    void releaseByAnotherThreadThrows() throws Exception {
        gil.acquire();
        CountDownLatch tried = new CountDownLatch(1);
        Background intruder = Background.start("intruder", () -> {
            try {
                assertThatThrownBy(gil::release)
                        .as("release() by a thread that does not hold the GIL")
                        .isInstanceOf(IllegalMonitorStateException.class);
            } finally {
                tried.countDown();
            }
        });
        assertThat(tried.await(5, TimeUnit.SECONDS)).as("the intruder's release() returned")
                .isTrue();
        Verdict.withLikelyCause("no owner check: release() must check that the calling thread"
                + " holds the GIL, and throw IllegalMonitorStateException otherwise, as"
                + " ReentrantLock.unlock() does", () -> intruder.finish("the intruder"));

        Verdict.withLikelyCause("release() changed the GIL's state before it checked the owner",
                () -> assertThat(gil.isHeldByCurrentThread())
                        .as("the holder still holds the GIL after another thread's release()")
                        .isTrue());
        gil.release();
    }

    @Test
    @DisplayName("release() when nobody holds the GIL throws IllegalMonitorStateException")
    void releaseWhenFreeThrows() throws Exception {
        assertThat(gil.isHeldByCurrentThread()).as("isHeldByCurrentThread() of a new GIL")
                .isFalse();
        Verdict.withLikelyCause("no owner check: a GIL that nobody holds has no owner to release"
                + " it", () -> assertThatThrownBy(gil::release)
                        .as("release() on a GIL that nobody holds")
                        .isInstanceOf(IllegalMonitorStateException.class));
    }
}

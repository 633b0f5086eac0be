package threadlab.gil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import threadlab.testing.Verdict;

@Tag("task:3")
@Timeout(10)
@DisplayName("Task 3: release the GIL around a blocking call")
class WhileReleasedTests {

    private final GlobalInterpreterLock gil = new GlobalInterpreterLock(Duration.ofHours(1));

    @Test
    @DisplayName("during the call the GIL is free, and another thread can take it")
    void anotherThreadRunsDuringTheCall() throws Exception {
        AtomicBoolean heldDuringTheCall = new AtomicBoolean(true);
        AtomicBoolean otherRan = new AtomicBoolean();
        gil.acquire();

        gil.whileReleased(() -> {
            heldDuringTheCall.set(gil.isHeldByCurrentThread());
            Background other = Background.start("other", () -> {
                gil.acquire();
                otherRan.set(true);
                gil.release();
            });
            other.finish("another thread's acquire() during the blocking call");
        });

        Verdict.withLikelyCause("sleeping while holding the GIL: whileReleased() must release the"
                + " GIL before the call", () -> {
                    assertThat(heldDuringTheCall).as("holding the GIL during the blocking call")
                            .isFalse();
                    assertThat(otherRan).as("another thread took the GIL during the call")
                            .isTrue();
                });
        assertThat(gil.isHeldByCurrentThread()).as("holding the GIL after whileReleased()")
                .isTrue();
        gil.release();
    }

    @Test
    @DisplayName("after the call, the thread waits for the GIL if another thread holds it")
    void takesTheGilBackAfterTheCall() throws Exception {
        CountDownLatch otherHasIt = new CountDownLatch(1);
        CountDownLatch otherMayRelease = new CountDownLatch(1);
        AtomicBoolean returned = new AtomicBoolean();
        Background sleeper = Background.start("sleeper", () -> {
            gil.acquire();
            gil.whileReleased(() -> {
                Background.start("other", () -> {
                    gil.acquire();
                    otherHasIt.countDown();
                    otherMayRelease.await(5, TimeUnit.SECONDS);
                    gil.release();
                });
                otherHasIt.await(5, TimeUnit.SECONDS);
            });
            returned.set(true);
            gil.release();
        });
        sleeper.awaitUnlessEnded(() -> otherHasIt.getCount() == 0);
        assertThat(otherHasIt.getCount()).as("the other thread took the GIL").isZero();
        sleeper.awaitWaiting();

        Verdict.withLikelyCause("take the GIL back with acquire(), which waits its turn; do not"
                + " just mark it as yours", () -> assertThat(returned)
                        .as("whileReleased() returned while another thread held the GIL")
                        .isFalse());
        otherMayRelease.countDown();
        sleeper.finish("the sleeper, once the other thread released the GIL");
        assertThat(returned).as("whileReleased() returned").isTrue();
    }

    @Test
    @DisplayName("when the call throws, the GIL is taken back before the exception goes on")
    void takesTheGilBackWhenTheCallThrows() throws Exception {
        gil.acquire();

        assertThatThrownBy(() -> gil.whileReleased(() -> {
            throw new IOException("the socket closed");
        })).as("whileReleased() with a call that throws").isInstanceOf(IOException.class)
                .hasMessage("the socket closed");
        Verdict.withLikelyCause("take the GIL back in a finally block, so that it happens also"
                + " when the call throws (CPython's Py_END_ALLOW_THREADS always runs)",
                () -> assertThat(gil.isHeldByCurrentThread())
                        .as("holding the GIL after the blocking call threw").isTrue());
        gil.release();
    }
}

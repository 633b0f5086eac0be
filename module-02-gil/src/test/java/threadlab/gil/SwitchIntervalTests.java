package threadlab.gil;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import threadlab.testing.Verdict;

@Tag("task:2")
@Timeout(10)
@DisplayName("Task 2: the switch interval and the drop request")
class SwitchIntervalTests {

    @Test
    @DisplayName("without a drop request, dropIfRequested() keeps the GIL and returns false")
    void noRequestNoDrop() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(Duration.ofHours(1));
        gil.acquire();

        assertThat(gil.dropRequested()).as("dropRequested() with nobody waiting").isFalse();
        assertThat(gil.dropIfRequested()).as("dropIfRequested() with no request").isFalse();
        assertThat(gil.isHeldByCurrentThread()).as("holding the GIL after dropIfRequested()")
                .isTrue();
        gil.release();
    }

    @Test
    @DisplayName("a thread waiting less than a switch interval does not ask for a drop")
    void noRequestBeforeTheInterval() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(Duration.ofHours(1));
        gil.acquire();
        Background waiter = Background.start("waiter", () -> {
            gil.acquire();
            gil.release();
        });
        waiter.awaitWaiting();

        Verdict.withLikelyCause("the waiter set the drop request at once; acquire() must first"
                + " wait a whole switch interval", () -> assertThat(gil.dropRequested())
                        .as("dropRequested() while a thread has waited far less than the 1-hour"
                                + " interval").isFalse());
        gil.release();
        waiter.finish("the waiter");
    }

    @Test
    @DisplayName("a thread that waited a switch interval asks for a drop, and gets the GIL at the"
            + " holder's next check")
    void aWaiterAsksAndGetsTheGil() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(Duration.ofMillis(1));
        List<String> turns = new CopyOnWriteArrayList<>();
        AtomicBoolean waiterRan = new AtomicBoolean();
        gil.acquire();
        Background waiter = Background.start("waiter", () -> {
            gil.acquire();
            turns.add("waiter");
            waiterRan.set(true);
            gil.release();
        });

        long deadline = System.nanoTime() + Background.PATIENCE.toNanos();
        boolean dropped = false;
        while (!waiterRan.get() && System.nanoTime() < deadline) {
            turns.add("holder");
            dropped |= gil.dropIfRequested();
        }
        boolean heldAfterwards = gil.isHeldByCurrentThread();
        gil.release();
        waiter.finish("the waiter");

        boolean droppedOnce = dropped;
        Verdict.withLikelyCause("acquire() must set the drop request after waiting an interval",
                () -> assertThat(droppedOnce)
                        .as("dropIfRequested() returned true once, when the waiter asked")
                        .isTrue());
        assertThat(waiterRan).as("the waiter got the GIL while the holder kept checking").isTrue();
        assertThat(heldAfterwards).as("the holder has the GIL back after the drop").isTrue();
        assertThat(turns).as("who ran, in order").contains("waiter");
    }

    @Test
    @DisplayName("after a drop, the holder does not take the GIL back before the waiter had it")
    void forcedSwitching() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(Duration.ofMillis(1));
        List<String> turns = new CopyOnWriteArrayList<>();
        gil.acquire();
        Background waiter = Background.start("waiter", () -> {
            gil.acquire();
            turns.add("waiter");
            gil.release();
        });

        long deadline = System.nanoTime() + Background.PATIENCE.toNanos();
        boolean dropped = false;
        while (!dropped && System.nanoTime() < deadline) {
            dropped = gil.dropIfRequested();
        }
        turns.add("holder, back from dropIfRequested()");
        gil.release();
        waiter.finish("the waiter");

        Verdict.withLikelyCause("once another thread has taken the GIL, the dropper must queue"
                + " for it like any other thread; without forced switching it takes the GIL"
                + " straight back", () -> assertThat(turns)
                        .as("who had the GIL, in order, after the holder dropped it")
                        .containsExactly("waiter", "holder, back from dropIfRequested()"));
    }
}

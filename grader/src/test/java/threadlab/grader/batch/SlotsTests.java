package threadlab.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SlotsTests {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    private Thread asker;

    @AfterEach
    void stopTheAsker() throws InterruptedException {
        if (asker != null) {
            asker.interrupt();
            asker.join(LIMIT.toMillis());
        }
    }

    /** Asks for a turn on a thread of its own, and waits until it either has one or waits. */
    private CompletableFuture<Slots.Slot> ask(Slots slots, int turn) {
        CompletableFuture<Slots.Slot> taken = new CompletableFuture<>();
        asker = new Thread(() -> {
            try {
                taken.complete(slots.take(turn));
            } catch (InterruptedException e) {
                taken.completeExceptionally(e);
            }
        }, "asker-" + turn);
        asker.start();
        await().atMost(LIMIT).until(() -> taken.isDone()
                || asker.getState() == Thread.State.WAITING);
        return taken;
    }

    @Test
    @DisplayName("no more submissions work at once than there are slots")
    void slotsBoundTheWorking() throws Exception {
        Slots slots = new Slots(1);
        Slots.Slot first = slots.take(0);

        CompletableFuture<Slots.Slot> second = ask(slots, 1);
        assertThat(second).as("a second submission while the first works").isNotDone();

        first.close();
        assertThat(second.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS)).isNotNull();
        assertThat(slots.working()).isEqualTo(1);
    }

    @Test
    @DisplayName("a submission whose tests wait lends its slot, and counts again when they work")
    void waitingLendsTheSlot() throws Exception {
        Slots slots = new Slots(1);
        Slots.Slot first = slots.take(0);
        first.waiting();

        Slots.Slot second = slots.take(1);
        assertThat(slots.working()).isEqualTo(1);
        first.working();
        assertThat(slots.working()).as("both work now, for a while more than the slots")
                .isEqualTo(2);

        CompletableFuture<Slots.Slot> third = ask(slots, 2);
        second.close();
        assertThat(third).as("the first still works, so the third still waits").isNotDone();
        first.close();
        assertThat(third.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS)).isNotNull();
    }

    @Test
    @DisplayName("submissions start in their turn, whichever asks first")
    void turnsKeepTheOrder() throws Exception {
        Slots slots = new Slots(2);

        CompletableFuture<Slots.Slot> second = ask(slots, 1);
        assertThat(second).as("turn 1 before turn 0, with a slot free").isNotDone();

        slots.take(0);
        assertThat(second.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS)).isNotNull();
    }

    @Test
    @DisplayName("a closed slot is given back once, and a late working() does not count it")
    void closingGivesBackOnce() throws Exception {
        Slots slots = new Slots(2);
        Slots.Slot slot = slots.take(0);

        slot.waiting();
        slot.close();
        slot.close();
        slot.working();

        assertThat(slots.working()).isZero();
    }
}

package threadlab.grader.testjvm.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Holding other threads back while one runs the exercise's code alone")
class HoldBackTests {

    @Test
    @DisplayName("a thread started within the hold has not run a line of the exercise's code"
            + " when the starter looks 5 ms later, every time")
    void aNewThreadWaitsAtItsFirstStep() {
        for (int i = 0; i < 20; i++) {
            Object thread = Fixtures.make("SelfMarkedThread");
            boolean[] seen = new boolean[1];
            HoldBack.alone(() -> {
                Fixtures.call(thread, "start");
                // Time enough for the new thread to run, were it not held; the starter stays
                // runnable, so the hold lasts.
                long until = System.nanoTime() + 5_000_000;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                seen[0] = (Boolean) Fixtures.call(thread, "isAlive");
            });
            assertThat(seen[0]).as("the mark, read at once, in round " + i).isFalse();
        }
    }

    @Test
    @DisplayName("a held thread goes on when the starter waits for it, so a start() that waits"
            + " for its new thread is slowed, not stopped")
    void aStarterThatWaitsIsNotStopped() {
        Object thread = Fixtures.make("SelfMarkedThread");
        boolean[] seen = new boolean[1];
        HoldBack.alone(() -> {
            Fixtures.call(thread, "startAndWait");
            seen[0] = (Boolean) Fixtures.call(thread, "isAlive");
        });
        assertThat(seen[0]).isTrue();
    }

    @Test
    @DisplayName("held threads go on once the body returns, and a hold does not nest")
    void heldThreadsGoOnAfterwards() throws Exception {
        Object thread = Fixtures.make("SelfMarkedThread");
        HoldBack.alone(() -> Fixtures.call(thread, "start"));
        long giveUp = System.nanoTime() + 10_000_000_000L;
        while (!(Boolean) Fixtures.call(thread, "isAlive") && System.nanoTime() < giveUp) {
            Thread.sleep(1);
        }
        assertThat((Boolean) Fixtures.call(thread, "isAlive")).isTrue();
        Throwable[] nested = new Throwable[1];
        HoldBack.alone(() -> nested[0] = catchThrowable(() -> HoldBack.alone(() -> { })));
        assertThat(nested[0]).isInstanceOf(IllegalStateException.class);
    }
}

package threadlab.hidden.gil;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import threadlab.gil.GlobalInterpreterLock;
import threadlab.grader.api.Points;
import threadlab.hidden.support.ModelCheck;
import threadlab.hidden.support.Verdict;

/**
 * The GIL's state, model-checked: a holder that calls dropIfRequested() between its steps and a
 * waiter, in every interleaving with up to two thread switches. Time is the model checker's: a
 * timed wait ends by a wake-up or by its switch interval running out, both explored, and no real
 * time passes, so the grade is the same on an idle machine and a busy one. A field that the
 * threads share without the mutex, volatile or an atomic fails as a data race, though every
 * interleaving may give the right answer.
 */
@Tag("task:2")
@DisplayName("Task 2, the switch interval and the drop request (model-checked)")
class Task2ModelCheckedHiddenTests {

    /**
     * The most interleavings a model check tries: every one with up to two thread switches,
     * fewest first, the same ones on every run.
     */
    static final int INTERLEAVINGS = 300;

    /** Steps the holder runs, with a dropIfRequested() after each. */
    private static final int STEPS = 2;

    /** Runs a body whose checked exception fails the scenario with the exception as its cause. */
    private interface Body {
        void run() throws Exception;
    }

    private static Runnable unchecked(Body body) {
        return () -> {
            try {
                body.run();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Test
    @Points(2)
    @Tag("rule:R2.4")
    @Tag("rule:R2.6")
    @DisplayName("a holder that drops the GIL on request and a waiter share its state without a"
            + " data race, and both finish, in every interleaving")
    void holderAndWaiterWithoutARace() {
        ModelCheck.run(INTERLEAVINGS, () -> {
            GlobalInterpreterLock gil = new GlobalInterpreterLock(Duration.ofMillis(1));
            boolean[] waiterHadIt = new boolean[1];
            ModelCheck.inParallel(unchecked(() -> {
                gil.acquire();
                for (int step = 0; step < STEPS; step++) {
                    gil.dropIfRequested();
                }
                gil.release();
            }), unchecked(() -> {
                gil.acquire();
                waiterHadIt[0] = gil.isHeldByCurrentThread();
                gil.release();
            }));
            Verdict.check(waiterHadIt[0], "the waiter to hold the GIL once acquire() returned",
                    "isHeldByCurrentThread() was false for it", "acquire() must make the"
                            + " calling thread the holder before it returns", null);
        });
    }
}

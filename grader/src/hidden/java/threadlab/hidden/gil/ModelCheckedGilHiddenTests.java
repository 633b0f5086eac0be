package threadlab.hidden.gil;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import threadlab.gil.GlobalInterpreterLock;
import threadlab.grader.api.Points;
import threadlab.hidden.support.Caller;
import threadlab.hidden.support.ModelCheck;
import threadlab.hidden.support.Verdict;

/**
 * The GIL's state, model-checked: small scenarios of two or three threads, run once for each
 * interleaving with up to two thread switches. Time is the model checker's: a timed wait ends by
 * a wake-up or by its time running out, both explored, and the clock moves only then, so no
 * verdict depends on the machine's load. A wait with no time limit may also end with no wake-up
 * at all, as the JDK allows, so a wait that is not in a loop shows. A field that the threads
 * share without the GIL's own lock, {@code volatile} or an atomic fails as a data race, though
 * every interleaving may give the right answer.
 *
 * <p>The scenarios are kept small on purpose: no thread spins, and none waits for a thread that
 * may never come, so that every design the task allows (a ReentrantLock with Conditions, a
 * monitor, a queue of parked threads, a semaphore) finishes in every interleaving.
 */
@DisplayName("Tasks 1 and 2, the GIL's state in every interleaving (model-checked)")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelCheckedGilHiddenTests {

    /**
     * The most interleavings a model check of a drop tries: every one with up to two thread
     * switches, fewest first, the same ones on every run. A drop needs both switches (the waiter
     * starts waiting while the holder runs, and its time runs out while the holder runs), so the
     * interleavings that show a wrong drop come late. Measured on the known wrong drops: 100
     * catches none of four, 200 three, 300 all four; 400 leaves a margin for designs not seen.
     */
    static final int INTERLEAVINGS = 400;

    /** The most interleavings of the scenario with no drop, which has fewer steps. */
    static final int FEW_INTERLEAVINGS = 100;

    /** The switch interval of the scenarios; no real time passes, so its size costs nothing. */
    private static final Duration INTERVAL = Duration.ofMillis(5);

    /** A body whose checked exception fails the scenario with the exception as its cause. */
    static Runnable unchecked(Caller.Body body) {
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

    /** Calls a method that a thread without the GIL must not be able to use. */
    private static boolean refused(Caller.Body call) throws Exception {
        try {
            call.run();
            return false;
        } catch (IllegalMonitorStateException e) {
            return true;
        }
    }

    @Test
    @Order(1)
    @Tag("task:1")
    @Points(2)
    @Tag("rule:R1.4")
    @Tag("rule:R1.5")
    @DisplayName("a thread without the GIL asks whether it holds it and tries to release it,"
            + " while another takes and releases it: no data race, and it is refused")
    void aThreadWithoutTheGilReadsItsStateWithoutARace() {
        ModelCheck.run(FEW_INTERLEAVINGS, () -> {
            GlobalInterpreterLock gil = new GlobalInterpreterLock(INTERVAL);
            boolean[] outsider = new boolean[2];
            ModelCheck.inParallel(unchecked(() -> {
                gil.acquire();
                gil.release();
            }), unchecked(() -> {
                outsider[0] = gil.isHeldByCurrentThread();
                outsider[1] = refused(gil::release);
            }));
            Verdict.check(!outsider[0], "isHeldByCurrentThread() to be false for a thread that"
                    + " never took the GIL", "it was true", "isHeldByCurrentThread() must compare"
                    + " the holder with Thread.currentThread()", null);
            Verdict.check(outsider[1], "release() by a thread that never took the GIL to throw"
                    + " IllegalMonitorStateException", "it did not throw", "no owner check:"
                    + " release() must check that the calling thread holds the GIL, under the"
                    + " GIL's own lock", null);
        });
    }

    @Test
    @Order(2)
    @Tag("task:1")
    @Points(1)
    @Tag("rule:R1.1")
    @DisplayName("a thread waits for the GIL while another holds it longer than a switch"
            + " interval: it takes the GIL only once the holder released it, in every"
            + " interleaving")
    void aWaiterTakesTheGilOnlyWhenItIsFree() {
        ModelCheck.run(FEW_INTERLEAVINGS, () -> {
            GlobalInterpreterLock gil = new GlobalInterpreterLock(INTERVAL);
            Inside inside = new Inside();
            Runnable turn = inside.turn(gil, INTERVAL.multipliedBy(2));
            ModelCheck.inParallel(turn, turn);
            inside.check();
        });
    }

    @Test
    @Order(3)
    @Tag("task:1")
    @Points(1)
    @Tag("rule:R1.1")
    @DisplayName("a third thread takes the GIL between a release and the woken waiter's turn: the"
            + " waiter goes on waiting, in every interleaving")
    void aWokenWaiterLooksAgain() {
        ModelCheck.run(INTERLEAVINGS, () -> {
            GlobalInterpreterLock gil = new GlobalInterpreterLock(GilTesting.AN_HOUR);
            Inside inside = new Inside();
            Runnable turn = inside.turn(gil, INTERVAL);
            ModelCheck.inParallel(turn, turn, turn);
            inside.check();
        });
    }

    @Test
    @Order(4)
    @Tag("task:1")
    @Points(1)
    @Tag("rule:R1.2")
    @DisplayName("a thread waits for the GIL while another holds it 10 ms, with a switch"
            + " interval of an hour: it sleeps until the release wakes it, and none of its"
            + " waits runs out, in every interleaving")
    void aWaiterSleepsUntilItIsWoken() {
        Duration hold = Duration.ofMillis(10);
        ModelCheck.run(FEW_INTERLEAVINGS, () -> {
            Waiter waiter = Waiter.beside(new GlobalInterpreterLock(GilTesting.AN_HOUR), hold);
            // The checker may also let time run on to the end of a waiter's wait while it could
            // go on, as a wait's time may run out just as it is woken: a run in which more time
            // passed than the holder held the GIL proves nothing here.
            boolean timeRanOn = waiter.waited > hold.toNanos();
            Verdict.check(waiter.ranOut == 0 || timeRanOn, "the waiter to sleep until the"
                    + " release wakes it: with a switch interval of an hour, no wait of its runs"
                    + " out in 10 ms",
                    waiter.ranOut + " of its timed waits or sleeps ran out while it waited",
                    "acquire() polls: it waits a moment, looks whether the GIL is free, and"
                    + " waits again; wait until a release wakes you (await a Condition, or"
                    + " wait() on a monitor), for at most one switch interval at a time", null);
        });
    }

    @Test
    @Order(5)
    @Tag("task:2")
    @Points(1)
    @Tag("rule:R2.1")
    @DisplayName("with a switch interval of 200 us, a thread waits while another holds the GIL"
            + " 1 ms: each of its waits lasts a whole interval, never less, in every"
            + " interleaving")
    void aWaiterWaitsAWholeIntervalEachTime() {
        Duration interval = Duration.ofNanos(200_000);
        ModelCheck.run(FEW_INTERLEAVINGS, () -> {
            Waiter waiter = Waiter.beside(new GlobalInterpreterLock(interval),
                    Duration.ofMillis(1));
            // Each wait lasts an interval, so no more of them can run out than intervals
            // passed; one more for the wait that ran out as the release came.
            long most = waiter.waited / interval.toNanos() + 1;
            Verdict.check(waiter.ranOut <= most, "at most " + most + " waits of the waiter to"
                    + " run out in the " + waiter.waited / 1_000 + " us it waited: each wait"
                    + " lasts a whole switch interval (200 us)", waiter.ranOut + " of its waits"
                    + " ran out",
                    "each wait of acquire() is shorter than the switch interval, or it polls:"
                    + " wait the interval given to the constructor, in nanoseconds"
                    + " (awaitNanos, or wait(millis, nanos)), and no less", null);
        });
    }

    /**
     * What a thread saw that waited for the GIL while another held it for a time on the
     * checker's clock: how long it waited, and how many of its timed waits ran out meanwhile.
     */
    private static final class Waiter {

        long waited = -1;
        int ranOut = -1;

        /** Runs the holder and the waiter in parallel, for use inside a scenario. */
        static Waiter beside(GlobalInterpreterLock gil, Duration hold) {
            Waiter seen = new Waiter();
            ModelCheck.inParallel(unchecked(() -> {
                gil.acquire();
                ModelCheck.sleep(hold);
                gil.release();
            }), unchecked(() -> {
                long start = ModelCheck.now();
                gil.acquire();
                seen.waited = ModelCheck.now() - start;
                seen.ranOut = ModelCheck.timeoutsRanOut();
                gil.release();
            }));
            return seen;
        }
    }

    /** Counts the threads between their acquire() and their release(). */
    private static final class Inside {

        private int now;
        private int most;

        /**
         * A turn: take the GIL, hold it for a time on the checker's clock, release it. A
         * release that is refused is left to the count to explain: it comes from a waiter that
         * took the GIL from under the holder.
         */
        Runnable turn(GlobalInterpreterLock gil, Duration hold) {
            return unchecked(() -> {
                gil.acquire();
                now++;
                most = Math.max(most, now);
                ModelCheck.sleep(hold);
                most = Math.max(most, now);
                now--;
                refused(gil::release);
            });
        }

        void check() {
            Verdict.check(most <= 1, "one thread at a time between acquire() and release()",
                    most + " threads held the GIL at the same time", "a waiter took the GIL"
                    + " after one wait without looking again: a wait ends when its time runs"
                    + " out, on a wake-up that another thread beat it to, or for no reason at"
                    + " all; wait in a loop (while, not if) until the GIL is free", null);
        }
    }

    @Test
    @Order(7)
    @Tag("task:2")
    @Points(2)
    @Tag("rule:R2.1")
    @Tag("rule:R2.6")
    @Tag("rule:R1.3")
    @DisplayName("a holder drops the GIL when a waiter asks: the request comes after a whole"
            + " interval, the drop wakes the waiter at once, and the holder gets it back only"
            + " after the waiter had it, in every interleaving")
    void aDropHandsTheGilToTheWaiter() {
        ModelCheck.run(INTERLEAVINGS, () -> {
            GlobalInterpreterLock gil = new GlobalInterpreterLock(INTERVAL);
            Handover seen = new Handover();
            ModelCheck.inParallel(unchecked(() -> holder(gil, seen)), unchecked(() -> {
                seen.waiterCame = ModelCheck.now();
                gil.acquire();
                seen.waiterTook = ModelCheck.now();
                seen.waiterHeldIt = gil.isHeldByCurrentThread();
                gil.release();
            }));
            seen.check();
        });
    }

    @Test
    @Order(9)
    @Tag("task:2")
    @Points(1)
    @Tag("rule:R2.1")
    @DisplayName("a holder releases the GIL and takes it straight back while a thread waits: the"
            + " waiter's wake-up is no interval run out, and it asks for a drop only after a"
            + " whole interval, in every interleaving")
    void aWakeUpIsNoIntervalRunOut() {
        ModelCheck.run(INTERLEAVINGS, () -> {
            GlobalInterpreterLock gil = new GlobalInterpreterLock(INTERVAL);
            long[] times = {-1, -1};
            ModelCheck.inParallel(unchecked(() -> {
                gil.acquire();
                gil.release();
                gil.acquire();
                for (int step = 0; step < Handover.STEPS && times[1] < 0; step++) {
                    if (gil.dropRequested()) {
                        times[1] = ModelCheck.now();
                    }
                }
                gil.release();
            }), unchecked(() -> {
                times[0] = ModelCheck.now();
                gil.acquire();
                gil.release();
            }));
            if (times[0] >= 0 && times[1] >= 0) {
                long waited = times[1] - times[0];
                Verdict.check(waited >= INTERVAL.toNanos(), "the drop request only after a"
                        + " waiter waited a whole switch interval (" + INTERVAL.toMillis()
                        + " ms)", "it was set " + waited / 1_000 + " us after the waiter called"
                        + " acquire(), when the release woke it and the holder had taken the GIL"
                        + " back", "a wake-up is no interval run out: set the drop request only"
                        + " when the wait's time ran out (awaitNanos returned 0 or less), not"
                        + " whenever the waiter wakes and finds the GIL taken", null);
            }
        });
    }

    @Test
    @Order(6)
    @Tag("task:2")
    @Points(1)
    @Tag("rule:R2.1")
    @DisplayName("the GIL changes hands while a thread waits out its interval: the waiter asks"
            + " the new holder to drop only after it held the GIL a whole interval, in every"
            + " interleaving")
    void aSwitchMidIntervalStartsAFreshOne() {
        ModelCheck.run(INTERLEAVINGS, () -> {
            GlobalInterpreterLock gil = new GlobalInterpreterLock(INTERVAL);
            long[] times = {-1, -1};
            boolean[] cleared = {true};
            Duration half = INTERVAL.dividedBy(2);
            // The first holder keeps the GIL half an interval, then hands it to the second
            // thread, which queued first; the third thread queued after it and sleeps through
            // the hand-over, so its interval ends while the new holder has held the GIL only
            // half an interval. The new holder then holds it three quarters of one more.
            ModelCheck.inParallel(unchecked(() -> {
                gil.acquire();
                ModelCheck.sleep(half);
                gil.release();
            }), unchecked(() -> {
                gil.acquire();
                times[0] = ModelCheck.now();
                // Only time can bring a request: a waiter's interval must run out first.
                cleared[0] = !gil.dropRequested() || ModelCheck.now() != times[0];
                ModelCheck.sleep(INTERVAL.multipliedBy(3).dividedBy(4));
                if (gil.dropRequested()) {
                    times[1] = ModelCheck.now();
                }
                gil.release();
            }), unchecked(() -> {
                gil.acquire();
                gil.release();
            }));
            Verdict.check(cleared[0], "no drop request for a thread that has just taken the"
                    + " GIL", "dropRequested() was true at once", "taking the GIL clears the"
                    + " drop request, and dropRequested() must say whether it is set", null);
            if (times[0] >= 0 && times[1] >= 0) {
                long held = times[1] - times[0];
                Verdict.check(held >= INTERVAL.toNanos(), "no drop request before the holder"
                        + " has held the GIL a whole switch interval (" + INTERVAL.toMillis()
                        + " ms)", "the request was there after it had held the GIL "
                        + held / 1_000 + " us: a waiter whose interval ran out asked for a drop,"
                        + " although the GIL had changed hands during that interval",
                        "an interval in which another thread took the GIL does not count: set"
                        + " the drop request only when the interval ran out and the GIL did not"
                        + " change hands meanwhile (compare a count of switches, or the holder,"
                        + " from before the wait); otherwise start a fresh interval", null);
            }
        });
    }

    @Test
    @Order(10)
    @Tag("task:2")
    @Points(1)
    @Tag("rule:R2.6")
    @DisplayName("a thread that dropped the GIL queues for it again as soon as another took it:"
            + " the new holder is asked to drop one interval later, in every interleaving")
    void theDropperQueuesAgainAtOnce() {
        ModelCheck.run(INTERLEAVINGS, () -> {
            GlobalInterpreterLock gil = new GlobalInterpreterLock(INTERVAL);
            Duration step = INTERVAL.dividedBy(16);
            boolean[] dropping = {false};
            boolean[] dropped = {false};
            boolean[] moved = {false};
            Thread[] newHolder = {null};
            long[] times = {-1, -1};
            // The first holder runs steps until asked, and drops. The second thread queues a
            // step in and asks for the drop; the third queues three quarters of an interval in,
            // so its own interval still runs when the GIL changes hands. The thread that takes
            // the GIL then runs steps: the first asks it to drop one interval later, as any
            // waiter does, long before the third's fresh interval ends.
            //
            // The checker may let time run on while a woken thread could go on, at the cost of
            // a switch (two per run): unseen by the holder while it sleeps, a step at most each
            // time; seen by it otherwise, and then this run proves nothing and is not judged.
            Runnable other = unchecked(() -> {
                gil.acquire();
                if (dropping[0] && newHolder[0] == null) {
                    newHolder[0] = Thread.currentThread();
                    times[0] = ModelCheck.now();
                    long expected = times[0];
                    for (int i = 0; i < 64 && times[1] < 0 && !moved[0]; i++) {
                        if (gil.dropRequested()) {
                            times[1] = ModelCheck.now();
                        } else {
                            ModelCheck.sleep(step);
                            expected += step.toNanos();
                        }
                        moved[0] = ModelCheck.now() != expected;
                    }
                }
                gil.release();
            });
            ModelCheck.inParallel(unchecked(() -> {
                gil.acquire();
                for (int i = 0; i < 64 && !dropping[0]; i++) {
                    if (gil.dropRequested()) {
                        dropping[0] = true;
                        dropped[0] = gil.dropIfRequested();
                    } else {
                        ModelCheck.sleep(step);
                    }
                }
                gil.release();
            }), unchecked(() -> {
                ModelCheck.sleep(step);
                other.run();
            }), unchecked(() -> {
                ModelCheck.sleep(INTERVAL.multipliedBy(3).dividedBy(4));
                other.run();
            }));
            Verdict.check(!dropping[0] || dropped[0], "dropIfRequested() to drop the GIL and"
                    + " return true, called while dropRequested() was true", "it returned false",
                    "dropIfRequested() must drop the GIL whenever the request is set: test the"
                    + " request, not its opposite", null);
            if (times[0] >= 0 && !moved[0]) {
                long bound = INTERVAL.plus(step.multipliedBy(3)).toNanos();
                long waited = times[1] < 0 ? -1 : times[1] - times[0];
                Verdict.check(waited >= 0 && waited <= bound, "the new holder asked to drop"
                        + " within " + bound / 1_000 + " us of taking the GIL: the thread that"
                        + " dropped it queues again at once, and asks after one interval ("
                        + INTERVAL.toMillis() + " ms), like any waiter", waited < 0
                        ? "no drop request came in the 4 intervals it held the GIL"
                        : "the request came " + waited / 1_000 + " us after it took the GIL",
                        "the thread that dropped the GIL was not woken when another thread took"
                        + " it, or did not queue for it again at once: wake every waiter"
                        + " (notifyAll(), signalAll()) when the GIL changes hands, or give the"
                        + " dropper a condition of its own, and let it call acquire() like any"
                        + " other thread", null);
            }
        });
    }

    /** The holder's side: it takes the GIL, then drops it if asked within a few steps. */
    private static void holder(GlobalInterpreterLock gil, Handover seen) throws Exception {
        gil.acquire();
        for (int step = 0; step < Handover.STEPS && seen.droppedAt < 0; step++) {
            if (gil.dropRequested()) {
                long asked = ModelCheck.now();
                seen.askedAt = asked;
                if (gil.dropIfRequested()) {
                    seen.droppedAt = asked;
                    seen.waiterHadItFirst = seen.waiterTook >= 0;
                }
            }
        }
        gil.release();
    }

    /**
     * What the two threads saw, on the model checker's clock. The clock moves only when a wait's
     * time runs out; a drop needs two thread switches (the waiter starts waiting while the holder
     * runs; its time runs out while the holder runs), so within the checker's two no more time
     * can pass between the holder seeing the request and its drop.
     */
    private static final class Handover {

        /** Steps the holder runs, looking for a drop request between them. */
        static final int STEPS = 2;

        long waiterCame = -1;
        long askedAt = -1;
        long droppedAt = -1;
        long waiterTook = -1;
        boolean waiterHeldIt;
        boolean waiterHadItFirst;

        void check() {
            Verdict.check(waiterHeldIt, "the waiter to hold the GIL once acquire() returned",
                    "isHeldByCurrentThread() was false for it", "acquire() must make the calling"
                            + " thread the holder before it returns", null);
            if (askedAt >= 0) {
                long waited = askedAt - waiterCame;
                Verdict.check(waited >= INTERVAL.toNanos(), "the drop request only after a"
                        + " waiter waited a whole switch interval (" + INTERVAL.toMillis()
                        + " ms)", "it was set " + waited / 1_000 + " us after the waiter called"
                        + " acquire()", "acquire() must wait the whole interval, not a part of"
                        + " it, before it sets the drop request, and dropRequested() must return"
                        + " true only once it is set", null);
            }
            if (droppedAt < 0) {
                return;
            }
            Verdict.check(waiterHadItFirst, "dropIfRequested() to return only after the waiter"
                    + " had taken the GIL (forced switching)", "it returned, holding the GIL"
                    + " again, before the waiter ever held it", "no forced switching: after a"
                    + " drop, dropIfRequested() must wait until another thread has taken the GIL,"
                    + " in a loop (while, not if) that checks who took it, as a wait may end"
                    + " without a signal", null);
            Verdict.check(waiterTook == droppedAt, "the drop to wake the waiter, which takes"
                    + " the GIL with no time passing", "the waiter took it "
                    + (waiterTook - droppedAt) / 1_000 + " us later, when its own wait timed"
                    + " out", "dropIfRequested() releases the GIL as release() does: it must"
                    + " wake a waiting thread too", null);
        }
    }

    @Test
    @Order(8)
    @Tag("task:2")
    @Points(1)
    @Tag("rule:R2.8")
    @Tag("rule:R2.4")
    @DisplayName("a thread that released the GIL calls dropIfRequested() while a waiter's drop"
            + " request is still set: no data race, and it is refused")
    void aThreadWithoutTheGilCannotDrop() {
        ModelCheck.run(INTERLEAVINGS, () -> {
            GlobalInterpreterLock gil = new GlobalInterpreterLock(INTERVAL);
            boolean[] dropped = new boolean[1];
            ModelCheck.inParallel(unchecked(() -> {
                gil.acquire();
                for (int step = 0; step < Handover.STEPS && !gil.dropRequested(); step++) {
                    // A step of the program, between two looks at the drop request.
                }
                gil.release();
                refused(() -> dropped[0] = gil.dropIfRequested());
            }), unchecked(() -> {
                gil.acquire();
                gil.release();
            }));
            Verdict.check(!dropped[0], "dropIfRequested() by a thread that does not hold the"
                    + " GIL to throw IllegalMonitorStateException (or, with no drop request,"
                    + " to return false)", "it dropped the GIL and returned true",
                    "no owner check: dropIfRequested() must check that the calling thread holds"
                    + " the GIL, under the GIL's own lock, before it drops it", null);
        });
    }
}

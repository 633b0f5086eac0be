package threadlab.hidden.gil;

import static threadlab.hidden.gil.GilTesting.AN_HOUR;
import static threadlab.hidden.gil.GilTesting.PATIENCE;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import threadlab.gil.GlobalInterpreterLock;
import threadlab.grader.api.Points;
import threadlab.hidden.support.Caller;
import threadlab.hidden.support.Verdict;

/**
 * The tests play the interpreter's part themselves: a holder runs CPU-bound steps and calls
 * dropIfRequested() between them, as Task 4's interpreter will.
 */
@DisplayName("Task 2, the switch interval and the drop request")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Task2SwitchIntervalHiddenTests {

    /** The longest a correct GIL may keep a waiter waiting here: 250 switch intervals. */
    private static final Duration BOUND = Duration.ofMillis(500);
    private static final Duration INTERVAL = Duration.ofMillis(2);

    @Test
    @Order(1)
    @Points(3)
    @DisplayName("a waiting thread gets the GIL within a few switch intervals while another runs"
            + " CPU-bound steps")
    void aWaiterGetsATurn() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(INTERVAL);
        Turns turns = new Turns();
        CountDownLatch running = new CountDownLatch(1);
        AtomicLong waiterGotItAt = new AtomicLong();
        AtomicBoolean requestSeen = new AtomicBoolean();
        long giveUpAt = System.nanoTime() + PATIENCE.toNanos();
        Caller holder = Caller.start("holder", () -> {
            gil.acquire();
            try {
                running.countDown();
                while (waiterGotItAt.get() == 0 && System.nanoTime() < giveUpAt) {
                    if (gil.dropRequested()) {
                        requestSeen.set(true);
                    }
                    gil.dropIfRequested();
                    turns.step();
                    GilTesting.spin(5_000);
                }
            } finally {
                gil.release();
            }
        });
        Caller.eventually(PATIENCE, () -> running.getCount() == 0 || holder.finished());
        long askedAt = System.nanoTime();
        Caller waiter = Caller.start("waiter", () -> {
            gil.acquire();
            waiterGotItAt.set(System.nanoTime());
            turns.step();
            gil.release();
        });
        holder.awaitFinished(PATIENCE.plusSeconds(2));
        waiter.awaitFinished(PATIENCE);
        GilTesting.rethrowFirst(List.of(holder, waiter));

        long waitedMillis = ((waiterGotItAt.get() == 0 ? System.nanoTime() : waiterGotItAt.get())
                - askedAt) / 1_000_000;
        Verdict.check(waiterGotItAt.get() != 0 && waitedMillis <= BOUND.toMillis(),
                "the waiter to get the GIL within " + BOUND.toMillis() + " ms ("
                        + BOUND.dividedBy(INTERVAL) + " switch intervals of "
                        + INTERVAL.toMillis() + " ms) while the holder runs steps",
                (waiterGotItAt.get() == 0 ? "it never got it in " : "it got it after ")
                        + waitedMillis + " ms; the turns: " + turns.render(),
                !requestSeen.get()
                        ? "the waiter never asked for a drop: acquire() must wait one switch"
                        + " interval at a time (await with a timeout), and set the drop request"
                        + " when a whole interval passed without a switch"
                        : "the drop request was set, but the holder kept the GIL:"
                        + " dropIfRequested() must release the GIL when a drop is requested",
                null);
    }

    @Test
    @Order(2)
    @Points(2)
    @DisplayName("the holder is not asked to drop the GIL before a waiter has waited a whole"
            + " switch interval")
    void noRequestBeforeTheInterval() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(AN_HOUR);
        Turns turns = new Turns();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch waiterWaits = new CountDownLatch(1);
        AtomicInteger drops = new AtomicInteger();
        AtomicBoolean requestSeen = new AtomicBoolean();
        Caller holder = Caller.start("holder", () -> {
            gil.acquire();
            try {
                holding.countDown();
                waiterWaits.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                for (int i = 0; i < 2_000; i++) {
                    if (gil.dropRequested()) {
                        requestSeen.set(true);
                    }
                    if (gil.dropIfRequested()) {
                        drops.incrementAndGet();
                    }
                    turns.step();
                }
            } finally {
                gil.release();
            }
        });
        Caller.eventually(PATIENCE, () -> holding.getCount() == 0 || holder.finished());
        Caller waiter = Caller.start("waiter", () -> {
            gil.acquire();
            turns.step();
            gil.release();
        });
        Caller.eventually(Duration.ofSeconds(1), () -> waiter.blocked() || waiter.finished());
        waiterWaits.countDown();
        String late = GilTesting.await(() -> holder.finished() && waiter.finished());
        GilTesting.rethrowFirst(List.of(holder, waiter));

        Verdict.check(drops.get() == 0 && !requestSeen.get(),
                "no drop request while the waiter has waited far less than the switch interval"
                        + " (an hour here): the holder runs its 2000 steps, then the waiter",
                "the holder was asked to drop the GIL " + drops.get() + " time(s); the turns: "
                        + turns.render(),
                "the waiter set the drop request at once; acquire() must first wait a whole"
                        + " switch interval (CPython waits sys.getswitchinterval() seconds)",
                null);
        Verdict.check(late == null, "both threads to finish", "they were " + late,
                "release() must wake the waiting thread", null);
    }

    @Test
    @Order(3)
    @Points(2)
    @DisplayName("after dropping the GIL on request, the holder lets the waiter run before it"
            + " takes the GIL back")
    void forcedSwitching() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(Duration.ofMillis(1));
        Turns turns = new Turns();
        int wanted = 20;
        AtomicInteger drops = new AtomicInteger();
        AtomicInteger takenBack = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        long giveUpAt = System.nanoTime() + PATIENCE.toNanos();
        Caller.Body body = () -> {
            String other = Thread.currentThread().getName().equals("first") ? "second" : "first";
            gil.acquire();
            try {
                while (true) {
                    turns.step();
                    GilTesting.spin(5_000);
                    if (drops.get() >= wanted || System.nanoTime() > giveUpAt) {
                        stop.set(true);
                    }
                    if (stop.get()) {
                        break;
                    }
                    long otherSteps = turns.stepsOf(other);
                    if (gil.dropIfRequested()) {
                        drops.incrementAndGet();
                        if (turns.stepsOf(other) == otherSteps && !stop.get()) {
                            takenBack.incrementAndGet();
                        }
                    }
                }
            } finally {
                gil.release();
            }
        };
        Caller first = Caller.start("first", body);
        Caller second = Caller.start("second", body);
        String late = GilTesting.await(() -> first.finished() && second.finished());
        stop.set(true);
        GilTesting.rethrowFirst(List.of(first, second));

        Verdict.check(takenBack.get() == 0,
                "after each drop, the other thread to run before the dropper takes the GIL back",
                "the dropper took the GIL straight back " + takenBack.get() + " time(s) in "
                        + drops.get() + " drops; the turns: " + turns.render(),
                "no forced switching: after releasing the GIL on request, dropIfRequested()"
                        + " must wait until another thread has taken it, else the dropper,"
                        + " still running, wins the GIL back before the waiter wakes up", null);
        Verdict.check(drops.get() >= wanted,
                wanted + " switches between two CPU-bound threads within " + PATIENCE.toSeconds()
                        + " s (a switch interval of 1 ms)",
                "there were " + drops.get() + (late == null ? "" : ", and the threads were "
                        + late) + "; the turns: " + turns.render(),
                "the waiting thread must ask for a drop after each interval, and the holder"
                        + " must drop the GIL at its next check", null);
    }

    @Test
    @Order(4)
    @Points(1)
    @DisplayName("dropRequested() is true once a waiter has asked, and false again once a thread"
            + " takes the GIL")
    void theRequestIsClearedByTheNextHolder() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(Duration.ofMillis(1));
        AtomicBoolean waiterGotIt = new AtomicBoolean();
        AtomicBoolean requestWhileHolding = new AtomicBoolean(true);
        gil.acquire();
        Caller waiter = Caller.start("waiter", () -> {
            gil.acquire();
            requestWhileHolding.set(gil.dropRequested());
            waiterGotIt.set(true);
            gil.release();
        });
        boolean asked = Caller.eventually(PATIENCE, () -> gil.dropRequested()
                || waiter.finished());
        gil.release();
        waiter.awaitFinished(PATIENCE);
        waiter.rethrow();

        Verdict.check(asked && waiterGotIt.get(),
                "dropRequested() to become true while a thread waits more than the 1 ms switch"
                        + " interval, and the waiter to get the GIL once released",
                asked ? "the waiter did not get the GIL" : "it stayed false for "
                        + PATIENCE.toSeconds() + " s",
                "acquire() must set the drop request when it has waited a whole interval", null);
        Verdict.check(!requestWhileHolding.get(),
                "the drop request to be cleared when the waiter took the GIL",
                "dropRequested() was still true for the new holder",
                "clear the request in acquire() when a thread takes the GIL; otherwise the new"
                        + " holder drops it again at its first check", null);
    }
}

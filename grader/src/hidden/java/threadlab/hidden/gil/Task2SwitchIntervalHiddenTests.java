package threadlab.hidden.gil;

import static threadlab.hidden.gil.GilTesting.AN_HOUR;
import static threadlab.hidden.gil.GilTesting.IGNORED_REQUESTS;
import static threadlab.hidden.gil.GilTesting.PATIENCE;
import static threadlab.hidden.gil.GilTesting.TEST_ENDS_IT;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import threadlab.gil.GlobalInterpreterLock;
import threadlab.grader.api.Points;
import threadlab.hidden.support.Caller;
import threadlab.hidden.support.Stillness;
import threadlab.hidden.support.Verdict;

/**
 * The tests play the interpreter's part themselves: a holder runs CPU-bound steps and calls
 * dropIfRequested() between them, as Task 4's interpreter will.
 */
@ExtendWith(Stillness.PerTest.class)
@Tag("task:2")
@DisplayName("Task 2, the switch interval and the drop request")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Task2SwitchIntervalHiddenTests {

    private static final Duration INTERVAL = Duration.ofMillis(2);

    /**
     * The holder runs CPU-bound steps until the waiter has had the GIL. It stops early if it has
     * seen the drop request at {@value GilTesting#IGNORED_REQUESTS} steps in a row without the
     * waiter getting the GIL, and at the latest after {@link GilTesting#PATIENCE}: a GIL whose
     * waiter never asks for a drop is only caught by that.
     */
    @Test
    @Tag("rule:R1.6")
    @Tag("rule:R2.1")
    @Tag("needs:R1.1")
    @Tag("needs:R2.6")
    @Order(1)
    @Points(3)
    @DisplayName("a waiting thread asks for a drop and gets the GIL while another runs CPU-bound"
            + " steps")
    void aWaiterGetsATurn() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(INTERVAL);
        Turns turns = new Turns();
        CountDownLatch running = new CountDownLatch(1);
        AtomicLong waiterGotItAt = new AtomicLong();
        GilTesting.DropRequests requests = new GilTesting.DropRequests();
        long giveUpAt = System.nanoTime() + PATIENCE.toNanos();
        Caller holder = Caller.start("holder", () -> {
            gil.acquire();
            try {
                running.countDown();
                while (waiterGotItAt.get() == 0 && !requests.ignored()
                        && System.nanoTime() < giveUpAt) {
                    boolean requested = gil.dropRequested();
                    gil.dropIfRequested();
                    requests.step(requested, waiterGotItAt.get() != 0);
                    turns.step();
                    GilTesting.spin(5_000);
                }
            } finally {
                gil.release();
            }
        });
        GilTesting.eventually(() -> running.getCount() == 0 || holder.finished());
        long askedAt = System.nanoTime();
        Caller waiter = Caller.start("waiter", () -> {
            gil.acquire();
            waiterGotItAt.set(System.nanoTime());
            turns.step();
            gil.release();
        });
        GilTesting.finished(holder, PATIENCE.plusSeconds(2));
        GilTesting.finished(waiter, PATIENCE);
        GilTesting.rethrowFirst(List.of(holder, waiter));

        boolean beforeTheHolderStopped = waiterGotItAt.get() != 0
                && !requests.ignored() && waiterGotItAt.get() < giveUpAt;
        long waitedMillis = ((waiterGotItAt.get() == 0 ? System.nanoTime() : waiterGotItAt.get())
                - askedAt) / 1_000_000;
        String happened;
        if (requests.ignored()) {
            happened = "the holder saw the drop request at " + IGNORED_REQUESTS + " steps in a"
                    + " row, called dropIfRequested() at each, and kept the GIL";
        } else if (waiterGotItAt.get() == 0) {
            happened = "the waiter never got it in " + waitedMillis + " ms";
        } else {
            happened = "the waiter got it only after the holder stopped, " + waitedMillis
                    + " ms after it asked";
        }
        Verdict.check(beforeTheHolderStopped,
                "the waiter to get the GIL while the holder still runs steps (switch interval "
                        + INTERVAL.toMillis() + " ms): it asks for a drop after one interval,"
                        + " and the holder drops the GIL at its next step",
                happened + "; the turns: " + turns.render(),
                !requests.seen()
                        ? "the waiter never asked for a drop: acquire() must wait one switch"
                        + " interval at a time (await with a timeout), and set the drop request"
                        + " when a whole interval passed without a switch"
                        : "the drop request was set, but the holder kept the GIL:"
                        + " dropIfRequested() must release the GIL when a drop is requested",
                null);
    }

    @Test
    @Tag("rule:R2.1")
    @Tag("rule:R2.5")
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
                waiterWaits.await(TEST_ENDS_IT.toMillis(), TimeUnit.MILLISECONDS);
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
        GilTesting.eventually(() -> holding.getCount() == 0 || holder.finished());
        Caller waiter = Caller.start("waiter", () -> {
            gil.acquire();
            turns.step();
            gil.release();
        });
        try {
            GilTesting.eventually(() -> waiter.blockedInSubmission() || waiter.finished());
            // The holder stays still until no thread has moved for a while: a waiter that asks
            // after less than its interval (an hour) wakes up meanwhile, and is seen on every run.
            Stillness.await(PATIENCE, () -> gil.dropRequested() || waiter.finished());
        } finally {
            waiterWaits.countDown();
        }
        String late = GilTesting.await(() -> holder.finished() && waiter.finished());
        GilTesting.rethrowFirst(List.of(holder, waiter));

        Verdict.check(drops.get() == 0 && !requestSeen.get(),
                "no drop request while the waiter has waited far less than the switch interval"
                        + " (an hour here): the holder runs its 2000 steps, then the waiter",
                "the holder was asked to drop the GIL " + drops.get() + " time(s); the turns: "
                        + turns.render(),
                "the waiter set the drop request before a whole switch interval had passed:"
                        + " acquire() must first wait the whole interval, in its own unit"
                        + " (CPython waits sys.getswitchinterval() seconds)",
                null);
        Verdict.check(late == null, "both threads to finish", "they were " + late,
                "release() must wake the waiting thread", null);
    }

    /**
     * Whether the holder takes the GIL straight back after a drop must not depend on how the
     * operating system schedules the waiter: on a busy machine a woken waiter often runs first
     * anyway, and a GIL without forced switching would pass by luck. So the thread that asked for
     * the drop leaves before the holder drops: no other thread can take the GIL until the test
     * starts one, and a holder that does not wait for another thread takes the GIL back at once,
     * on every run. An asker that does not leave when interrupted fails the test: with it still
     * waiting, the outcome would be the scheduler's choice.
     *
     * <p>The other thread is started only once the holder waits inside the submission's code
     * with no time limit. Its state alone would not say so: let go from the test's latch, a holder
     * that a busy machine has not run yet still reads as waiting, and a holder that took the GIL
     * straight back would then race the new thread, and win or lose by the scheduler. A timed wait
     * may end by itself, when the clock says, so the test waits for such a holder to return.
     */
    @Test
    @Tag("rule:R2.6")
    @Tag("needs:R2.3")
    @Order(3)
    @Points(2)
    @DisplayName("after dropping the GIL on request, the holder lets the waiter run before it"
            + " takes the GIL back")
    void forcedSwitching() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(Duration.ofMillis(1));
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch drop = new CountDownLatch(1);
        AtomicBoolean dropped = new AtomicBoolean();
        Caller holder = Caller.start("holder", () -> {
            gil.acquire();
            try {
                holding.countDown();
                drop.await(TEST_ENDS_IT.toMillis(), TimeUnit.MILLISECONDS);
                dropped.set(gil.dropIfRequested());
                events.add("holder: dropIfRequested() returned " + dropped.get());
            } finally {
                gil.release();
            }
        });
        GilTesting.eventually(() -> holding.getCount() == 0 || holder.finished());
        Caller asker = Caller.start("asker", () -> {
            gil.acquire();
            events.add("asker: took the GIL");
            gil.release();
        });
        boolean asked;
        boolean askerLeft;
        try {
            asked = GilTesting.eventually(() -> gil.dropRequested() || asker.finished())
                    && gil.dropRequested();
            asker.thread().interrupt();
            askerLeft = GilTesting.finished(asker, PATIENCE);
        } finally {
            drop.countDown();
        }
        Caller.eventually(PATIENCE, () -> holder.finished() || waitsUntimedAWhile(holder));
        boolean returnedAlone = holder.finished()
                && events.stream().noneMatch(e -> e.endsWith("took the GIL"));
        Caller taker = null;
        if (!holder.finished() && askerLeft) {
            taker = Caller.start("taker", () -> {
                gil.acquire();
                events.add("taker: took the GIL");
                gil.release();
            });
        }
        String late = GilTesting.await(() -> holder.finished());
        GilTesting.rethrowFirst(taker == null ? List.of(holder) : List.of(holder, taker));

        Verdict.check(asked, "a drop request from a thread that waited a whole switch interval"
                        + " (1 ms)", "dropRequested() stayed false (the test waited up to "
                        + PATIENCE.toSeconds() + " s)",
                "acquire() must set the drop request after waiting an interval", null);
        Verdict.check(askerLeft, "the interrupted thread that had asked for the drop to leave"
                        + " acquire() with InterruptedException",
                "it stayed in acquire() for " + PATIENCE.toSeconds() + " s after the interrupt,"
                        + " so forced switching could not be checked: this test needs that"
                        + " thread gone before the holder drops the GIL",
                "acquire() must end with InterruptedException when its waiting thread is"
                        + " interrupted, as its Javadoc says: a wait in Condition.await() or"
                        + " Object.wait() does that, but a loop that spins without checking"
                        + " the interrupt does not", null);
        Verdict.check(dropped.get() && !returnedAlone,
                "dropIfRequested() to release the GIL and wait until another thread has taken"
                        + " it; here the thread that asked had gone, so the holder must wait"
                        + " until the test started another thread",
                dropped.get() ? "dropIfRequested() returned while no other thread had taken"
                        + " the GIL: the dropper took it straight back"
                        : "dropIfRequested() returned false although a drop was requested",
                dropped.get() ? "no forced switching: after releasing the GIL on request,"
                        + " dropIfRequested() must wait until another thread has taken it, else"
                        + " the dropper, still running, wins the GIL back before the waiter"
                        + " wakes up" : "dropIfRequested() must drop the GIL whenever"
                        + " dropRequested() is true", null);
        Verdict.check(late == null && events.size() == 2 && events.get(0).endsWith("took the GIL")
                        && events.get(1).equals("holder: dropIfRequested() returned true"),
                "the other thread to take the GIL, then the holder to take it back",
                late != null ? "the holder was " + late : "the events were " + events,
                "once another thread has taken the GIL, the dropper must queue for it like any"
                        + " other thread", null);
    }

    /**
     * Whether a caller waits in the submission's code with no time limit, and stays so for 20 ms.
     */
    private static boolean waitsUntimedAWhile(Caller caller) throws InterruptedException {
        for (int i = 0; i < 10; i++) {
            if (!caller.blockedInSubmission()
                    || caller.thread().getState() == Thread.State.TIMED_WAITING) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    @Test
    @Tag("rule:R2.2")
    @Tag("rule:R2.3")
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
        boolean asked = GilTesting.eventually(() -> gil.dropRequested()
                || waiter.finished());
        gil.release();
        GilTesting.finished(waiter, PATIENCE);
        waiter.rethrow();

        Verdict.check(asked && waiterGotIt.get(),
                "dropRequested() to become true while a thread waits more than the 1 ms switch"
                        + " interval, and the waiter to get the GIL once released",
                asked ? "the waiter did not get the GIL" : "it stayed false (the test waited up"
                        + " to " + PATIENCE.toSeconds() + " s)",
                "acquire() must set the drop request when it has waited a whole interval", null);
        Verdict.check(!requestWhileHolding.get(),
                "the drop request to be cleared when the waiter took the GIL",
                "dropRequested() was still true for the new holder",
                "clear the request in acquire() when a thread takes the GIL; otherwise the new"
                        + " holder drops it again at its first check", null);
    }

    @Test
    @Tag("rule:R2.4")
    @Order(5)
    @Points(1)
    @DisplayName("dropRequested() reads a volatile field and takes no lock (checked on the"
            + " compiled class)")
    void dropRequestedReadsWithoutALock() throws Exception {
        boolean onANewGil = new GlobalInterpreterLock(AN_HOUR).dropRequested();
        Verdict.check(!onANewGil, "no drop request on a GIL that nobody has waited for",
                "dropRequested() was true", "the drop request starts false, and only a waiter"
                        + " that waited a whole interval sets it", null);
        List<String> problems = LockFreeRead.problems(GlobalInterpreterLock.class,
                "dropRequested", "()Z");
        Verdict.check(problems.isEmpty(),
                "dropRequested(), which the holder calls between every two steps, to read a"
                        + " volatile field (or an atomic variable) and to take no lock",
                "in your compiled GlobalInterpreterLock, " + String.join("; ", problems),
                problems.stream().anyMatch(p -> p.contains("neither volatile"))
                        ? "the drop request is a plain field: a holder that reads it without a"
                        + " lock may never see a waiter's request. Make the field volatile"
                        : "a lock here makes every step wait for the GIL's own lock; read a"
                        + " volatile field instead", null);
    }

    @Test
    @Tag("rule:R2.7")
    @Tag("needs:R1.2")
    @Tag("needs:R2.6")
    @Order(6)
    @Points(1)
    @DisplayName("dropIfRequested() throws InterruptedException when interrupted while it waits"
            + " to take the GIL back")
    void anInterruptedDropperLeaves() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(Duration.ofMillis(1));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch drop = new CountDownLatch(1);
        AtomicReference<Throwable> interrupted = new AtomicReference<>();
        AtomicBoolean dropped = new AtomicBoolean();
        Caller holder = Caller.start("holder", () -> {
            gil.acquire();
            holding.countDown();
            drop.await(TEST_ENDS_IT.toMillis(), TimeUnit.MILLISECONDS);
            try {
                dropped.set(gil.dropIfRequested());
            } catch (InterruptedException e) {
                interrupted.set(e);
                return;
            }
            gil.release();
        });
        GilTesting.eventually(() -> holding.getCount() == 0 || holder.finished());
        CountDownLatch letGo = new CountDownLatch(1);
        AtomicBoolean askerHolds = new AtomicBoolean();
        Caller asker = Caller.start("asker", () -> {
            gil.acquire();
            askerHolds.set(true);
            letGo.await(TEST_ENDS_IT.toMillis(), TimeUnit.MILLISECONDS);
            gil.release();
        });
        boolean asked;
        boolean holderWaited;
        try {
            asked = GilTesting.eventually(() -> gil.dropRequested() || asker.finished())
                    && gil.dropRequested();
            drop.countDown();
            // A correct holder parks at once; one that spins is given a second, not more. One
            // that takes the GIL straight back fails forced switching (R2.6), which this test
            // needs: then it does not count, whoever won the race here.
            holderWaited = Caller.eventually(Duration.ofSeconds(1), () -> askerHolds.get()
                    && holder.blockedInSubmission() || holder.finished()) && !holder.finished();
            holder.thread().interrupt();
            GilTesting.finished(holder, PATIENCE);
        } finally {
            letGo.countDown();
        }
        GilTesting.finished(asker, PATIENCE);
        GilTesting.rethrowFirst(List.of(holder, asker));

        Verdict.check(asked, "a drop request from a thread that waited a whole switch interval"
                        + " (1 ms)", "dropRequested() stayed false (the test waited up to "
                        + PATIENCE.toSeconds() + " s)",
                "acquire() must set the drop request after waiting an interval", null);
        Verdict.check(holderWaited,
                "the holder, after dropping the GIL on request, to wait while the asker holds"
                        + " it", "dropIfRequested() returned " + dropped.get() + " while the"
                        + " asker held the GIL",
                "dropIfRequested() must take the GIL back with acquire(), and wait its turn",
                null);
        Verdict.check(interrupted.get() instanceof InterruptedException,
                "dropIfRequested(), interrupted while it waits to take the GIL back, to throw"
                        + " InterruptedException",
                holder.finished() ? "it returned " + dropped.get() : "it went on waiting for "
                        + PATIENCE.toSeconds() + " s after the interrupt",
                "dropIfRequested() caught the InterruptedException, or waits in a way that"
                        + " ignores interrupts; let the exception go on, as its Javadoc says",
                null);
    }

    @Test
    @Tag("rule:R2.8")
    @Tag("needs:R2.3")
    @Order(7)
    @Points(1)
    @DisplayName("dropIfRequested() by a thread that does not hold the GIL throws"
            + " IllegalMonitorStateException, and the holder keeps it")
    void dropIfRequestedChecksTheHolder() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(Duration.ofMillis(1));
        gil.acquire();
        Caller asker = Caller.start("asker", () -> {
            gil.acquire();
            gil.release();
        });
        boolean asked;
        Caller intruder = null;
        boolean stillHeld = true;
        try {
            asked = GilTesting.eventually(() -> gil.dropRequested() || asker.finished())
                    && gil.dropRequested();
            if (asked) {
                intruder = Caller.start("intruder", gil::dropIfRequested);
                GilTesting.finished(intruder, PATIENCE);
                stillHeld = gil.isHeldByCurrentThread();
            }
        } finally {
            if (stillHeld) {
                gil.release();
            }
        }
        GilTesting.finished(asker, PATIENCE);
        Throwable thrown = intruder == null ? null : intruder.failure();
        if (thrown instanceof UnsupportedOperationException) {
            intruder.rethrow();
        }
        asker.rethrow();

        Verdict.check(asked, "a drop request from a thread that waited a whole switch interval"
                        + " (1 ms)", "dropRequested() stayed false (the test waited up to "
                        + PATIENCE.toSeconds() + " s)",
                "acquire() must set the drop request after waiting an interval", null);
        Verdict.check(thrown instanceof IllegalMonitorStateException && stillHeld,
                "dropIfRequested() by \"intruder\", which does not hold the GIL, to throw"
                        + " IllegalMonitorStateException while a drop is requested, and the"
                        + " holder to keep the GIL",
                (intruder.finished() ? thrown == null ? "it returned normally" : "it threw "
                        + thrown : "it was still running after " + PATIENCE.toSeconds() + " s")
                        + (stillHeld ? "" : ", and the holder no longer held the GIL"),
                "dropIfRequested() released the GIL without checking that the calling thread"
                        + " holds it; check the owner first, as release() does", null);
    }
}

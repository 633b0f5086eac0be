package threadlab.hidden.gil;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import threadlab.gil.GlobalInterpreterLock;
import threadlab.gil.Interpreter;
import threadlab.gil.NaiveRefCounts;
import threadlab.grader.api.Points;
import threadlab.hidden.support.Caller;
import threadlab.hidden.support.Stillness;
import threadlab.hidden.support.Verdict;
import threadlab.refcount.BrokenUnsynchronizedRefCount;
import threadlab.refcount.RefCount;

@ExtendWith(Stillness.PerTest.class)
@Tag("task:5")
@DisplayName("Task 5, module 1's naive count on the interpreter")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Task5NaiveCountHiddenTests {

    /** Module 1's naive count, watched: who calls it, holding the GIL or not, and how many. */
    private static final class WatchedCount implements RefCount {
        final RefCount naive;
        final GlobalInterpreterLock gil;
        final Turns turns = new Turns();
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger mostInside = new AtomicInteger();
        final AtomicReference<String> withoutGil = new AtomicReference<>();
        final int failAt;
        /** The failing call waits here, once {@link #atGate} is counted down, before it throws. */
        final CountDownLatch gate;
        final CountDownLatch atGate = new CountDownLatch(1);

        WatchedCount(RefCount naive, GlobalInterpreterLock gil, int failAt) {
            this(naive, gil, failAt, new CountDownLatch(0));
        }

        WatchedCount(RefCount naive, GlobalInterpreterLock gil, int failAt,
                CountDownLatch gate) {
            this.naive = naive;
            this.gil = gil;
            this.failAt = failAt;
            this.gate = gate;
        }

        @Override
        public void incref() {
            watch(naive::incref);
        }

        @Override
        public void decref() {
            watch(naive::decref);
        }

        @Override
        public int get() {
            return naive.get();
        }

        private void watch(Runnable update) {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                if (calls.incrementAndGet() == failAt) {
                    atGate.countDown();
                    awaitGate();
                    throw new IllegalStateException("the count failed on purpose");
                }
                if (!gil.isHeldByCurrentThread()) {
                    withoutGil.compareAndSet(null, Thread.currentThread().getName());
                }
                turns.step();
                GilTesting.spin(500);
                update.run();
            } finally {
                inside.decrementAndGet();
            }
        }

        private void awaitGate() {
            try {
                gate.await(GilTesting.TEST_ENDS_IT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    @Tag("rule:R5.1")
    @Tag("rule:R5.2")
    @Tag("needs:R1.1")
    @Tag("needs:R1.3")
    @Tag("needs:R2.6")
    @Tag("needs:R4.1")
    @Tag("needs:R4.3")
    @Order(1)
    @Points(3)
    @DisplayName("4 threads share module 1's naive count on the interpreter, and it stays exact")
    void theNaiveCountStaysExact() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(Duration.ofMillis(1));
        AtomicInteger frees = new AtomicInteger();
        WatchedCount count = new WatchedCount(new BrokenUnsynchronizedRefCount(
                frees::incrementAndGet), gil, -1);
        int threads = 4;
        int pairs = 20_000;
        Caller caller = Caller.start("main", () -> NaiveRefCounts.share(new Interpreter(gil),
                count, threads, pairs));
        GilTesting.finished(caller, GilTesting.PATIENCE.multipliedBy(2));
        caller.rethrow();

        int expectedCalls = threads * pairs * 2;
        Verdict.check(caller.finished(), "share() to return once its threads are done",
                "it had not returned (the test waited up to "
                        + GilTesting.PATIENCE.multipliedBy(2).toSeconds() + " s); the turns: "
                        + count.turns.render(),
                "join every thread once; do not wait for a thread that was never started", null);
        Verdict.check(count.calls.get() == expectedCalls,
                expectedCalls + " calls: " + threads + " threads x " + pairs + " pairs of incref"
                        + " and decref, all done when share() returns",
                count.calls.get() + " calls", count.calls.get() < expectedCalls
                        ? "share() returned before every thread had finished: join them all"
                        : "each thread runs pairs pairs, one incref step and one decref step each",
                null);
        Verdict.check(count.mostInside.get() <= 1 && count.withoutGil.get() == null,
                "every incref and decref to run alone, under the GIL",
                count.withoutGil.get() != null ? count.withoutGil.get() + " updated the count"
                        + " without the GIL" : "updates ran at the same time",
                "update the count only from steps that the interpreter runs: start the threads"
                        + " with interpreter.start(...)", null);
        Verdict.check(count.get() == 1 && frees.get() == 0,
                "the count to end at 1, the object never freed",
                "it ended at " + count.get() + ", freed " + frees.get() + " time(s)",
                "every incref needs its decref, in that order, in the same thread", null);
        Verdict.check(count.turns.switches() >= threads,
                "the threads to take turns while they work: at least " + threads + " switches",
                count.turns.switches() + " switches; the turns: " + count.turns.render(),
                "the threads ran one after the other: either share() joins a thread before it"
                        + " starts the next, or the running thread never drops the GIL when"
                        + " asked (Tasks 2 and 4)", null);
    }

    @Test
    @Tag("rule:R5.2")
    @Tag("needs:R1.1")
    @Tag("needs:R1.3")
    @Tag("needs:R2.6")
    @Tag("needs:R4.1")
    @Tag("needs:R4.3")
    @Tag("needs:R5.1")
    @Order(2)
    @Points(1)
    @DisplayName("share() throws what a thread threw")
    void shareReportsAFailure() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(Duration.ofMillis(1));
        CountDownLatch gate = new CountDownLatch(1);
        WatchedCount count = new WatchedCount(new BrokenUnsynchronizedRefCount(() -> { }), gil,
                10, gate);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Caller caller = Caller.start("main", () -> {
            try {
                NaiveRefCounts.share(new Interpreter(gil), count, 2, 100);
            } catch (IllegalStateException e) {
                thrown.set(e);
            }
        });
        boolean returnedEarly;
        try {
            // The failing step waits at the gate, so its thread cannot end: a share() that
            // waits for its threads is parked meanwhile, and one that does not returns. Which
            // it did is the same on every run, whatever the scheduler does.
            Caller.eventually(GilTesting.PATIENCE, () -> caller.finished()
                    || count.atGate.getCount() == 0 && caller.blocked());
            returnedEarly = caller.finished();
        } finally {
            gate.countDown();
        }
        GilTesting.finished(caller, GilTesting.PATIENCE);
        caller.rethrow();

        Verdict.check(!returnedEarly,
                "share() to wait while a thread still runs its program",
                "it returned while a thread was still in a step",
                "join every thread before looking at their failures; a thread's failure is"
                        + " only known once it has ended", null);
        Verdict.check(thrown.get() != null
                        && "the count failed on purpose".equals(thrown.get().getMessage()),
                "share() to throw the IllegalStateException a thread's step threw",
                "it " + (caller.finished() ? "returned normally" : "did not return"),
                "after joining the threads, look at each one's failure() and throw it", null);
    }

    /**
     * A count that fails on purpose in two threads: each waits, without the GIL, until both
     * have called it; then the thread that was started first (the lower thread id: ids count
     * up as threads are made) throws an Error, and the other waits again, without the GIL,
     * until the test lets it throw an IllegalStateException.
     */
    private static final class FailingInTwoThreads implements RefCount {
        final GlobalInterpreterLock gil;
        final List<Thread> callers = new CopyOnWriteArrayList<>();
        final CountDownLatch bothCame = new CountDownLatch(2);
        final CountDownLatch laterMayFail = new CountDownLatch(1);
        final Error firstFailure = new GilTesting.ErrorOnPurpose("the thread started first"
                + " failed on purpose");
        final IllegalStateException laterFailure = new IllegalStateException("the thread"
                + " started second failed on purpose");

        FailingInTwoThreads(GlobalInterpreterLock gil) {
            this.gil = gil;
        }

        @Override
        public void incref() {
            fail();
        }

        @Override
        public void decref() {
            fail();
        }

        @Override
        public int get() {
            return 1;
        }

        private void fail() {
            Thread me = Thread.currentThread();
            callers.add(me);
            bothCame.countDown();
            withoutTheGil(bothCame);
            if (callers.stream().allMatch(other -> other.getId() >= me.getId())) {
                throw firstFailure;
            }
            withoutTheGil(laterMayFail);
            throw laterFailure;
        }

        private void withoutTheGil(CountDownLatch latch) {
            try {
                gil.whileReleased(() -> latch.await(GilTesting.TEST_ENDS_IT.toMillis(),
                        TimeUnit.MILLISECONDS));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Both threads fail, the one started second only once the test lets it: a share() that
     * waits for every thread is parked meanwhile, with every other thread, and one that throws
     * at the first failure has ended. Which it did is the same on every run.
     */
    @Test
    @Tag("rule:R5.2")
    @Tag("needs:R1.1")
    @Tag("needs:R1.3")
    @Tag("needs:R2.6")
    @Tag("needs:R3.1")
    @Tag("needs:R4.1")
    @Tag("needs:R4.3")
    @Tag("needs:R5.1")
    @Order(3)
    @Points(2)
    @DisplayName("two threads fail: share() waits until both have ended, then throws the failure"
            + " of the thread it started first, as it is, even an Error")
    void shareThrowsTheFirstFailureOnceAllEnded() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(GilTesting.AN_HOUR);
        FailingInTwoThreads count = new FailingInTwoThreads(gil);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Caller caller = Caller.start("main", () -> {
            try {
                NaiveRefCounts.share(new Interpreter(gil), count, 2, 1);
            } catch (UnsupportedOperationException e) {
                throw e;
            } catch (Exception | Error e) {
                thrown.set(e);
            }
        });
        boolean bothCame = false;
        boolean endedEarly = false;
        Throwable thrownEarly = null;
        try {
            bothCame = GilTesting.eventually(() -> count.bothCame.getCount() == 0
                    || caller.finished()) && count.bothCame.getCount() == 0;
            if (bothCame) {
                Stillness.await(GilTesting.PATIENCE, caller::finished);
                endedEarly = caller.finished();
                thrownEarly = thrown.get();
            }
        } finally {
            count.bothCame.countDown();
            count.bothCame.countDown();
            count.laterMayFail.countDown();
        }
        GilTesting.finished(caller, GilTesting.PATIENCE);
        caller.rethrow();

        Verdict.check(bothCame,
                "both threads to run their first step while the other one runs",
                count.callers.size() + " of them did", "start every thread before joining"
                        + " one: each runs its program meanwhile", null);
        Verdict.check(!endedEarly,
                "share() to wait while the thread it started second was still in its step",
                "it " + (thrownEarly == null ? "returned" : "threw " + thrownEarly)
                        + " while that thread still ran",
                "wait for every thread to finish, then throw: join them all first, and only"
                        + " then look at their failures", null);
        Throwable got = thrown.get();
        String happened;
        String cause;
        if (got == null) {
            happened = caller.finished() ? "it returned normally" : "it had not returned";
            cause = "after joining the threads, look at each one's failure() and throw the"
                    + " first";
        } else if (got == count.laterFailure) {
            happened = "it threw the failure of the thread it started second, "
                    + GilTesting.describe(got);
            cause = "throw the first thread's failure, in the order share() started them, not"
                    + " the last one's";
        } else if (got instanceof ClassCastException) {
            happened = "it threw " + got;
            cause = "a thread's failure may be an Error, which is no Exception: throw an Error"
                    + " as an Error, do not cast every failure to Exception";
        } else if (got.getCause() == count.firstFailure) {
            happened = "it threw " + got + ", with the Error as its cause";
            cause = "throw the failure itself, as it is, not wrapped in another exception";
        } else {
            happened = "it threw " + got;
            cause = "throw the first thread's failure() as it is";
        }
        Verdict.check(got == count.firstFailure,
                "share() to throw the Error of the thread it started first, as it is ("
                        + GilTesting.describe(count.firstFailure) + ")", happened, cause, null);
    }
}

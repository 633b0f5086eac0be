package threadlab.hidden.gil;

import java.time.Duration;
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
}

package threadlab.hidden.gil;

import static threadlab.hidden.gil.GilTesting.AN_HOUR;
import static threadlab.hidden.gil.GilTesting.PATIENCE;
import static threadlab.hidden.gil.GilTesting.TEST_ENDS_IT;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
import threadlab.grader.api.Points;
import threadlab.hidden.support.Caller;
import threadlab.hidden.support.Stillness;
import threadlab.hidden.support.Verdict;

@ExtendWith(Stillness.PerTest.class)
@Tag("task:1")
@DisplayName("Task 1, acquire and release")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Task1LockHiddenTests {

    @Test
    @Tag("rule:R1.1")
    @Tag("needs:R1.1")
    @Order(1)
    @Points(1)
    @DisplayName("two threads never hold the GIL at once, with 4 threads contending")
    void mutualExclusionUnderContention() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(AN_HOUR);
        int threads = 4;
        int turns = 2_000;
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        AtomicReference<String> notHeld = new AtomicReference<>();
        List<Caller> callers = new ArrayList<>();
        // The test holds the GIL until every thread waits for it, so that they contend from the
        // first turn, however busy the machine: otherwise one thread may do all its turns before
        // the next one starts, and a GIL that never wakes a waiter would pass.
        CountDownLatch arrived = new CountDownLatch(threads);
        GilTesting.call(gil::acquire);
        for (int t = 1; t <= threads; t++) {
            callers.add(Caller.start("thread-" + t, () -> {
                arrived.countDown();
                for (int i = 0; i < turns; i++) {
                    gil.acquire();
                    try {
                        mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        if (!gil.isHeldByCurrentThread()) {
                            notHeld.compareAndSet(null, Thread.currentThread().getName());
                        }
                        GilTesting.spin(1_000);
                        inside.decrementAndGet();
                    } finally {
                        gil.release();
                    }
                }
            }));
        }
        arrived.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        // A GIL that spins never blocks; it waits a quarter of a second here.
        Caller.eventually(Duration.ofMillis(250),
                () -> callers.stream().allMatch(c -> c.blocked() || c.finished()));
        GilTesting.call(gil::release);
        String late = GilTesting.await(() -> callers.stream().allMatch(Caller::finished));
        List<String> running = GilTesting.stillRunning(callers);
        GilTesting.rethrowFirst(callers);

        Verdict.check(mostInside.get() <= 1,
                "one thread at a time between acquire() and release()",
                "up to " + mostInside.get() + " threads held the GIL at the same time",
                "acquire() checks that the GIL is free and then takes it in two separate steps,"
                        + " so two threads can both see it free; check and take it in one step,"
                        + " under one lock", null);
        Verdict.check(notHeld.get() == null,
                "isHeldByCurrentThread() to be true between acquire() and release()",
                "it was false for " + notHeld.get() + " while it held the GIL",
                "remember which thread holds the GIL, and compare it with"
                        + " Thread.currentThread()", null);
        Verdict.check(late == null,
                threads + " threads to take and release the GIL " + turns + " times each",
                "they were " + late + ": " + running + " never finished",
                "a lost wake-up, or release() never lets go of the GIL: release() must free the"
                        + " GIL, unlock what it locked (in a finally), and wake a waiting thread",
                null);
    }

    @Test
    @Tag("rule:R1.4")
    @Order(2)
    @Points(2)
    @DisplayName("release() by a thread that does not hold the GIL throws"
            + " IllegalMonitorStateException, and the holder keeps it")
    void ownerCheck() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(AN_HOUR);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        AtomicBoolean stillHeld = new AtomicBoolean();
        Caller holder = Caller.start("holder", () -> {
            gil.acquire();
            held.countDown();
            done.await(TEST_ENDS_IT.toMillis(), TimeUnit.MILLISECONDS);
            stillHeld.set(gil.isHeldByCurrentThread());
            gil.release();
        });
        GilTesting.eventually(() -> held.getCount() == 0 || holder.finished());
        holder.rethrow();

        Throwable thrown = catching(gil::release);
        AtomicBoolean intruderGotIt = new AtomicBoolean();
        Caller intruder = Caller.start("intruder", () -> {
            gil.acquire();
            intruderGotIt.set(true);
            gil.release();
        });
        boolean stolen;
        try {
            Caller.eventually(Duration.ofSeconds(1), () -> intruderGotIt.get()
                    || intruder.blockedInSubmission() || intruder.finished());
            stolen = intruderGotIt.get();
        } finally {
            done.countDown();
        }
        GilTesting.finished(holder, PATIENCE);
        GilTesting.finished(intruder, PATIENCE);
        rethrowNotDone(thrown);
        GilTesting.rethrowFirst(List.of(holder, intruder));

        Verdict.check(thrown instanceof IllegalMonitorStateException,
                "release() by the test thread, while \"holder\" holds the GIL, to throw"
                        + " IllegalMonitorStateException",
                thrown == null ? "it returned normally" : "it threw " + thrown,
                thrown == null ? "no owner check: release() must check that the calling thread"
                        + " holds the GIL, and throw IllegalMonitorStateException otherwise,"
                        + " as ReentrantLock.unlock() does"
                        : "throw IllegalMonitorStateException, the exception Java's own locks"
                        + " use for this", null);
        Verdict.check(!stolen && stillHeld.get(),
                "\"holder\" to keep the GIL after another thread's failed release()",
                stolen ? "\"intruder\" took the GIL while \"holder\" still held it"
                        : "\"holder\" no longer held it",
                "release() changed the GIL's state before it checked the owner", null);
        Throwable onFree = catching(gil::release);
        Verdict.check(onFree instanceof IllegalMonitorStateException,
                "release() of a GIL that nobody holds to throw IllegalMonitorStateException",
                onFree == null ? "it returned normally" : "it threw " + onFree,
                "no owner check: a GIL that nobody holds has no owner to release it", null);
    }

    @Test
    @Tag("rule:R1.3")
    @Order(3)
    @Points(2)
    @DisplayName("a released GIL goes to a waiting thread at once, not at the end of its switch"
            + " interval")
    void releaseWakesAWaiter() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(AN_HOUR);
        AtomicBoolean waiterGotIt = new AtomicBoolean();
        gil.acquire();
        Caller waiter = Caller.start("waiter", () -> {
            gil.acquire();
            waiterGotIt.set(true);
            gil.release();
        });
        Caller.eventually(Duration.ofSeconds(1),
                () -> waiter.blockedInSubmission() || waiter.finished());
        boolean tooEarly = waiterGotIt.get();
        gil.release();
        // Asked only once the waiter is done: a GIL whose isHeldByCurrentThread() leaves its
        // own lock locked would otherwise block the waiter on some runs and not on others.
        String late = GilTesting.await(() -> waiterGotIt.get() || waiter.finished());
        boolean stillHeld = gil.isHeldByCurrentThread();
        waiter.rethrow();

        Verdict.check(!tooEarly, "the waiter to wait while the test thread holds the GIL",
                "it took the GIL while the test thread held it",
                "acquire() does not wait for the GIL to be free", null);
        Verdict.check(!stillHeld, "the test thread not to hold the GIL after release()",
                "isHeldByCurrentThread() was still true",
                "release() never lets go of the GIL: it must clear the holder", null);
        Verdict.check(waiterGotIt.get(),
                "the waiting thread to get the GIL as soon as it was released",
                "the GIL was released, but the waiter was " + late
                        + "; with a switch interval of an hour it would wait an hour",
                "a lost wake-up: release() must wake the waiting threads (signal the Condition"
                        + " they await, or notifyAll() on the monitor they wait() on);"
                        + " waiting until the switch interval runs out is not enough", null);
    }

    @Test
    @Tag("rule:R1.2")
    @Tag("needs:R1.2")
    @Order(4)
    @Points(1)
    @DisplayName("a thread that waits for the GIL sleeps; it does not spin")
    void waitersDoNotSpin() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(AN_HOUR);
        gil.acquire();
        Caller waiter = Caller.start("waiter", () -> {
            gil.acquire();
            gil.release();
        });
        Caller.eventually(Duration.ofMillis(500),
                () -> waiter.blockedInSubmission() || waiter.finished());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long id = waiter.thread().getId();
        long cpuBefore = threads.getThreadCpuTime(id);
        int runnable = 0;
        int samples = 50;
        for (int i = 0; i < samples; i++) {
            TimeUnit.MILLISECONDS.sleep(5);
            if (waiter.thread().getState() == Thread.State.RUNNABLE) {
                runnable++;
            }
        }
        long cpuMillis = (threads.getThreadCpuTime(id) - cpuBefore) / 1_000_000;
        gil.release();
        GilTesting.finished(waiter, PATIENCE);
        waiter.rethrow();

        // A spinning thread is runnable whether or not a core is free for it; the CPU it uses
        // also shows a thread that sleeps a moment between tries, but only when cores are free.
        boolean spun = runnable > samples / 2 || cpuBefore >= 0 && cpuMillis > 25;
        Verdict.check(!spun,
                "the waiting thread to sleep until the GIL is released (no CPU used)",
                "it was running in " + runnable + " of " + samples + " samples"
                        + (cpuBefore >= 0 ? " and used " + cpuMillis
                                + " ms of CPU in about 250 ms of waiting" : ""),
                "a busy-wait: acquire() loops until the GIL is free, and takes a core from the"
                        + " thread that holds it; await a Condition (or wait() on a monitor)"
                        + " instead, so that the waiter sleeps until it is woken", null);
    }

    @Test
    @Tag("rule:R1.5")
    @Tag("rule:R1.6")
    @Order(5)
    @Points(1)
    @DisplayName("isHeldByCurrentThread() is true for the holder only")
    void onlyTheHolderHoldsIt() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(AN_HOUR);
        boolean before = gil.isHeldByCurrentThread();
        gil.acquire();
        boolean during = gil.isHeldByCurrentThread();
        AtomicBoolean onAnother = new AtomicBoolean(true);
        Caller other = Caller.start("other", () -> onAnother.set(gil.isHeldByCurrentThread()));
        GilTesting.finished(other, PATIENCE);
        gil.release();
        boolean after = gil.isHeldByCurrentThread();
        other.rethrow();

        Verdict.check(!before && during && !onAnother.get() && !after,
                "isHeldByCurrentThread(): false before acquire(), true after it, false on"
                        + " another thread meanwhile, false after release()",
                "it was " + before + ", " + during + ", " + onAnother.get() + ", " + after,
                "compare the holder with Thread.currentThread(); a plain flag cannot tell"
                        + " threads apart", null);
    }

    private static Throwable catching(Caller.Body body) {
        try {
            body.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private static void rethrowNotDone(Throwable thrown) {
        if (thrown instanceof UnsupportedOperationException) {
            throw (UnsupportedOperationException) thrown;
        }
    }

    @Test
    @Tag("rule:R1.7")
    @Order(6)
    @Points(1)
    @DisplayName("a thread interrupted while it waits in acquire() leaves with"
            + " InterruptedException, without the GIL")
    void anInterruptedWaiterLeaves() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(AN_HOUR);
        gil.acquire();
        AtomicBoolean waiterGotIt = new AtomicBoolean();
        Caller waiter = Caller.start("waiter", () -> {
            gil.acquire();
            waiterGotIt.set(true);
            gil.release();
        });
        boolean left;
        try {
            // A correct waiter parks at once; one that spins is given a second, not more.
            Caller.eventually(Duration.ofSeconds(1),
                    () -> waiter.blockedInSubmission() || waiter.finished());
            waiter.thread().interrupt();
            left = GilTesting.finished(waiter, PATIENCE);
        } finally {
            gil.release();
        }
        AtomicBoolean nextGotIt = new AtomicBoolean();
        Caller next = Caller.start("next", () -> {
            gil.acquire();
            nextGotIt.set(true);
            gil.release();
        });
        boolean nextDone = GilTesting.finished(next, PATIENCE);
        rethrowNotDone(waiter.failure());
        next.rethrow();

        Verdict.check(left && waiter.failure() instanceof InterruptedException
                        && !waiterGotIt.get(),
                "the thread waiting in acquire() to leave with InterruptedException when"
                        + " interrupted, without taking the GIL",
                !left ? "it stayed in acquire() for " + PATIENCE.toSeconds() + " s after the"
                        + " interrupt" : waiter.failure() == null ? "acquire() returned"
                        + " normally" : "it threw " + waiter.failure(),
                "acquire() caught the InterruptedException and went on waiting, or waits in a"
                        + " way that ignores interrupts (awaitUninterruptibly, a spin); let the"
                        + " exception go on, as its Javadoc says", null);
        Verdict.check(nextDone && nextGotIt.get(),
                "after the interrupted waiter left, another thread to take the released GIL",
                "\"next\" was still waiting after " + PATIENCE.toSeconds() + " s",
                "the interrupted waiter left the GIL's state as if it still waited (a count"
                        + " of waiters or a place in a queue that a finally block must undo)",
                null);
    }
}

package threadlab.hidden.gil;

import static threadlab.hidden.gil.GilTesting.AN_HOUR;
import static threadlab.hidden.gil.GilTesting.PATIENCE;
import static threadlab.hidden.gil.GilTesting.TEST_ENDS_IT;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * The blocking call is a sleep that lasts until the test opens a latch, so "while the thread
 * sleeps" is decided by the test, not by the clock.
 */
@ExtendWith(Stillness.PerTest.class)
@Tag("task:3")
@DisplayName("Task 3, releasing the GIL around a blocking call")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Task3WhileReleasedHiddenTests {

    @Test
    @Tag("rule:R3.1")
    @Tag("needs:R1.1")
    @Tag("needs:R1.3")
    @Order(1)
    @Points(3)
    @DisplayName("a thread sleeping in whileReleased() lets another thread take the GIL")
    void aSleeperLetsOthersRun() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(AN_HOUR);
        CountDownLatch asleep = new CountDownLatch(1);
        CountDownLatch wake = new CountDownLatch(1);
        AtomicBoolean sleeping = new AtomicBoolean();
        AtomicBoolean heldAfter = new AtomicBoolean();
        Caller sleeper = Caller.start("sleeper", () -> {
            gil.acquire();
            try {
                gil.whileReleased(() -> {
                    sleeping.set(true);
                    asleep.countDown();
                    try {
                        wake.await(TEST_ENDS_IT.toMillis(), TimeUnit.MILLISECONDS);
                    } finally {
                        sleeping.set(false);
                    }
                });
                heldAfter.set(gil.isHeldByCurrentThread());
            } finally {
                if (gil.isHeldByCurrentThread()) {
                    gil.release();
                }
            }
        });
        GilTesting.eventually(() -> asleep.getCount() == 0 || sleeper.finished());
        sleeper.rethrow();
        AtomicBoolean ranWhileAsleep = new AtomicBoolean();
        AtomicBoolean otherRan = new AtomicBoolean();
        Caller other = Caller.start("other", () -> {
            gil.acquire();
            ranWhileAsleep.set(sleeping.get());
            otherRan.set(true);
            gil.release();
        });
        String late;
        try {
            late = GilTesting.await(() -> otherRan.get() || other.finished());
        } finally {
            wake.countDown();
        }
        GilTesting.finished(sleeper, PATIENCE);
        GilTesting.finished(other, PATIENCE);
        GilTesting.rethrowFirst(List.of(sleeper, other));

        Verdict.check(asleep.getCount() == 0, "the blocking call to be made",
                "whileReleased() never called it", "call the BlockingCall it is given", null);
        Verdict.check(ranWhileAsleep.get(),
                "another thread to take the GIL while the sleeper sleeps",
                late != null ? "it was " + late + " for the GIL, while the sleeper slept"
                        : "it took the GIL only after the sleeper had woken up",
                "sleeping while holding the GIL: whileReleased() must release the GIL before"
                        + " the blocking call, as CPython's time.sleep does"
                        + " (Py_BEGIN_ALLOW_THREADS)", null);
        Verdict.check(heldAfter.get(),
                "the sleeper to hold the GIL again when whileReleased() returns",
                "it did not hold it", "take the GIL back after the call (acquire())", null);
    }

    @Test
    @Tag("rule:R3.1")
    @Tag("needs:R1.1")
    @Tag("needs:R1.3")
    @Order(2)
    @Points(2)
    @DisplayName("after the call, the thread waits for its turn while another thread holds the"
            + " GIL")
    void takesItBackOnlyWhenFree() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(AN_HOUR);
        CountDownLatch otherHasIt = new CountDownLatch(1);
        CountDownLatch otherMayGo = new CountDownLatch(1);
        AtomicBoolean returned = new AtomicBoolean();
        AtomicBoolean returnedWhileOtherHeld = new AtomicBoolean();
        AtomicBoolean otherHolds = new AtomicBoolean();
        AtomicBoolean otherGotItInTheCall = new AtomicBoolean();
        AtomicReference<Caller> otherCaller = new AtomicReference<>();
        AtomicBoolean callEnded = new AtomicBoolean();
        Caller sleeper = Caller.start("sleeper", () -> {
            gil.acquire();
            gil.whileReleased(() -> {
                otherCaller.set(Caller.start("other", () -> {
                    gil.acquire();
                    otherHolds.set(true);
                    otherHasIt.countDown();
                    otherMayGo.await(TEST_ENDS_IT.toMillis(), TimeUnit.MILLISECONDS);
                    otherHolds.set(false);
                    gil.release();
                }));
                otherGotItInTheCall.set(
                        otherHasIt.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS));
                callEnded.set(true);
            });
            returnedWhileOtherHeld.set(otherHolds.get());
            returned.set(true);
            gil.release();
        });
        boolean early;
        try {
            GilTesting.eventually(() -> otherHasIt.getCount() == 0 || sleeper.finished());
            // Blocked after the call, not still in it: a sleeper that has not yet woken from
            // the call would find the GIL free, and a lost wake-up would pass by luck.
            Caller.eventually(Duration.ofSeconds(1),
                    () -> callEnded.get() && sleeper.blockedInSubmission() || sleeper.finished());
            early = returned.get();
        } finally {
            otherMayGo.countDown();
        }
        String late = GilTesting.await(sleeper::finished);
        boolean otherGotIt = otherGotItInTheCall.get();
        Caller other = otherCaller.get();
        if (other != null) {
            GilTesting.finished(other, PATIENCE);
        }
        GilTesting.rethrowFirst(other == null ? List.of(sleeper) : List.of(sleeper, other));

        Verdict.check(otherGotIt,
                "\"other\" to take the GIL during the sleeper's blocking call",
                "it could not take it: the sleeper kept the GIL during the call",
                "sleeping while holding the GIL: whileReleased() must release the GIL before"
                        + " the call", null);
        Verdict.check(!early && !returnedWhileOtherHeld.get(),
                "whileReleased() to wait for the GIL after the call, while \"other\" holds it",
                "it returned while \"other\" held the GIL: two threads held it at once",
                "take the GIL back with acquire(), which waits its turn; do not just mark it as"
                        + " yours", null);
        Verdict.check(returned.get(), "whileReleased() to return once \"other\" released the GIL",
                "it was " + late, "take the GIL back with acquire() after the call", null);
    }

    @Test
    @Tag("rule:R3.2")
    @Tag("needs:R1.1")
    @Tag("needs:R1.3")
    @Order(3)
    @Points(2)
    @DisplayName("when the blocking call throws, an Exception or an Error, the GIL is taken back"
            + " before it goes on")
    void takesItBackWhenTheCallThrows() throws Exception {
        takesItBackWhenTheCallThrows(new IOException("the connection was reset"),
                "take the GIL back in a finally block, so that it happens also when the call"
                        + " throws (CPython's Py_END_ALLOW_THREADS always runs)");
        takesItBackWhenTheCallThrows(new GilTesting.ErrorOnPurpose("the call failed on purpose,"
                        + " with an Error"),
                "the call threw an Error, which is no Exception: catch (Exception e) lets it"
                        + " through; take the GIL back in a finally block, so that it happens"
                        + " whatever the call throws (CPython's Py_END_ALLOW_THREADS always"
                        + " runs)");
    }

    private static void takesItBackWhenTheCallThrows(Throwable failure, String notHeld)
            throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(AN_HOUR);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean heldInCatch = new AtomicBoolean();
        Caller caller = Caller.start("reader", () -> {
            gil.acquire();
            try {
                gil.whileReleased(() -> GilTesting.raise(failure));
            } catch (Exception | Error e) {
                if (e != failure) {
                    throw e;
                }
                thrown.set(e);
                heldInCatch.set(gil.isHeldByCurrentThread());
            }
            if (gil.isHeldByCurrentThread()) {
                gil.release();
            }
        });
        GilTesting.finished(caller, PATIENCE);
        caller.rethrow();

        String what = failure.getClass().getSimpleName();
        Verdict.check(thrown.get() != null,
                "the " + what + " of the blocking call to come out of whileReleased()",
                "it did not", "let the call's exception go on; do not catch it", null);
        Verdict.check(heldInCatch.get(),
                "the GIL to be held again where the " + what + " is caught",
                "it was not held: the caller would run Python code without the GIL",
                notHeld, null);
    }

    @Test
    @Tag("rule:R3.3")
    @Order(4)
    @Points(1)
    @DisplayName("whileReleased() by a thread that does not hold the GIL throws"
            + " IllegalMonitorStateException, without making the call")
    void whileReleasedChecksTheHolder() throws Exception {
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
        AtomicBoolean called = new AtomicBoolean();
        Caller intruder = Caller.start("intruder",
                () -> gil.whileReleased(() -> called.set(true)));
        boolean intruderDone;
        try {
            intruderDone = GilTesting.finished(intruder, PATIENCE);
        } finally {
            done.countDown();
        }
        GilTesting.finished(holder, PATIENCE);
        Throwable thrown = intruder.failure();
        if (thrown instanceof UnsupportedOperationException) {
            intruder.rethrow();
        }
        holder.rethrow();

        Verdict.check(intruderDone && thrown instanceof IllegalMonitorStateException
                        && !called.get(),
                "whileReleased() by \"intruder\", which does not hold the GIL, to throw"
                        + " IllegalMonitorStateException without making the call",
                (!intruderDone ? "it was still running after " + PATIENCE.toSeconds() + " s"
                        : thrown == null ? "it returned normally" : "it threw " + thrown)
                        + (called.get() ? ", and the call was made" : ""),
                "release the GIL first, with release()'s owner check: a thread that does not"
                        + " hold the GIL has nothing to release", null);
        Verdict.check(stillHeld.get(), "\"holder\" to keep the GIL meanwhile",
                "it no longer held it",
                "whileReleased() changed the GIL's state before it checked the owner", null);
    }
}

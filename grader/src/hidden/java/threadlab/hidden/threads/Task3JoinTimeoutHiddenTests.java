package threadlab.hidden.threads;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import threadlab.grader.api.Points;
import threadlab.hidden.support.Caller;
import threadlab.hidden.support.Stillness;
import threadlab.hidden.support.Verdict;
import threadlab.threads.PyThread;

/**
 * The edges of {@code join(Duration)}: zero, negative, tiny and huge timeouts. No verdict here
 * waits for a timeout to pass on the real clock. The joined thread waits at a gate that only the
 * test opens, so it is alive for as long as the test wants: a join that returns while the gate
 * is shut did not wait for the thread, and a join still waiting with every thread parked and
 * none woken ({@link Stillness}) is waiting, whatever the machine's load.
 */
@ExtendWith(Stillness.PerTest.class)
@Tag("task:3")
@DisplayName("Task 3, join(timeout) with zero, negative, tiny and huge timeouts")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Task3JoinTimeoutHiddenTests {

    /** Holds the joined thread's target; every test opens it at the end. */
    private final CountDownLatch gate = new CountDownLatch(1);

    /** Opened by the held thread's target as it begins. */
    private final CountDownLatch began = new CountDownLatch(1);

    @AfterEach
    void openTheGate() {
        gate.countDown();
    }

    @Test
    @Tag("rule:R3.4")
    @Tag("needs:R2.8")
    @Order(1)
    @Points(1)
    @DisplayName("join(Duration.ZERO) returns at once, while the thread still runs")
    void zeroReturnsAtOnce() throws Exception {
        returnsWhileAlive(Map.of("Duration.ZERO", Duration.ZERO),
                "a zero timeout reached Thread.join(0) or Object.wait(0), which in Java mean no"
                        + " timeout at all; return at once when the timeout is zero or"
                        + " negative, as Python's join(0) does");
    }

    @Test
    @Tag("rule:R3.4")
    @Tag("needs:R2.8")
    @Order(2)
    @Points(1)
    @DisplayName("join(timeout) with a negative timeout returns at once, without throwing")
    void negativeReturnsAtOnce() throws Exception {
        Map<String, Duration> timeouts = new LinkedHashMap<>();
        timeouts.put("Duration.ofNanos(-1)", Duration.ofNanos(-1));
        timeouts.put("Duration.ofSeconds(-5)", Duration.ofSeconds(-5));
        returnsWhileAlive(timeouts, "a negative timeout reached Thread.join(millis) or"
                + " Object.wait(millis), which throw IllegalArgumentException for it, or wait"
                + " for ever once it is rounded to 0 ms (Duration.ofNanos(-1).toMillis() is 0);"
                + " check for a zero or negative timeout first, and return at once");
    }

    @Test
    @Tag("rule:R3.3")
    @Tag("needs:R2.8")
    @Order(3)
    @Points(1)
    @DisplayName("join(timeout) with a timeout under a millisecond gives up; it does not wait"
            + " forever")
    void underAMillisecondGivesUp() throws Exception {
        Map<String, Duration> timeouts = new LinkedHashMap<>();
        timeouts.put("Duration.ofNanos(1)", Duration.ofNanos(1));
        timeouts.put("Duration.ofNanos(999_999)", Duration.ofNanos(999_999));
        returnsWhileAlive(timeouts, "the timeout was rounded down to whole milliseconds (0 ms),"
                + " and Thread.join(0) waits forever; pass the nanoseconds on, for example with"
                + " Thread.join(millis, nanos), which rounds up");
    }

    /**
     * Every huge timeout is given to a joiner of its own, all at once, so the test waits for
     * stillness once.
     */
    @Test
    @Tag("rule:R3.5")
    @Tag("needs:R2.8")
    @Order(4)
    @Points(2)
    @DisplayName("join(timeout) with a huge timeout waits as join() does, and returns when the"
            + " thread ends")
    void hugeWaitsLikeJoin() throws Exception {
        Map<String, Duration> timeouts = new LinkedHashMap<>();
        timeouts.put("Duration.ofDays(365 * 1000)", Duration.ofDays(365L * 1000));
        timeouts.put("Duration.ofNanos(Long.MAX_VALUE)", Duration.ofNanos(Long.MAX_VALUE));
        timeouts.put("Duration.ofMillis(Long.MAX_VALUE)", Duration.ofMillis(Long.MAX_VALUE));
        timeouts.put("ChronoUnit.FOREVER.getDuration()", ChronoUnit.FOREVER.getDuration());
        PyThread t = heldThread();
        Map<String, Caller> joiners = joiners(t, timeouts);
        Stillness.await(Caller.PATIENCE,
                () -> joiners.values().stream().anyMatch(Caller::finished));
        List<String> early = finished(joiners);
        gate.countDown();
        boolean allReturned = Caller.eventually(Caller.PATIENCE,
                () -> joiners.values().stream().allMatch(Caller::finished));
        rethrowNotDone(joiners);

        Verdict.check(early.isEmpty(),
                "join(timeout) to wait while the thread runs, with timeouts of hundreds of years"
                        + " and more (too long to count in nanoseconds: no limit at all)",
                "while the thread still ran: " + String.join("; ", early),
                causeOfEarlyReturn(joiners), null);
        Verdict.check(allReturned,
                "join(timeout) with a huge timeout to return once the thread has ended",
                "still waiting " + Caller.PATIENCE.toSeconds() + " s after the thread ended: "
                        + stillWaiting(joiners),
                "it waits on something other than the thread, or sleeps out the timeout", null);
    }

    /**
     * A started thread whose target waits at the gate, so it stays alive until the test says.
     * start() is called on a thread of its own: a start() that runs the target itself would
     * otherwise hold the test at the gate until the test's time limit.
     */
    private PyThread heldThread() throws Exception {
        PyThread t = new PyThread(args -> {
            began.countDown();
            gate.await(1, TimeUnit.MINUTES);
        });
        Caller starter = Caller.start("starter", t::start);
        if (!starter.awaitFinished(Caller.PATIENCE)) {
            gate.countDown();
            Verdict.check(false, "start() to return while the target still runs",
                    "start() had not returned " + Caller.PATIENCE.toSeconds() + " s later, while"
                            + " the target waited", "start() called run() or the target directly;"
                            + " it must hand the target to a new java.lang.Thread and return",
                    null);
        }
        starter.rethrow();
        return t;
    }

    /** Starts a joiner per timeout, each calling {@code t.join(timeout)}. */
    private static Map<String, Caller> joiners(PyThread t, Map<String, Duration> timeouts) {
        Map<String, Caller> joiners = new LinkedHashMap<>();
        timeouts.forEach((name, timeout) -> joiners.put(name,
                Caller.start("joiner " + name, () -> t.join(timeout))));
        return joiners;
    }

    /**
     * Checks that join(timeout) returns, without an exception, while the thread still waits at
     * the gate: it cannot have waited for the thread, and no clock decides.
     */
    private void returnsWhileAlive(Map<String, Duration> timeouts, String cause)
            throws Exception {
        PyThread t = heldThread();
        Map<String, Caller> joiners = joiners(t, timeouts);
        Stillness.Wait wait = Stillness.await(Caller.PATIENCE,
                () -> joiners.values().stream().allMatch(Caller::finished));
        // Seen before the gate opens: once the thread ends, a join that waits for ever returns.
        List<String> waiting = stillWaiting(joiners);
        // Once the target runs: whether isAlive() is true at once after start() is another
        // test's, which starts many threads so that its answer does not depend on luck.
        began.await(Caller.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        boolean aliveAfter = t.isAlive();
        gate.countDown();
        rethrowNotDone(joiners);
        Verdict.check(waiting.isEmpty(),
                "join(" + String.join("), join(", timeouts.keySet()) + ") to return at once,"
                        + " while the thread still runs",
                "join(" + String.join("), join(", waiting) + ") did not return: "
                        + wait.why(Caller.PATIENCE), cause, null);
        for (Map.Entry<String, Caller> joiner : joiners.entrySet()) {
            Throwable thrown = joiner.getValue().failure();
            Verdict.check(thrown == null,
                    "join(" + joiner.getKey() + ") to return normally",
                    "it threw " + thrown, cause, null);
        }
        Verdict.check(aliveAfter, "isAlive() to be true while the target still runs",
                "it was false", "isAlive() does not ask the underlying thread", null);
    }

    /** Rethrows an unfinished task's exception, so the student reads "Task 3: ...". */
    private static void rethrowNotDone(Map<String, Caller> joiners) throws Exception {
        for (Caller joiner : joiners.values()) {
            if (joiner.failure() instanceof UnsupportedOperationException) {
                joiner.rethrow();
            }
        }
    }

    private static List<String> finished(Map<String, Caller> joiners) {
        List<String> names = new ArrayList<>();
        joiners.forEach((name, joiner) -> {
            if (joiner.finished()) {
                Throwable thrown = joiner.failure();
                names.add("join(" + name + ")" + (thrown == null ? " returned"
                        : " threw " + thrown));
            }
        });
        return names;
    }

    private static List<String> stillWaiting(Map<String, Caller> joiners) {
        List<String> names = new ArrayList<>();
        joiners.forEach((name, joiner) -> {
            if (!joiner.finished()) {
                names.add(name);
            }
        });
        return names;
    }

    private static String causeOfEarlyReturn(Map<String, Caller> joiners) {
        boolean threw = joiners.values().stream()
                .anyMatch(j -> j.failure() instanceof ArithmeticException);
        if (threw) {
            return "Duration.toNanos() or toMillis() overflows for such a timeout and throws"
                    + " ArithmeticException; catch it, and wait with join() and no limit";
        }
        return "the timeout overflowed: a deadline like System.nanoTime() + nanos wraps round"
                + " to a negative number and has passed at once (compare deadline -"
                + " System.nanoTime() with 0 instead), or a timeout too long to count was taken"
                + " as no wait at all; it means no limit";
    }
}

package threadlab.hidden.gil;

import static threadlab.hidden.gil.GilTesting.PATIENCE;

import java.time.Duration;
import java.util.List;
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
 * The switch interval, checked by what a waiter does while the test holds the GIL still: the
 * test thread takes the GIL, runs no step, and watches one waiter. Nothing but the waiter's own
 * timed waits can then set the drop request or wake it up.
 *
 * <p>The count of waits comes from the JVM ({@link Waits}); a waiter that spins has none. Its
 * one clock bound holds for a correct GIL on any machine, however busy: each timed wait lasts
 * at least an interval, so a waiter waits at most once per interval of the time watched, plus
 * a few for waits that end early for nothing. A bound that a wrong GIL passes only when the
 * machine is slow (a request seen sooner than an interval after the waiter began) would give a
 * wrong GIL different grades on different runs, so no verdict rests on one: a request before
 * the interval is the business of {@code noRequestBeforeTheInterval}, where the interval is an
 * hour and the test waits for stillness.
 */
@ExtendWith(Stillness.PerTest.class)
@Tag("task:2")
@DisplayName("Task 2, the switch interval, counted in a waiter's waits")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Task2IntervalHiddenTests {

    /** The shortest time the test watches a waiter, in intervals. */
    private static final int WATCHED_INTERVALS = 4;
    /** The shortest time the test watches a waiter, whatever the interval. */
    private static final Duration WATCHED_AT_LEAST = Duration.ofMillis(20);
    /** Waits a correct waiter may add to one per interval: waits that end early for nothing. */
    private static final int SPARE_WAITS = 3;

    /**
     * What the test saw of one waiter while it held the GIL still.
     *
     * @param interval the switch interval
     * @param asked whether the drop request was set
     * @param waitedAgain whether the waiter waited at least twice
     * @param waits how many times it waited in all
     * @param watchedNanos for how long the test watched it
     * @param untimed whether the waiter was in a wait with no time limit when the test stopped
     */
    private record Watch(Duration interval, boolean asked, boolean waitedAgain, long waits,
            long watchedNanos, boolean untimed) {

        /** The most waits a correct waiter can make in the time watched. */
        long mostWaits() {
            return watchedNanos / interval.toNanos() + 1 + SPARE_WAITS;
        }
    }

    @Test
    @Tag("rule:R2.1")
    @Tag("needs:R2.1")
    @Order(1)
    @Points(1)
    @DisplayName("with a switch interval of 200 us, a waiter asks for a drop and sleeps between"
            + " its tries, at most once an interval: the interval is not rounded to 0")
    void subMillisecondInterval() throws Exception {
        check(watch(Duration.ofNanos(200_000)), "200 us");
    }

    /** Holds the GIL on the test thread, runs no step, and watches a waiter. */
    private static Watch watch(Duration interval) throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(interval);
        gil.acquire();
        long start = System.nanoTime();
        Caller waiter = Caller.start("waiter", () -> {
            gil.acquire();
            gil.release();
        });
        Watch watch;
        try {
            boolean asked = GilTesting.eventually(() -> gil.dropRequested() || waiter.finished())
                    && gil.dropRequested();
            boolean waitedAgain = GilTesting.eventually(
                    () -> Waits.of(waiter.thread()) >= 2 || waiter.finished())
                    && !waiter.finished();
            long watched = Math.max(interval.toNanos() * WATCHED_INTERVALS,
                    WATCHED_AT_LEAST.toNanos());
            // Only makes the watch longer: a longer watch never fails a correct waiter.
            Caller.eventually(PATIENCE, () -> System.nanoTime() - start >= watched);
            long waits = Waits.of(waiter.thread());
            boolean untimed = waiter.thread().getState() == Thread.State.WAITING;
            watch = new Watch(interval, asked, waitedAgain, waits,
                    System.nanoTime() - start, untimed);
        } finally {
            gil.release();
        }
        GilTesting.finished(waiter, PATIENCE);
        GilTesting.rethrowFirst(List.of(waiter));
        return watch;
    }

    private static void check(Watch watch, String interval) {
        Verdict.check(watch.asked(),
                "the waiter to set the drop request once it has waited a whole switch interval ("
                        + interval + ") while the holder kept the GIL",
                "dropRequested() stayed false (the test waited up to " + PATIENCE.toSeconds()
                        + " s)",
                watch.untimed() ? "the waiter waits with no time limit: a wait of 0 ms, such"
                        + " as Object.wait(0) or wait(interval.toMillis()) for an interval"
                        + " under a millisecond, waits forever; wait in nanoseconds"
                        + " (Condition.awaitNanos, or wait(millis, nanos))"
                        : "acquire() must wait one switch interval at a time, and set the drop"
                        + " request when a whole interval passed without a switch; dropRequested()"
                        + " must then return true", null);
        Verdict.check(watch.waitedAgain(),
                "the waiter to sleep between its tries: a timed wait of one interval, then,"
                        + " with the request set, another wait",
                "while the test held the GIL for " + micros(watch.watchedNanos()) + ", the"
                        + " waiter waited " + watch.waits() + " time(s)",
                "acquire() spins: a timeout of 0, such as await(interval.toMillis(),"
                        + " MILLISECONDS) for an interval under a millisecond, returns at once;"
                        + " wait in nanoseconds (Condition.awaitNanos(switchInterval.toNanos()))",
                null);
        Verdict.check(watch.waits() <= watch.mostWaits(),
                "at most one wake-up per switch interval (" + interval + "): at most "
                        + watch.mostWaits() + " waits in " + micros(watch.watchedNanos()),
                "the waiter waited " + watch.waits() + " times",
                "each wait of acquire() is shorter than the switch interval: wait the interval"
                        + " given to the constructor, in its own unit", null);
    }

    private static String micros(long nanos) {
        return nanos >= 10_000_000 ? nanos / 1_000_000 + " ms" : nanos / 1_000 + " us";
    }
}

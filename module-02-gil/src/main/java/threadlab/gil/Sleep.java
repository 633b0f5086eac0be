package threadlab.gil;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How an interpreter thread sleeps.
 *
 * <p>The demos and the benchmark sleep for real with {@link #real()}. Tests plug in a sleep they
 * control, so that "while the thread sleeps" is something a test decides, not a race against the
 * clock.
 *
 * <p>This file is provided: you do not need to change it.
 */
@FunctionalInterface
public interface Sleep {

    /**
     * Sleeps for the given duration, or as the test that supplied this sleep decides.
     *
     * @param duration how long to sleep
     * @throws InterruptedException if the sleeping thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * A sleep on the real clock, like Python's {@code time.sleep}.
     *
     * @return a sleep that calls {@link TimeUnit#sleep(long)}
     */
    static Sleep real() {
        return duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    }
}

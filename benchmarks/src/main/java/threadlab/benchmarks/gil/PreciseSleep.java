package threadlab.benchmarks.gil;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A sleep as exact as Python's {@code time.sleep}. On JDK 17, {@code Thread.sleep} and
 * {@code TimeUnit.sleep} round a sleep shorter than a millisecond up to a whole one, so a 0.1 ms
 * call would last ten times longer in Java than in CPython.
 */
final class PreciseSleep {

    private PreciseSleep() {
    }

    /**
     * Sleeps until the duration has passed.
     *
     * @param duration how long
     * @throws InterruptedException if the thread is interrupted meanwhile
     */
    static void sleep(Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        for (long left = duration.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while sleeping " + duration);
            }
        }
    }
}

package threadlab.grader.run;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The bounds a submission runs within.
 *
 * @param perTest how long one hidden test may run
 * @param perSubmission how long all of a submission's tests may run together
 * @param maxHeapMegabytes the test JVM's heap
 * @param maxThreads how many threads the test JVM may have at once
 */
public record Limits(Duration perTest, Duration perSubmission, int maxHeapMegabytes,
        int maxThreads) {

    /**
     * The defaults. A limit is there to stop a submission that hangs, and is the one place where
     * the speed of the machine could change a grade: so it is far above what a test takes on a
     * loaded machine (the slowest, a wrong GIL waiting out its patience several times, takes
     * about 10 s).
     */
    public static final Limits DEFAULT = new Limits(Duration.ofSeconds(60), Duration.ofMinutes(5),
            256, 500);

    /** Limits, all positive. */
    public Limits {
        Objects.requireNonNull(perTest, "perTest");
        Objects.requireNonNull(perSubmission, "perSubmission");
        if (perTest.isNegative() || perTest.isZero() || perSubmission.isNegative()
                || perSubmission.isZero() || maxHeapMegabytes < 16 || maxThreads < 50) {
            throw new IllegalArgumentException("limits must be positive, the heap at least 16 MB"
                    + " and the threads at least 50");
        }
    }

    /**
     * Limits with the default thread cap.
     *
     * @param perTest how long one hidden test may run
     * @param perSubmission how long all of a submission's tests may run together
     * @param maxHeapMegabytes the test JVM's heap
     */
    public Limits(Duration perTest, Duration perSubmission, int maxHeapMegabytes) {
        this(perTest, perSubmission, maxHeapMegabytes, DEFAULT.maxThreads());
    }

    /**
     * A duration as reports show it.
     *
     * @param d the duration
     * @return for example {@code 20 s} or {@code 2.5 s}
     */
    public static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s"
                : String.format(Locale.ROOT, "%.1f s", millis / 1e3);
    }
}

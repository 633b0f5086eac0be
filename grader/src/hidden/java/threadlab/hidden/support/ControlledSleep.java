package threadlab.hidden.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import threadlab.threads.Sleep;

/**
 * A {@link Sleep} the test controls. Each sleep is recorded in the timeline, with its thread and
 * duration. A gated sleep lasts until the test opens the gate, so "while the sleeper sleeps" is
 * a fact the test decides, not a race against the clock.
 */
public final class ControlledSleep implements Sleep {

    /** A gated sleep gives up after this long, so that no test can hang on it. */
    static final Duration GATE_LIMIT = Duration.ofSeconds(15);

    /**
     * One call to {@link #sleep(Duration)}.
     *
     * @param thread the thread that slept
     * @param duration how long it asked to sleep
     */
    public record Call(Thread thread, Duration duration) {
    }

    private final Timeline timeline;
    private final CountDownLatch gate;
    private final long divisor;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    private ControlledSleep(Timeline timeline, CountDownLatch gate, long divisor) {
        this.timeline = timeline;
        this.gate = gate;
        this.divisor = divisor;
    }

    /**
     * A sleep that lasts until {@link #open()}.
     *
     * @param timeline where to record
     * @return the sleep
     */
    public static ControlledSleep gated(Timeline timeline) {
        return new ControlledSleep(timeline, new CountDownLatch(1), 0);
    }

    /**
     * A sleep that returns at once.
     *
     * @param timeline where to record
     * @return the sleep
     */
    public static ControlledSleep instant(Timeline timeline) {
        return new ControlledSleep(timeline, new CountDownLatch(0), 0);
    }

    /**
     * A sleep on the real clock, shortened: a second lasts {@code 1/divisor} seconds.
     *
     * @param timeline where to record
     * @param divisor how much shorter than real time
     * @return the sleep
     */
    public static ControlledSleep scaled(Timeline timeline, long divisor) {
        return new ControlledSleep(timeline, new CountDownLatch(0), divisor);
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        calls.add(new Call(Thread.currentThread(), duration));
        timeline.record(Timeline.SLEEP, "falls asleep for " + describe(duration));
        if (divisor > 0) {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos() / divisor);
        }
        if (!gate.await(GATE_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            timeline.record(Timeline.SLEEP, "was never woken up by the test");
        }
        timeline.record(Timeline.SLEEP, "wakes up");
    }

    /** Lets every gated sleeper wake up. */
    public void open() {
        gate.countDown();
    }

    /**
     * The calls so far.
     *
     * @return each call's thread and duration, in order
     */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /**
     * How a duration reads in feedback.
     *
     * @param duration the duration
     * @return for example {@code 5 seconds} or {@code 5 ms}
     */
    public static String describe(Duration duration) {
        if (duration.toNanos() % 1_000_000_000L == 0) {
            long s = duration.toSeconds();
            return s + (s == 1 ? " second" : " seconds");
        }
        return duration.toMillis() + " ms";
    }
}

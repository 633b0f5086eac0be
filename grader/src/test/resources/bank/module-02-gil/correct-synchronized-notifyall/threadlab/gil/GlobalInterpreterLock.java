package threadlab.gil;

import java.time.Duration;
import java.util.Objects;

/**
 * A global interpreter lock built on the GIL object's own monitor: synchronized methods,
 * wait(timeout) and notifyAll(). Threads that wait for the GIL and a dropper that waits for a
 * switch share one wait set, so every change wakes them all, and each checks its own condition.
 */
public final class GlobalInterpreterLock {

    /** CPython's default switch interval: {@code sys.getswitchinterval()} returns 0.005. */
    public static final Duration DEFAULT_SWITCH_INTERVAL = Duration.ofMillis(5);

    private final Duration switchInterval;

    private Thread holder;
    private Thread lastHolder;
    private long switchNumber;
    private volatile boolean dropRequest;

    /** A GIL with CPython's default switch interval, 5 ms. */
    public GlobalInterpreterLock() {
        this(DEFAULT_SWITCH_INTERVAL);
    }

    /**
     * A GIL with the given switch interval, like {@code sys.setswitchinterval(seconds)}.
     *
     * @param switchInterval how long a thread waits for the GIL before it asks the holder to drop
     *     it; tests use short intervals, so that they run in milliseconds
     * @throws IllegalArgumentException if the interval is zero or negative
     */
    public GlobalInterpreterLock(Duration switchInterval) {
        Objects.requireNonNull(switchInterval, "switchInterval");
        if (switchInterval.isNegative() || switchInterval.isZero()) {
            throw new IllegalArgumentException("the switch interval must be positive, as"
                    + " sys.setswitchinterval() requires, but it was " + switchInterval);
        }
        this.switchInterval = switchInterval;
    }

    /**
     * The switch interval, like {@code sys.getswitchinterval()}.
     *
     * @return how long a waiting thread waits before it asks the holder to drop the GIL
     */
    public Duration switchInterval() {
        return switchInterval;
    }

    /**
     * Takes the GIL, waiting while another thread holds it.
     *
     * @throws InterruptedException if the thread is interrupted while it waits
     */
    public synchronized void acquire() throws InterruptedException {
        long intervalNanos = switchInterval.toNanos();
        while (holder != null) {
            long switchesBefore = switchNumber;
            long deadline = System.nanoTime() + intervalNanos;
            long left = intervalNanos;
            while (holder != null && switchNumber == switchesBefore && left > 0) {
                wait(left / 1_000_000, (int) (left % 1_000_000));
                left = deadline - System.nanoTime();
            }
            if (holder != null && switchNumber == switchesBefore) {
                dropRequest = true;
            }
        }
        holder = Thread.currentThread();
        lastHolder = holder;
        switchNumber++;
        dropRequest = false;
        notifyAll();
    }

    /**
     * Releases the GIL and wakes the threads that wait for it.
     *
     * @throws IllegalMonitorStateException if the calling thread does not hold the GIL
     */
    public synchronized void release() {
        if (holder != Thread.currentThread()) {
            throw new IllegalMonitorStateException("release() by a thread that does not hold"
                    + " the GIL");
        }
        holder = null;
        notifyAll();
    }

    /**
     * Whether the calling thread holds the GIL.
     *
     * @return {@code true} if it does
     */
    public synchronized boolean isHeldByCurrentThread() {
        return holder == Thread.currentThread();
    }

    /**
     * Whether a waiting thread has asked the holder to drop the GIL.
     *
     * @return {@code true} from the moment a waiter set the request until a thread takes the GIL
     */
    public boolean dropRequested() {
        return dropRequest;
    }

    /**
     * Called by the holder between two steps: drops the GIL if a waiter asked for it, waits until
     * another thread has taken it, and takes it back.
     *
     * @return whether the GIL was dropped and taken back
     * @throws InterruptedException if the thread is interrupted while it waits
     */
    public boolean dropIfRequested() throws InterruptedException {
        if (!dropRequest) {
            return false;
        }
        synchronized (this) {
            release();
            Thread me = Thread.currentThread();
            while (lastHolder == me) {
                wait();
            }
            acquire();
        }
        return true;
    }

    /**
     * Runs a blocking call without the GIL, and takes the GIL back afterwards.
     *
     * @param call the blocking call, such as a sleep
     * @throws Exception whatever the call throws, once the GIL is held again
     */
    public void whileReleased(BlockingCall call) throws Exception {
        release();
        try {
            call.call();
        } finally {
            acquire();
        }
    }
}

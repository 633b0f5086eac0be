package threadlab.gil;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A global interpreter lock built on a ReentrantLock with one Condition, "the GIL changed", which
 * every acquire and release signals to all its waiters.
 */
public final class GlobalInterpreterLock {

    /** CPython's default switch interval: {@code sys.getswitchinterval()} returns 0.005. */
    public static final Duration DEFAULT_SWITCH_INTERVAL = Duration.ofMillis(5);

    private final Duration switchInterval;

    private final Lock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private Thread holder;
    private int switches;
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
    public void acquire() throws InterruptedException {
        lock.lock();
        try {
            while (holder != null) {
                int seen = switches;
                boolean signalled = changed.await(switchInterval.toNanos(),
                        TimeUnit.NANOSECONDS);
                if (!signalled && holder != null && switches == seen) {
                    dropRequest = true;
                }
            }
            holder = Thread.currentThread();
            switches++;
            dropRequest = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Releases the GIL and wakes the threads that wait for it.
     *
     * @throws IllegalMonitorStateException if the calling thread does not hold the GIL
     */
    public void release() {
        lock.lock();
        try {
            if (holder != Thread.currentThread()) {
                throw new IllegalMonitorStateException("only the thread that holds the GIL may"
                        + " release it");
            }
            holder = null;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether the calling thread holds the GIL.
     *
     * @return {@code true} if it does
     */
    public boolean isHeldByCurrentThread() {
        lock.lock();
        try {
            return holder == Thread.currentThread();
        } finally {
            lock.unlock();
        }
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
        lock.lock();
        try {
            release();
            int mine = switches;
            while (switches == mine) {
                changed.await();
            }
            acquire();
        } finally {
            lock.unlock();
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

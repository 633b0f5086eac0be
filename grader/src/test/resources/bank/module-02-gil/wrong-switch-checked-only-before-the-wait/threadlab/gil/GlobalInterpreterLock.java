package threadlab.gil;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A global interpreter lock (GIL), built the way CPython builds its own: one lock that a thread
 * must hold to run a step of the interpreter, handed over on request after a switch interval.
 *
 * <p>Java has no GIL; this class exists so that you can see what one does.
 *
 * <pre>{@code
 * GlobalInterpreterLock gil = new GlobalInterpreterLock(Duration.ofMillis(5));
 * gil.acquire();
 * try {
 *     ...                      // steps, with gil.dropIfRequested() between them
 * } finally {
 *     gil.release();
 * }
 * }</pre>
 *
 * <p>How the lock changes hands, as in CPython since 3.2:
 *
 * <ol>
 *   <li>A thread that wants the GIL while another holds it waits, for one switch interval at a
 *       time. If a whole interval passed and nobody else took the GIL meanwhile, it sets the
 *       <em>drop request</em> and goes on waiting.
 *   <li>The holder checks for a drop request between steps ({@link #dropIfRequested()}). When it
 *       finds one, it releases the GIL and waits until another thread has taken it (forced
 *       switching), then queues for the GIL again.
 *   <li>A thread that blocks, in a sleep or a read, releases the GIL for as long as it blocks
 *       ({@link #whileReleased(BlockingCall)}).
 * </ol>
 */
public final class GlobalInterpreterLock {

    /** CPython's default switch interval: {@code sys.getswitchinterval()} returns 0.005. */
    public static final Duration DEFAULT_SWITCH_INTERVAL = Duration.ofMillis(5);

    private final Duration switchInterval;

    /** Guards the fields below; held only for a moment, never while a step runs. */
    private final ReentrantLock mutex = new ReentrantLock();
    /** Signalled when the GIL is released: CPython's {@code gil->cond}. */
    private final Condition released = mutex.newCondition();
    /** Signalled when a thread takes the GIL: CPython's {@code gil->switch_cond}. */
    private final Condition switched = mutex.newCondition();
    private Thread holder;
    private Thread lastHolder;
    private long switchNumber;
    /** Read by the holder between steps without the mutex, so volatile. */
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
     * Tasks 1 and 2. Takes the GIL, waiting while another thread holds it.
     *
     * <p>Task 1: wait without burning CPU until the GIL is free, then take it. Task 2: wait one
     * switch interval at a time; after an interval in which nobody took the GIL, set the drop
     * request. Taking the GIL clears the drop request.
     *
     * @throws InterruptedException if the thread is interrupted while it waits
     */
    public void acquire() throws InterruptedException {
        Thread me = Thread.currentThread();
        long intervalNanos = switchInterval.toNanos();
        mutex.lock();
        try {
            long switchesBefore = switchNumber;
            long left = intervalNanos;
            while (holder != null) {
                if (switchNumber != switchesBefore) {
                    switchesBefore = switchNumber;
                    left = intervalNanos;
                }
                left = released.awaitNanos(left);
                if (left <= 0 && holder != null) {
                    dropRequest = true;
                    left = intervalNanos;
                }
            }
            holder = me;
            if (lastHolder != me) {
                lastHolder = me;
                switchNumber++;
            }
            dropRequest = false;
            switched.signalAll();
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Task 1. Releases the GIL and wakes a thread that waits for it.
     *
     * @throws IllegalMonitorStateException if the calling thread does not hold the GIL
     */
    public void release() {
        mutex.lock();
        try {
            requireHolder("release()");
            holder = null;
            released.signal();
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Task 1. Whether the calling thread holds the GIL.
     *
     * @return {@code true} if it does
     */
    public boolean isHeldByCurrentThread() {
        mutex.lock();
        try {
            return holder == Thread.currentThread();
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Task 2. Whether a waiting thread has asked the holder to drop the GIL.
     *
     * @return {@code true} from the moment a waiter set the request until a thread takes the GIL
     */
    public boolean dropRequested() {
        return dropRequest;
    }

    /**
     * Task 2. Called by the holder between two steps. Without a drop request it returns at once.
     * With one, it releases the GIL, waits until another thread has taken it, and then takes it
     * back, waiting its turn like any other thread.
     *
     * @return whether the GIL was dropped and taken back
     * @throws InterruptedException if the thread is interrupted while it waits
     * @throws IllegalMonitorStateException if the calling thread does not hold the GIL
     */
    public boolean dropIfRequested() throws InterruptedException {
        if (!dropRequest) {
            return false;
        }
        Thread me = Thread.currentThread();
        mutex.lock();
        try {
            requireHolder("dropIfRequested()");
            holder = null;
            released.signal();
            // Forced switching: do not take the GIL straight back before the waiter had it.
            while (lastHolder == me) {
                switched.await();
            }
        } finally {
            mutex.unlock();
        }
        acquire();
        return true;
    }

    /**
     * Task 3. Runs a blocking call without the GIL, so that other threads run meanwhile, and takes
     * the GIL back afterwards, also when the call throws.
     *
     * @param call the blocking call, such as a sleep
     * @throws Exception whatever the call throws, once the GIL is held again
     * @throws IllegalMonitorStateException if the calling thread does not hold the GIL
     */
    public void whileReleased(BlockingCall call) throws Exception {
        release();
        try {
            call.call();
        } finally {
            acquire();
        }
    }

    private void requireHolder(String what) {
        Thread me = Thread.currentThread();
        if (holder != me) {
            throw new IllegalMonitorStateException(what + " by thread \"" + me.getName()
                    + "\", which does not hold the GIL; "
                    + (holder == null ? "no thread holds it" : "\"" + holder.getName()
                    + "\" holds it"));
        }
    }
}

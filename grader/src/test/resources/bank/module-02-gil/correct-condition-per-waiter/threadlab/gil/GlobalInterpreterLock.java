package threadlab.gil;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A global interpreter lock that wakes exactly the thread whose turn it is: each waiting thread
 * waits on a Condition of its own, in a queue, oldest first, and a release signals only the
 * oldest. A holder that dropped the GIL waits on a Condition of its own too, signalled when
 * another thread takes the GIL.
 */
public final class GlobalInterpreterLock {

    /** CPython's default switch interval: {@code sys.getswitchinterval()} returns 0.005. */
    public static final Duration DEFAULT_SWITCH_INTERVAL = Duration.ofMillis(5);

    private final Duration switchInterval;
    /** Guards the fields below; held only for a moment, never while a step runs. */
    private final ReentrantLock mutex = new ReentrantLock();
    /** The threads waiting for the GIL, oldest first, each with its own condition. */
    private final Deque<Condition> waiters = new ArrayDeque<>();
    /** Holders that dropped the GIL and wait until another thread has taken it. */
    private final List<Condition> droppers = new ArrayList<>();
    private Thread holder;
    private Thread lastHolder;
    private long switches;
    /** Read by the holder between steps without the mutex, so volatile. */
    private volatile boolean dropRequest;

    /** A GIL with CPython's default switch interval, 5 ms. */
    public GlobalInterpreterLock() {
        this(DEFAULT_SWITCH_INTERVAL);
    }

    /**
     * A GIL with the given switch interval.
     *
     * @param switchInterval how long a waiter waits before it asks the holder to drop the GIL
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

    public Duration switchInterval() {
        return switchInterval;
    }

    public void acquire() throws InterruptedException {
        long intervalNanos = switchInterval.toNanos();
        mutex.lock();
        try {
            if (holder == null && waiters.isEmpty()) {
                take();
                return;
            }
            Condition mine = mutex.newCondition();
            waiters.addLast(mine);
            try {
                while (holder != null || waiters.peekFirst() != mine) {
                    long switchesBefore = switches;
                    boolean timedOut = mine.awaitNanos(intervalNanos) <= 0;
                    if (timedOut && holder != null && switches == switchesBefore) {
                        dropRequest = true;
                    }
                }
            } catch (InterruptedException e) {
                waiters.remove(mine);
                // It may have been signalled: pass the turn on.
                wakeTheOldest();
                throw e;
            }
            waiters.removeFirst();
            take();
        } finally {
            mutex.unlock();
        }
    }

    private void take() {
        Thread me = Thread.currentThread();
        holder = me;
        if (lastHolder != me) {
            lastHolder = me;
            switches++;
            droppers.forEach(Condition::signal);
        }
        dropRequest = false;
    }

    private void wakeTheOldest() {
        Condition oldest = waiters.peekFirst();
        if (holder == null && oldest != null) {
            oldest.signal();
        }
    }

    public void release() {
        mutex.lock();
        try {
            requireHolder("release()");
            holder = null;
            wakeTheOldest();
        } finally {
            mutex.unlock();
        }
    }

    public boolean isHeldByCurrentThread() {
        mutex.lock();
        try {
            return holder == Thread.currentThread();
        } finally {
            mutex.unlock();
        }
    }

    public boolean dropRequested() {
        return dropRequest;
    }

    public boolean dropIfRequested() throws InterruptedException {
        if (!dropRequest) {
            return false;
        }
        Thread me = Thread.currentThread();
        mutex.lock();
        try {
            requireHolder("dropIfRequested()");
            holder = null;
            wakeTheOldest();
            Condition mine = mutex.newCondition();
            droppers.add(mine);
            try {
                // Forced switching: do not take the GIL straight back before another had it.
                while (lastHolder == me) {
                    mine.await();
                }
            } finally {
                droppers.remove(mine);
            }
        } finally {
            mutex.unlock();
        }
        acquire();
        return true;
    }

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

package threadlab.gil;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A global interpreter lock whose lock is a fair Semaphore with one permit: waiters get the GIL
 * in the order they asked, one switch interval at a time. Who holds it, who held it last and how
 * often it changed hands are kept behind the monitor of a private object, held only for a moment;
 * a holder that dropped the GIL waits there for a switch.
 */
public final class GlobalInterpreterLock {

    /** CPython's default switch interval: {@code sys.getswitchinterval()} returns 0.005. */
    public static final Duration DEFAULT_SWITCH_INTERVAL = Duration.ofMillis(5);

    private final Duration switchInterval;
    /** The GIL itself: one permit, handed to waiting threads first come, first served. */
    private final Semaphore permit = new Semaphore(1, true);
    /** Guards the fields below; a dropper waits on it until another thread took the GIL. */
    private final Object state = new Object();
    private Thread holder;
    private Thread lastHolder;
    private long switches;
    /** Read by the holder between steps without a lock, so volatile. */
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
        while (true) {
            long switchesBefore;
            synchronized (state) {
                switchesBefore = switches;
            }
            if (permit.tryAcquire(intervalNanos, TimeUnit.NANOSECONDS)) {
                break;
            }
            synchronized (state) {
                if (holder != null && switches == switchesBefore) {
                    dropRequest = true;
                }
            }
        }
        synchronized (state) {
            Thread me = Thread.currentThread();
            holder = me;
            if (lastHolder != me) {
                lastHolder = me;
                switches++;
                state.notifyAll();
            }
            dropRequest = false;
        }
    }

    public void release() {
        synchronized (state) {
            requireHolder("release()");
            holder = null;
        }
        permit.release();
    }

    public boolean isHeldByCurrentThread() {
        synchronized (state) {
            return holder == Thread.currentThread();
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
        release();
        synchronized (state) {
            // Forced switching: do not take the GIL straight back before another thread had it.
            while (lastHolder == me) {
                state.wait();
            }
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

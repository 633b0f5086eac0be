package threadlab.gil;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A global interpreter lock on the monitor of a private object, with wait and notifyAll, that
 * serves waiters in turn: each waiter draws a ticket, and only the oldest ticket still waiting may
 * take a free GIL. Every change wakes all waiters, and each checks its own turn.
 */
public final class GlobalInterpreterLock {

    /** CPython's default switch interval: {@code sys.getswitchinterval()} returns 0.005. */
    public static final Duration DEFAULT_SWITCH_INTERVAL = Duration.ofMillis(5);

    private final Duration switchInterval;
    /** Guards the fields below; all waiting happens in its wait set. */
    private final Object monitor = new Object();
    /** The tickets of the threads waiting for the GIL, oldest first. */
    private final Deque<Long> tickets = new ArrayDeque<>();
    private long nextTicket;
    private Thread holder;
    private Thread lastHolder;
    private long switches;
    /** Read by the holder between steps without the monitor, so volatile. */
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
        synchronized (monitor) {
            if (holder == null && tickets.isEmpty()) {
                take();
                return;
            }
            long ticket = nextTicket++;
            tickets.addLast(ticket);
            try {
                while (!myTurn(ticket)) {
                    waitOneInterval(ticket);
                }
            } catch (InterruptedException e) {
                tickets.remove(ticket);
                // The next ticket may be free to go now.
                monitor.notifyAll();
                throw e;
            }
            tickets.removeFirst();
            take();
        }
    }

    private boolean myTurn(long ticket) {
        return holder == null && tickets.peekFirst() == ticket;
    }

    /**
     * Waits until it is this ticket's turn or one switch interval passed without a switch; after
     * such an interval, with the GIL held, asks the holder to drop it.
     */
    private void waitOneInterval(long ticket) throws InterruptedException {
        long switchesBefore = switches;
        long deadline = System.nanoTime() + switchInterval.toNanos();
        long left = switchInterval.toNanos();
        while (!myTurn(ticket) && switches == switchesBefore && left > 0) {
            TimeUnit.NANOSECONDS.timedWait(monitor, left);
            left = deadline - System.nanoTime();
        }
        if (left <= 0 && holder != null && switches == switchesBefore) {
            dropRequest = true;
        }
    }

    private void take() {
        Thread me = Thread.currentThread();
        holder = me;
        if (lastHolder != me) {
            lastHolder = me;
            switches++;
        }
        dropRequest = false;
        // A dropper waits for the switch.
        monitor.notifyAll();
    }

    public void release() {
        synchronized (monitor) {
            requireHolder("release()");
            holder = null;
            monitor.notifyAll();
        }
    }

    public boolean isHeldByCurrentThread() {
        synchronized (monitor) {
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
        synchronized (monitor) {
            requireHolder("dropIfRequested()");
            holder = null;
            monitor.notifyAll();
            // Forced switching: do not take the GIL straight back before another thread had it.
            while (lastHolder == me) {
                monitor.wait();
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

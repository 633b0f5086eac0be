package threadlab.gil;

import java.time.Duration;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Correct: no lock and no condition. The GIL's state is one immutable record swapped by
 * compare-and-set; waiters queue up and park with LockSupport, and whoever changes the state
 * unparks the threads it concerns. A park may also return early, or for nothing, so every wait
 * is a loop that looks at the state again.
 */
public final class GlobalInterpreterLock {

    public static final Duration DEFAULT_SWITCH_INTERVAL = Duration.ofMillis(5);

    /** Who holds the GIL, who held it last, how often it changed hands, the drop request. */
    private record State(Thread holder, Thread lastHolder, long switches, boolean dropRequest) {
    }

    private final Duration switchInterval;
    private final AtomicReference<State> state =
            new AtomicReference<>(new State(null, null, 0, false));
    /** Threads waiting for the GIL, oldest first. */
    private final Queue<Thread> waiters = new ConcurrentLinkedQueue<>();
    /** Holders that dropped the GIL on request and wait for another thread to take it. */
    private final Queue<Thread> dropped = new ConcurrentLinkedQueue<>();

    public GlobalInterpreterLock() {
        this(DEFAULT_SWITCH_INTERVAL);
    }

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
        Thread me = Thread.currentThread();
        if (tryTake(me)) {
            return;
        }
        waiters.add(me);
        try {
            while (!tryTake(me)) {
                waitOneInterval();
            }
        } finally {
            waiters.remove(me);
        }
    }

    /**
     * Parks until the GIL is free or one switch interval has passed; after a whole interval in
     * which the GIL stayed held by the same thread, asks the holder to drop it.
     */
    private void waitOneInterval() throws InterruptedException {
        long switchesBefore = state.get().switches();
        long deadline = System.nanoTime() + switchInterval.toNanos();
        long left = switchInterval.toNanos();
        while (state.get().holder() != null && left > 0) {
            LockSupport.parkNanos(this, left);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            left = deadline - System.nanoTime();
        }
        if (left <= 0) {
            requestDrop(switchesBefore);
        }
    }

    private void requestDrop(long switchesBefore) {
        while (true) {
            State seen = state.get();
            if (seen.holder() == null || seen.switches() != switchesBefore || seen.dropRequest()
                    || state.compareAndSet(seen, new State(seen.holder(), seen.lastHolder(),
                            seen.switches(), true))) {
                return;
            }
        }
    }

    private boolean tryTake(Thread me) {
        while (true) {
            State seen = state.get();
            if (seen.holder() != null) {
                return false;
            }
            long switches = seen.lastHolder() == me ? seen.switches() : seen.switches() + 1;
            if (state.compareAndSet(seen, new State(me, me, switches, false))) {
                dropped.forEach(LockSupport::unpark);
                return true;
            }
        }
    }

    public void release() {
        Thread me = Thread.currentThread();
        while (true) {
            State seen = state.get();
            requireHolder(seen, "release()");
            if (state.compareAndSet(seen, new State(null, seen.lastHolder(), seen.switches(),
                    seen.dropRequest()))) {
                break;
            }
        }
        Thread next = waiters.peek();
        if (next != null && next != me) {
            LockSupport.unpark(next);
        }
    }

    public boolean isHeldByCurrentThread() {
        return state.get().holder() == Thread.currentThread();
    }

    public boolean dropRequested() {
        return state.get().dropRequest();
    }

    public boolean dropIfRequested() throws InterruptedException {
        if (!state.get().dropRequest()) {
            return false;
        }
        Thread me = Thread.currentThread();
        requireHolder(state.get(), "dropIfRequested()");
        dropped.add(me);
        try {
            release();
            // Forced switching: do not take the GIL straight back before the waiter had it.
            while (state.get().lastHolder() == me) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            dropped.remove(me);
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

    private static void requireHolder(State seen, String what) {
        Thread me = Thread.currentThread();
        if (seen.holder() != me) {
            throw new IllegalMonitorStateException(what + " by thread \"" + me.getName()
                    + "\", which does not hold the GIL; "
                    + (seen.holder() == null ? "no thread holds it" : "\""
                    + seen.holder().getName() + "\" holds it"));
        }
    }
}

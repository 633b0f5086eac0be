package threadlab.grader.testjvm.modelcheck;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** A thread of a scenario, run one step at a time by its {@link Run}. */
final class ManagedThread extends Thread {

    /** Where a thread is in a run. */
    enum State {
        /** It may take its next step. */
        RUNNABLE,
        /** It waits for a lock or a permit: it looks again when the object is let go of. */
        BLOCKED,
        /** It waits for a signal, a notify or an unpark (or, if timed, for its time to pass). */
        WAITING,
        /** Its body has ended. */
        FINISHED
    }

    /**
     * The threads that serve runs, by index: starting a thread costs about a millisecond on a
     * small virtual machine, and a model check of a few hundred runs started two each. A thread
     * serves the next run once it is back from its last and its thread-local values are
     * cleared; one that never came back (blocked in a call the checker does not control) is
     * left, and a new one takes its place.
     */
    private static final List<ManagedThread> POOL = new ArrayList<>();

    volatile Run run;
    final int index;
    private final Object lock = new Object();
    /** What it runs next, or {@code null} while it waits for a run; guarded by {@link #lock}. */
    private Runnable body;
    /** Whether it is back from its last run; guarded by {@link #lock}. */
    private boolean idle;
    State state = State.RUNNABLE;
    /** What it is blocked on or waits on. */
    Object blockedOn;
    /** Whether its wait or its attempt to lock may time out: the checker then explores both. */
    boolean timed;
    /** When its time runs out, on the run's clock, if {@link #timed}. */
    long deadline;
    /** Set when the checker chose to let its wait time out. */
    boolean timedOut;
    /**
     * Whether its wait may end with no wake-up at all, as {@code Object.wait},
     * {@code Condition.await} and {@code LockSupport.park} may: the checker explores that too,
     * so that a wait that is not in a loop shows.
     */
    boolean mayWakeAlone;
    /** Set when the checker chose to end its wait with no wake-up. */
    boolean wokeAlone;
    /** Whether it had its one wake-up by nothing of the run. */
    boolean wokeAloneOnce;
    /** The monitor it must take again before it goes on, after {@code wait()}. */
    Object monitor;
    /** The monitor on which it really waits while others run, or {@code null}. */
    volatile Object realWait;
    /** The permit of {@code LockSupport.park}. */
    boolean permit;
    int depth;
    Throwable thrown;
    /** The exercise's methods it is in, innermost first, as the hooks saw them entered. */
    final ArrayDeque<String> calls = new ArrayDeque<>();
    /** Its steps in this run. */
    int steps;
    /** How many of its timed waits ran out in this run. */
    int timeoutsRanOut;
    /**
     * How many of its timed waits, parks and sleeps were given no time, and so returned at once:
     * counted apart from {@link #timeoutsRanOut}, which the tests judge, and used only to name
     * the cause of a loop.
     */
    int waitsOfNoTime;

    /** Its timed waits that ended by time, those given none included: to name a loop's cause. */
    int timedOutInAll() {
        return timeoutsRanOut + waitsOfNoTime;
    }

    private ManagedThread(int index) {
        super(name(index));
        this.index = index;
        setDaemon(true);
    }

    private static String name(int index) {
        return "Thread " + (index + 1);
    }

    /**
     * A thread for a run, as new: one back from an earlier run where its thread-local values
     * can be cleared, else a new one.
     *
     * @param run the run
     * @param index its index in the run
     * @param body what it runs
     * @return the thread, which waits for its turn in the run
     */
    static ManagedThread serve(Run run, int index, Runnable body) {
        ManagedThread thread;
        synchronized (POOL) {
            while (POOL.size() <= index) {
                POOL.add(null);
            }
            thread = POOL.get(index);
            if (thread == null || !ThreadLocals.canClear() || !thread.isIdle()) {
                thread = new ManagedThread(index);
                POOL.set(index, ThreadLocals.canClear() ? thread : null);
                thread.start();
            }
        }
        thread.assign(run, body);
        return thread;
    }

    private boolean isIdle() {
        synchronized (lock) {
            return idle && isAlive();
        }
    }

    private void assign(Run run, Runnable body) {
        this.run = run;
        state = State.RUNNABLE;
        blockedOn = null;
        timed = false;
        deadline = 0;
        timedOut = false;
        mayWakeAlone = false;
        wokeAlone = false;
        wokeAloneOnce = false;
        monitor = null;
        realWait = null;
        permit = false;
        depth = 0;
        thrown = null;
        calls.clear();
        steps = 0;
        timeoutsRanOut = 0;
        waitsOfNoTime = 0;
        setName(name(index));
        setPriority(NORM_PRIORITY);
        setUncaughtExceptionHandler(null);
        synchronized (lock) {
            idle = false;
            this.body = body;
            lock.notifyAll();
        }
    }

    /**
     * Waits until this thread is back from its run, or has ended.
     *
     * @param millis the most time to wait
     * @throws InterruptedException if the waiting thread is interrupted
     */
    void awaitBack(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (lock) {
            while (!idle && isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                // An ending thread does not notify: look again soon.
                lock.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 10)));
            }
        }
    }

    @Override
    public void run() {
        while (true) {
            Runnable next;
            synchronized (lock) {
                while (body == null) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        // An interrupt meant for an ended run: the next starts without it.
                    }
                }
                next = body;
                body = null;
            }
            Thread.interrupted();
            if (ThreadLocals.canClear()) {
                ThreadLocals.clearCurrent();
            }
            runBody(next);
            synchronized (lock) {
                idle = true;
                lock.notifyAll();
            }
            if (!ThreadLocals.canClear()) {
                return;
            }
        }
    }

    private void runBody(Runnable next) {
        Run mine = run;
        try {
            awaitTurn();
            next.run();
        } catch (Run.Aborted aborted) {
            return;
        } catch (Throwable t) {
            if (mine.aborted()) {
                return;
            }
            thrown = t;
            depth = 0;
            mine.log(this, "throws " + t.getClass().getSimpleName());
        }
        try {
            mine.finished(this);
        } catch (Run.Aborted aborted) {
            // The run was given up as this thread ended.
        }
    }

    /** Waits until the run gives this thread the turn. */
    void awaitTurn() {
        while (run.turn() != index) {
            LockSupport.park(run);
            if (run.aborted()) {
                throw new Run.Aborted();
            }
        }
    }
}

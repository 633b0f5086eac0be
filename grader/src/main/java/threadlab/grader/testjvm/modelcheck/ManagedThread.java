package threadlab.grader.testjvm.modelcheck;

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

    final Run run;
    final int index;
    private final Runnable body;
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

    ManagedThread(Run run, int index, Runnable body) {
        super("Thread " + (index + 1));
        this.run = run;
        this.index = index;
        this.body = body;
        setDaemon(true);
    }

    @Override
    public void run() {
        try {
            awaitTurn();
            body.run();
        } catch (Run.Aborted aborted) {
            return;
        } catch (Throwable t) {
            if (run.aborted()) {
                return;
            }
            thrown = t;
            depth = 0;
            run.log(this, "throws " + t.getClass().getSimpleName());
        }
        run.finished(this);
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

package threadlab.grader.testjvm.modelcheck;

import java.util.concurrent.locks.LockSupport;

/** A thread of a scenario, run one step at a time by its {@link Run}. */
final class ManagedThread extends Thread {

    /** Where a thread is in a run. */
    enum State {
        /** It may take its next step. */
        RUNNABLE,
        /** It waits for a lock that another thread holds. */
        BLOCKED,
        /** Its body has ended. */
        FINISHED
    }

    final Run run;
    final int index;
    private final Runnable body;
    State state = State.RUNNABLE;
    Object blockedOn;
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

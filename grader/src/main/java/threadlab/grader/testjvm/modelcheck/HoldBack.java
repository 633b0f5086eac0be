package threadlab.grader.testjvm.modelcheck;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Lets one thread run the exercise's code while every other thread waits at its next step in it:
 * what the calling thread sees right after it started a thread no longer depends on whether the
 * new thread happened to run first. A mark that a new thread sets itself, and that the starting
 * thread reads, shows late every time, not now and then.
 *
 * <p>A held thread goes on once the calling thread is done, or once the calling thread has waited
 * for {@link #PATIENCE_MILLIS} in a row, for whatever reason (most likely for a held thread: a
 * {@code start()} that waits until its new thread has begun). So a design that makes the caller
 * wait for the new thread is slowed, never stopped, and is judged by what it does.
 *
 * <p>The hold is at the hooks of the instrumented classes, on threads that no model check
 * manages; the JDK's own code is never held.
 */
public final class HoldBack {

    /** How long the calling thread must wait in a row before held threads go on. */
    static final long PATIENCE_MILLIS = 50;

    /** How often a held thread looks at the calling thread. */
    private static final long LOOK_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private static volatile Thread alone;

    private HoldBack() {
    }

    /**
     * Runs a body on the calling thread while other threads that reach the exercise's code wait
     * there; they go on when it returns.
     *
     * @param body what the calling thread does alone
     */
    public static void alone(Runnable body) {
        if (alone != null) {
            throw new IllegalStateException("HoldBack.alone() is already running on "
                    + alone.getName() + "; it does not nest");
        }
        alone = Thread.currentThread();
        try {
            body.run();
        } finally {
            alone = null;
        }
    }

    /** Called at every hook on a thread no model check manages: waits while it is held. */
    static void pass() {
        Thread caller = alone;
        if (caller == null || caller == Thread.currentThread()) {
            return;
        }
        long waitingSince = 0;
        while (alone == caller) {
            if (caller.getState() == Thread.State.RUNNABLE) {
                waitingSince = 0;
            } else if (waitingSince == 0) {
                waitingSince = System.nanoTime();
            } else if (System.nanoTime() - waitingSince
                    > TimeUnit.MILLISECONDS.toNanos(PATIENCE_MILLIS)) {
                return;
            }
            LockSupport.parkNanos(LOOK_NANOS);
        }
    }
}

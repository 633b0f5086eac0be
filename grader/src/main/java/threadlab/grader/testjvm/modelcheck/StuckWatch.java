package threadlab.grader.testjvm.modelcheck;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Notices when the thread whose turn it is stays blocked in a call the checker does not control,
 * such as {@code CyclicBarrier.await()}: the others are paused, so it would wait for ever. One
 * look is taken at each poll; the same thread blocked at the same step for
 * {@link Run#STUCK_NANOS} counts as stuck. Only the scenario's outcome depends on this, not on
 * the clock: a thread blocked this way stays blocked however long one waits.
 */
final class StuckWatch {

    /** How often the scenario's thread looks. */
    static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private int turn = Run.NONE;
    private int steps = -1;
    private long since = -1;

    /**
     * Looks at the thread whose turn it is.
     *
     * @param thread the thread
     * @param turn its index
     * @param steps the run's steps so far
     * @return what it is stuck in, or {@code null}
     */
    String look(ManagedThread thread, int turn, int steps) {
        Thread.State state = thread.getState();
        boolean blocked = (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                || state == Thread.State.BLOCKED) && LockSupport.getBlocker(thread) != thread.run
                && thread.realWait == null;
        long now = System.nanoTime();
        if (!blocked || turn != this.turn || steps != this.steps || since < 0) {
            this.turn = turn;
            this.steps = steps;
            since = blocked ? now : -1;
            return null;
        }
        return now - since < Run.STUCK_NANOS ? null : describe(thread);
    }

    private static String describe(ManagedThread thread) {
        StackTraceElement[] frames = thread.getStackTrace();
        String call = "a call of the JDK";
        String from = "";
        for (int i = 1; i < frames.length; i++) {
            String type = frames[i].getClassName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.")
                    && !type.startsWith("sun.")) {
                StackTraceElement jdk = frames[i - 1];
                call = jdk.getClassName() + "." + jdk.getMethodName() + "()";
                from = frames[i].getFileName() == null ? "" : ", called at "
                        + frames[i].getFileName() + ":" + frames[i].getLineNumber();
                break;
            }
        }
        return thread.getName() + " blocks in " + call + from + ", which the model checker"
                + " does not control";
    }
}

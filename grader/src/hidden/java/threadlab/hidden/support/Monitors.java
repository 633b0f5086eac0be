package threadlab.hidden.support;

/**
 * What an IllegalMonitorStateException that the test did not ask for says about a lock the
 * student built: if the JDK (or the model checker in its place) threw it, the student's lock used
 * its own lock or Condition without holding it; if the student's code threw it, the lock let a
 * thread go on that it then refused as a holder.
 */
public final class Monitors {

    private Monitors() {
    }

    /**
     * The likely cause of an IllegalMonitorStateException.
     *
     * @param thrown what was thrown
     * @return the misconception, in the course's words
     */
    public static String cause(IllegalMonitorStateException thrown) {
        StackTraceElement[] stack = thrown.getStackTrace();
        String top = stack.length > 0 ? stack[0].getClassName() : "";
        boolean byTheJdk = top.startsWith("java.") || top.startsWith("threadlab.grader.");
        return byTheJdk ? "your code unlocked a lock, or awaited or signalled its Condition,"
                + " without holding that lock: lock() it first, keep every use of it between"
                + " lock() and the unlock() in a finally, and unlock it once"
                : "your lock let a thread go on without holding it, then refused it as a holder:"
                + " a woken waiter must check again that the lock is free (wait in a while loop,"
                + " not an if), a thread that let go of it (release(), dropIfRequested(),"
                + " whileReleased()) must take it back with acquire() before it goes on, and the"
                + " holder check must compare the holder with Thread.currentThread()";
    }
}

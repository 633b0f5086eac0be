package threadlab.grader.api;

/**
 * What a hidden test saw the submission print, line by line, with the thread that printed it:
 * the grader carries these lines to the reports, which draw them as a timeline of threads. A
 * hidden test's event log hands each line here; outside a grader's test JVM nothing listens and
 * a line costs nothing.
 */
public final class Trace {

    /** Where the lines go in a test JVM. */
    @FunctionalInterface
    public interface Listener {
        /**
         * One line.
         *
         * @param nanoTime when, on {@link System#nanoTime()}'s clock
         * @param thread the name of the thread that printed it
         * @param channel where it went: the stream the test handed over, System.out, a sleep
         * @param text the line
         */
        void line(long nanoTime, String thread, String channel, String text);
    }

    private static volatile Listener listener;

    private Trace() {
    }

    /**
     * Sets where lines go; the grader's test JVM calls this once, before any test runs.
     *
     * @param target the listener
     */
    public static void listen(Listener target) {
        listener = target;
    }

    /**
     * Records a line of the current thread.
     *
     * @param channel where it went
     * @param text the line
     */
    public static void line(String channel, String text) {
        line(System.nanoTime(), Thread.currentThread().getName(), channel, text);
    }

    /**
     * Records a line.
     *
     * @param nanoTime when, on {@link System#nanoTime()}'s clock
     * @param thread the name of the thread that printed it
     * @param channel where it went
     * @param text the line
     */
    public static void line(long nanoTime, String thread, String channel, String text) {
        Listener target = listener;
        if (target != null) {
            target.line(nanoTime, thread, channel, text);
        }
    }
}

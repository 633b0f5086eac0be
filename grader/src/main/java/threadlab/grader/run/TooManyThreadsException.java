package threadlab.grader.run;

import threadlab.grader.failure.GradingFailure;

/** The submission started more threads than the limit, so the grader stopped its JVM. */
public final class TooManyThreadsException extends GradingFailure {

    private static final long serialVersionUID = 1L;

    /**
     * A test during which the submission had too many threads.
     *
     * @param count how many threads the JVM had
     * @param limit the limit
     */
    public TooManyThreadsException(int count, int limit) {
        super("Expected this test to run with a few threads, but the JVM running it had " + count
                + " threads at once (the limit is " + limit + "), so the grader stopped it. Look"
                + " for a loop that starts threads without end, or threads that never finish.");
    }
}

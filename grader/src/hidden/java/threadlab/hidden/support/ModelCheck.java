package threadlab.hidden.support;

import threadlab.grader.testjvm.modelcheck.ModelChecker;

/**
 * Model checking for hidden tests: a scenario of a few threads runs once for each interleaving of
 * their steps, fewest thread switches first, the same interleavings in the same order on every
 * run. When one breaks the scenario's checks, the student sees the checks' message and that
 * interleaving, a column per thread, read from top to bottom. A data race fails the check too,
 * with both accesses named. A design that blocks in a call the checker does not model passes
 * the check with a note: the other tests grade it.
 */
public final class ModelCheck {

    private static final String NOT_DONE = "Task ";

    private ModelCheck() {
    }

    /**
     * Runs a scenario in every interleaving with at most two thread switches, up to a number of
     * them, and fails with the first one that breaks it.
     *
     * @param interleavings how many interleavings to try at most
     * @param scenario starts threads with {@link #inParallel}, and checks the outcome; it throws
     *     to fail
     */
    public static void run(int interleavings, Runnable scenario) {
        ModelChecker.Outcome outcome = ModelChecker.check(interleavings, scenario);
        outcome.unmodelled().ifPresent(why -> System.out.println("Note: this test's model check"
                + " was skipped, as " + why + ". The other tests grade this design; this one"
                + " passes."));
        outcome.failure().ifPresent(failure -> {
            Throwable thrown = failure.thrown();
            if (thrown instanceof UnsupportedOperationException notDone
                    && String.valueOf(notDone.getMessage()).startsWith(NOT_DONE)) {
                throw notDone;
            }
            throw new AssertionError(feedback(thrown, failure.interleaving()), thrown);
        });
    }

    /**
     * Runs bodies at once, each on a thread of its own, and waits until both have ended; for use
     * inside a scenario. What a body throws is thrown here, on the scenario's thread.
     *
     * <p>Call the submission's method in the body itself ({@code () -> count.incref()}).
     *
     * @param first what thread 1 runs
     * @param second what thread 2 runs
     */
    public static void inParallel(Runnable first, Runnable second) {
        ModelChecker.inParallel(first, second);
    }

    /**
     * Runs three bodies at once, as {@link #inParallel(Runnable, Runnable)} runs two.
     *
     * @param first what thread 1 runs
     * @param second what thread 2 runs
     * @param third what thread 3 runs
     */
    public static void inParallel(Runnable first, Runnable second, Runnable third) {
        ModelChecker.inParallel(first, second, third);
    }

    /**
     * The time on a scenario's thread: the model checker's clock, which moves only when it lets
     * a wait's time run out, never with the machine's load.
     *
     * @return the time in nanoseconds
     */
    public static long now() {
        return ModelChecker.now();
    }

    /** The failed check, or what the code threw, and the interleaving that shows it. */
    static String feedback(Throwable thrown, String interleaving) {
        String message;
        if (thrown instanceof AssertionError) {
            message = String.valueOf(thrown.getMessage());
        } else {
            message = "Your code threw " + thrown.getClass().getName()
                    + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
        }
        if (interleaving.isEmpty()) {
            return message;
        }
        return message + "\nThe interleaving that shows it, found by model checking (a column"
                + " per thread, read from top to bottom; a rule across the table is where one"
                + " thread was paused for another):\n" + interleaving;
    }
}

package threadlab.testing;

import org.opentest4j.AssertionFailedError;

/**
 * A failed visible test's feedback, written for the student: what was expected, what happened,
 * and the misconception that usually causes it. The words are those of the graded tests, so a
 * student reads the same advice in both.
 *
 * <pre>{@code
 * Verdict.check(lines.equals(expected), "these lines: " + expected, "it printed " + lines,
 *         "the sleeper printed to System.out instead of the out stream given to its constructor");
 * Verdict.withLikelyCause("sleep once, for the whole n seconds",
 *         () -> assertThat(asked).containsExactly(Duration.ofSeconds(3)));
 * }</pre>
 */
public final class Verdict {

    /** How the likely cause is introduced, as in the graded tests' feedback. */
    public static final String LIKELY_CAUSE = "Likely cause: ";

    private Verdict() {
    }

    /** An assertion to run, such as an AssertJ chain. */
    @FunctionalInterface
    public interface Assertion {

        /**
         * Runs the assertion.
         *
         * @throws Exception what the code under test threw
         */
        void run() throws Exception;
    }

    /**
     * A failure to throw.
     *
     * @param expected what the test expected
     * @param happened what it saw instead
     * @param likelyCause the misconception that usually causes this
     * @return the error, with the feedback as its message
     */
    public static AssertionError fail(String expected, String happened, String likelyCause) {
        return new AssertionError("Expected: " + expected + "\nBut: " + happened + "\n"
                + LIKELY_CAUSE + likelyCause);
    }

    /**
     * Fails unless a condition holds.
     *
     * @param condition the condition
     * @param expected what the test expected
     * @param happened what it saw instead
     * @param likelyCause the misconception that usually causes this
     */
    public static void check(boolean condition, String expected, String happened,
            String likelyCause) {
        if (!condition) {
            throw fail(expected, happened, likelyCause);
        }
    }

    /**
     * Runs an assertion and, if it fails, adds the likely cause to its message. The expected and
     * actual values stay, so an IDE still shows the difference. What the code under test throws,
     * such as a task's "not done yet", goes on unchanged.
     *
     * @param likelyCause the misconception that usually makes this assertion fail
     * @param assertion the assertion
     * @throws Exception what the code under test threw
     */
    public static void withLikelyCause(String likelyCause, Assertion assertion)
            throws Exception {
        try {
            assertion.run();
        } catch (AssertionFailedError e) {
            String message = e.getMessage() + "\n" + LIKELY_CAUSE + likelyCause;
            AssertionFailedError explained = e.isExpectedDefined() && e.isActualDefined()
                    ? new AssertionFailedError(message, e.getExpected().getValue(),
                            e.getActual().getValue())
                    : new AssertionFailedError(message);
            explained.setStackTrace(e.getStackTrace());
            throw explained;
        } catch (AssertionError e) {
            AssertionError explained = new AssertionError(e.getMessage() + "\n" + LIKELY_CAUSE
                    + likelyCause);
            explained.setStackTrace(e.getStackTrace());
            throw explained;
        }
    }
}

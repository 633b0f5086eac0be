package threadlab.hidden.support;

import threadlab.grader.api.VerdictError;

/**
 * A failed hidden test's feedback, written for the student: what was expected, what happened,
 * the likely misconception, and the timeline of what the program printed. Each goes to the
 * grader as a field of its own ({@link threadlab.grader.protocol.Verdict}), so the reports never
 * read them back out of a text.
 */
public final class Verdict {

    private Verdict() {
    }

    /**
     * A failure to throw from a hidden test.
     *
     * @param expected what the test expected
     * @param happened what it saw instead
     * @param likelyCause the misconception that usually causes this
     * @param timeline what was printed, or {@code null}
     * @return the error, carrying the verdict's fields
     */
    public static AssertionError fail(String expected, String happened, String likelyCause,
            Timeline timeline) {
        return new VerdictError(threadlab.grader.protocol.Verdict.check(expected, happened,
                likelyCause, timeline == null ? null
                        : "What happened, in order (time, thread, line):\n" + timeline.render()));
    }

    /**
     * Fails unless a condition holds.
     *
     * @param condition the condition
     * @param expected what the test expected
     * @param happened what it saw instead
     * @param likelyCause the misconception that usually causes this
     * @param timeline what was printed, or {@code null}
     */
    public static void check(boolean condition, String expected, String happened,
            String likelyCause, Timeline timeline) {
        if (!condition) {
            throw fail(expected, happened, likelyCause, timeline);
        }
    }
}

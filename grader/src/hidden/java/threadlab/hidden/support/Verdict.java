package threadlab.hidden.support;

/**
 * A failed hidden test's feedback, written for the student: what was expected, what happened,
 * the likely misconception, and the timeline of what the program printed.
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
     * @return the error, with the feedback as its message
     */
    public static AssertionError fail(String expected, String happened, String likelyCause,
            Timeline timeline) {
        StringBuilder text = new StringBuilder()
                .append("Expected: ").append(expected).append('\n')
                .append("But: ").append(happened);
        if (likelyCause != null && !likelyCause.isBlank()) {
            text.append('\n').append("Likely cause: ").append(likelyCause);
        }
        if (timeline != null) {
            text.append('\n').append("What happened, in order (time, thread, line):\n")
                    .append(timeline.render());
        }
        return new AssertionError(text.toString());
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

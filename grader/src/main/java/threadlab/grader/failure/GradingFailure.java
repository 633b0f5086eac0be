package threadlab.grader.failure;

/**
 * Why a hidden test, or every test of a module, earned no points although the grader ran
 * properly. Each kind of failure has a type of its own; the message is written for the student:
 * what was expected, the limit, and why it failed.
 */
public abstract class GradingFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * A failure with feedback for the student.
     *
     * @param feedback what was expected, the limit, and why it failed
     */
    protected GradingFailure(String feedback) {
        super(feedback);
    }
}

package threadlab.grader.failure;

/**
 * Grading could not start or finish: bad input, or a machine without what the grader needs. The
 * message says what was expected, what was found and what to do; the command line prints it
 * without a stack trace.
 */
public class GraderException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * A failure with a message for the person running the grader.
     *
     * @param message what was expected, what was found and what to do
     */
    public GraderException(String message) {
        super(message);
    }

    /**
     * A failure with a message and its cause.
     *
     * @param message what was expected, what was found and what to do
     * @param cause the evidence
     */
    public GraderException(String message, Throwable cause) {
        super(message, cause);
    }
}

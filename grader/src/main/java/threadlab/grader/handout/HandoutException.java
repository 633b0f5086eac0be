package threadlab.grader.handout;

import threadlab.grader.failure.GraderException;

/** The handout could not be written: the course is not where it should be, or it would leak. */
public final class HandoutException extends GraderException {

    private static final long serialVersionUID = 1L;

    /**
     * A handout that could not be written.
     *
     * @param message what was expected, what was found and what to do
     */
    public HandoutException(String message) {
        super(message);
    }
}

package threadlab.grader.rubric;

import threadlab.grader.failure.GraderException;

/**
 * A rubric file that cannot be used: malformed, or naming a module or test the grader does not
 * have, or a value it cannot take. The message names the file, the line and the key, and says
 * what to write instead; the command line exits with the usage error code.
 */
public final class RubricException extends GraderException {

    private static final long serialVersionUID = 1L;

    /**
     * A rubric problem.
     *
     * @param message where the problem is, what was found and what to write instead
     */
    public RubricException(String message) {
        super(message);
    }
}

package threadlab.grader.run;

import threadlab.grader.failure.GraderException;

/** {@code --sandbox required} was given, and the sandbox cannot start on this machine. */
public final class SandboxUnavailableException extends GraderException {

    private static final long serialVersionUID = 1L;

    /**
     * The sandbox cannot start.
     *
     * @param message why, and what to install
     */
    public SandboxUnavailableException(String message) {
        super(message);
    }
}

package threadlab.benchmarks.gil;

/** A timeline cannot be measured, read or drawn; the message says why and what to do. */
public final class TimelineException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * A timeline that went wrong.
     *
     * @param message what is wrong and what to do instead
     */
    public TimelineException(String message) {
        super(message);
    }
}

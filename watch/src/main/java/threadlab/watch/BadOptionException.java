package threadlab.watch;

/** A command line the watch cannot follow; the message says what to write instead. */
public final class BadOptionException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * A wrong command line.
     *
     * @param message what is wrong and what to write instead
     */
    public BadOptionException(String message) {
        super(message);
    }
}

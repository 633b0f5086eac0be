package threadlab.benchmarks.gil;

/** The command line asks for something the benchmark cannot do; the message says what to do. */
public final class BadOptionException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * A bad option.
     *
     * @param message what is wrong and what to do instead
     */
    public BadOptionException(String message) {
        super(message);
    }
}

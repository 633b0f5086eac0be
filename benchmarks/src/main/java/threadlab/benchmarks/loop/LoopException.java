package threadlab.benchmarks.loop;

/** The watch command did not give the verdict the benchmark waited for; the message says why. */
final class LoopException extends Exception {

    private static final long serialVersionUID = 1L;

    LoopException(String message) {
        super(message);
    }
}

package threadlab.grader.api;

import threadlab.grader.protocol.Verdict;

/**
 * A failed check of a hidden test, with its verdict in fields. The test JVM sends the fields to
 * the grader as they are; the message is the verdict as one text, for a person who runs the
 * hidden tests by hand.
 */
public final class VerdictError extends AssertionError {

    private static final long serialVersionUID = 1L;

    /** The verdict; not serialized, as nothing sends this error as bytes. */
    private final transient Verdict verdict;

    /**
     * A failure with a verdict.
     *
     * @param verdict the verdict
     */
    public VerdictError(Verdict verdict) {
        this(verdict, null);
    }

    /**
     * A failure with a verdict, caused by what the code under test threw.
     *
     * @param verdict the verdict
     * @param cause what was thrown, or {@code null}
     */
    public VerdictError(Verdict verdict, Throwable cause) {
        super(verdict.render(), cause);
        this.verdict = verdict;
    }

    /**
     * The verdict.
     *
     * @return the verdict
     */
    public Verdict verdict() {
        return verdict;
    }
}

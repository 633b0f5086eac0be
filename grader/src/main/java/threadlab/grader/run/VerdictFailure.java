package threadlab.grader.run;

import threadlab.grader.failure.GradingFailure;
import threadlab.grader.protocol.Verdict;

/**
 * A failure that the grader, not the test JVM, gives a test: a limit it passed, a JVM that
 * ended, a run that stopped. It carries its verdict in fields; its message is the same verdict
 * as one text.
 */
public abstract class VerdictFailure extends GradingFailure {

    private static final long serialVersionUID = 1L;

    /** The verdict; not serialized, as nothing sends this failure as bytes. */
    private final transient Verdict verdict;

    /**
     * A failure with a verdict.
     *
     * @param verdict the verdict
     */
    protected VerdictFailure(Verdict verdict) {
        super(verdict.render());
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

    /**
     * The verdict of any failure: its own, or, for a failure that stopped a whole module (it
     * did not compile, it was refused), a test that did not run, with the failure's message.
     *
     * @param failure the failure
     * @return its verdict
     */
    public static Verdict verdictOf(Exception failure) {
        return failure instanceof VerdictFailure own ? own.verdict()
                : Verdict.of(Verdict.Kind.NOT_RUN, String.valueOf(failure.getMessage()));
    }
}

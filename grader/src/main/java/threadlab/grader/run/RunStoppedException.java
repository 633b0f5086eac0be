package threadlab.grader.run;

import threadlab.grader.protocol.Verdict;

/**
 * The grader stopped a submission's tests before this one could run: it was interrupted, or it
 * found its own files changed on disk while the submission ran, and will grade it again.
 */
public final class RunStoppedException extends VerdictFailure {

    private static final long serialVersionUID = 1L;

    /** A test that was not run because the grader stopped the run. */
    public RunStoppedException() {
        super(Verdict.of(Verdict.Kind.NOT_RUN, "Not run: the grader stopped this submission's"
                + " tests before this one ran. If the grader's own files changed on disk"
                + " meanwhile, the submission is graded again; otherwise the grader was"
                + " interrupted, and the grade is not complete."));
    }
}

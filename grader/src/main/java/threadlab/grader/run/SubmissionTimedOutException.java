package threadlab.grader.run;

import java.time.Duration;
import java.util.List;
import threadlab.grader.protocol.Verdict;

/** The submission used up its time before this test could finish or start. */
public final class SubmissionTimedOutException extends VerdictFailure {

    private static final long serialVersionUID = 1L;

    /**
     * A test cut off by the limit for the whole submission.
     *
     * @param limit the per-submission limit
     */
    public SubmissionTimedOutException(Duration limit) {
        super(new Verdict(Verdict.Kind.TIMED_OUT, "all tests of a submission to finish within "
                + Limits.seconds(limit), "earlier tests used that time up, so this one did not"
                + " run to the end. Fix the tests that timed out first.", "", List.of(),
                new Verdict.Limit(Limits.seconds(limit), "the time of all tests of a"
                        + " submission"), ""));
    }
}

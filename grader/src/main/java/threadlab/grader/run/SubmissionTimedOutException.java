package threadlab.grader.run;

import java.time.Duration;
import threadlab.grader.failure.GradingFailure;

/** The submission used up its time before this test could finish or start. */
public final class SubmissionTimedOutException extends GradingFailure {

    private static final long serialVersionUID = 1L;

    /**
     * A test cut off by the limit for the whole submission.
     *
     * @param limit the per-submission limit
     */
    public SubmissionTimedOutException(Duration limit) {
        super("Not run to the end: all tests of a submission must finish within "
                + Limits.seconds(limit) + ", and earlier tests used that time up. Fix the tests"
                + " that timed out first.");
    }
}

package threadlab.grader.run;

import java.time.Duration;
import java.util.List;
import threadlab.grader.protocol.Verdict;

/** A hidden test ran past its time limit, so the grader stopped the test JVM. */
public final class TestTimedOutException extends VerdictFailure {

    private static final long serialVersionUID = 1L;

    /**
     * A test that was still running at its limit.
     *
     * @param limit the per-test limit
     */
    public TestTimedOutException(Duration limit) {
        this(limit, "");
    }

    /**
     * A test that was still running at its limit, with where its threads were.
     *
     * @param limit the per-test limit
     * @param diagnosis where the submission's threads were, and any deadlock; may be empty
     */
    public TestTimedOutException(Duration limit, String diagnosis) {
        super(new Verdict(Verdict.Kind.TIMED_OUT, "this test to finish within "
                + Limits.seconds(limit) + " (the limit for one test)", "it was still running,"
                + " so the grader stopped it.", "a loop that never ends, a wait that is never"
                + " woken up, or a join() that waits for a thread that never finishes",
                List.of(), new Verdict.Limit(Limits.seconds(limit), "the time of one test"),
                diagnosis));
    }
}

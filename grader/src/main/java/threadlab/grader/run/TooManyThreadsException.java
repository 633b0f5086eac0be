package threadlab.grader.run;

import java.util.List;
import threadlab.grader.protocol.Verdict;

/** The submission started more threads than the limit, so the grader stopped its JVM. */
public final class TooManyThreadsException extends VerdictFailure {

    private static final long serialVersionUID = 1L;

    /**
     * A test during which the submission had too many threads.
     *
     * @param count how many threads the JVM had
     * @param limit the limit
     */
    public TooManyThreadsException(int count, int limit) {
        super(new Verdict(Verdict.Kind.LIMIT, "this test to run with a few threads", "the JVM"
                + " running it had " + count + " threads at once (the limit is " + limit + "), so"
                + " the grader stopped it.", "a loop that starts threads without end, or threads"
                + " that never finish", List.of(), new Verdict.Limit(String.valueOf(limit),
                        "the threads of a test JVM at once"), ""));
    }
}

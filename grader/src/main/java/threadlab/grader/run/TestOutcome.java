package threadlab.grader.run;

import java.util.List;
import threadlab.grader.protocol.Verdict;

/**
 * How one hidden test went.
 *
 * @param uniqueId the test's JUnit id
 * @param passed whether it passed
 * @param verdict for a failed test, why, in fields; {@link Verdict#PASSED} if it passed
 * @param millis how long it ran
 * @param output what the submission printed during the test, and during its test class's set-up
 * @param dropped how many more lines it printed than the report keeps
 */
public record TestOutcome(String uniqueId, boolean passed, Verdict verdict, long millis,
        List<OutputLine> output, int dropped) {

    /** An outcome; a passed test has no verdict but {@link Verdict#PASSED}. */
    public TestOutcome {
        output = List.copyOf(output);
        if (passed || verdict == null || verdict.passed()) {
            verdict = passed ? Verdict.PASSED : Verdict.UNEXPLAINED;
        }
    }

    /**
     * An outcome with no printed output.
     *
     * @param uniqueId the test's JUnit id
     * @param passed whether it passed
     * @param verdict why it failed
     * @param millis how long it ran
     */
    public TestOutcome(String uniqueId, boolean passed, Verdict verdict, long millis) {
        this(uniqueId, passed, verdict, millis, List.of(), 0);
    }

    /**
     * A failed outcome for a test that did not report one itself.
     *
     * @param uniqueId the test
     * @param failure why it failed: a limit it passed, or why it could not run
     * @param millis how long it ran
     * @return the outcome
     */
    public static TestOutcome failed(String uniqueId, Exception failure, long millis) {
        return new TestOutcome(uniqueId, false, VerdictFailure.verdictOf(failure), millis);
    }

    /**
     * This outcome with what was printed.
     *
     * @param lines the lines
     * @param droppedLines how many more there were
     * @return the outcome
     */
    public TestOutcome withOutput(List<OutputLine> lines, int droppedLines) {
        return new TestOutcome(uniqueId, passed, verdict, millis, lines, droppedLines);
    }
}

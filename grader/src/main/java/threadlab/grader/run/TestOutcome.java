package threadlab.grader.run;

import java.util.List;

/**
 * How one hidden test went.
 *
 * @param uniqueId the test's JUnit id
 * @param passed whether it passed
 * @param feedback for a failed test, what was expected and what happened; empty if it passed
 * @param millis how long it ran
 * @param output what the submission printed during the test, and during its test class's set-up
 * @param dropped how many more lines it printed than the report keeps
 */
public record TestOutcome(String uniqueId, boolean passed, String feedback, long millis,
        List<OutputLine> output, int dropped) {

    /** An outcome. */
    public TestOutcome {
        output = List.copyOf(output);
    }

    /**
     * An outcome with no printed output.
     *
     * @param uniqueId the test's JUnit id
     * @param passed whether it passed
     * @param feedback the feedback
     * @param millis how long it ran
     */
    public TestOutcome(String uniqueId, boolean passed, String feedback, long millis) {
        this(uniqueId, passed, feedback, millis, List.of(), 0);
    }

    /**
     * A failed outcome for a test that did not report one itself.
     *
     * @param uniqueId the test
     * @param failure why it failed
     * @param millis how long it ran
     * @return the outcome
     */
    public static TestOutcome failed(String uniqueId, Exception failure, long millis) {
        return new TestOutcome(uniqueId, false, failure.getMessage(), millis);
    }

    /**
     * This outcome with what was printed.
     *
     * @param lines the lines
     * @param droppedLines how many more there were
     * @return the outcome
     */
    public TestOutcome withOutput(List<OutputLine> lines, int droppedLines) {
        return new TestOutcome(uniqueId, passed, feedback, millis, lines, droppedLines);
    }
}

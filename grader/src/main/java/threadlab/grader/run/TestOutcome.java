package threadlab.grader.run;

/**
 * How one hidden test went.
 *
 * @param uniqueId the test's JUnit id
 * @param passed whether it passed
 * @param feedback for a failed test, what was expected and what happened; empty if it passed
 * @param millis how long it ran
 */
public record TestOutcome(String uniqueId, boolean passed, String feedback, long millis) {

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
}

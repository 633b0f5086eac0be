package threadlab.grader.report;

import threadlab.grader.discover.HiddenTest;

/**
 * A graded hidden test.
 *
 * @param test the test
 * @param passed whether it passed
 * @param feedback for a failed test, what was expected, what happened and the likely cause
 * @param millis how long it ran
 */
public record TestResult(HiddenTest test, boolean passed, String feedback, long millis) {

    /**
     * The points earned.
     *
     * @return all of the test's points if it passed, else none
     */
    public int score() {
        return passed ? test.points() : 0;
    }
}

package threadlab.grader.report;

import java.util.List;
import threadlab.grader.discover.HiddenTest;
import threadlab.grader.run.OutputLine;
import threadlab.grader.text.StudentText;

/**
 * A graded hidden test.
 *
 * @param test the test
 * @param passed whether it passed
 * @param feedback for a failed test, what was expected, what happened and the likely cause
 * @param millis how long it ran
 * @param output what the submission printed while it ran, with the thread of each line
 * @param dropped how many more lines were printed than the report keeps
 */
public record TestResult(HiddenTest test, boolean passed, String feedback, long millis,
        List<OutputLine> output, int dropped) {

    /**
     * A graded test. Feedback, printed lines and thread names may carry what the submission
     * chose, so each is made safe here, once, for every report.
     */
    public TestResult {
        feedback = StudentText.lines(feedback, StudentText.FEEDBACK);
        output = output.stream().map(line -> new OutputLine(line.micros(),
                StudentText.line(line.thread(), StudentText.NAME), line.channel(),
                StudentText.line(line.text(), StudentText.LINE), line.shared())).toList();
    }

    /**
     * A graded test with nothing printed.
     *
     * @param test the test
     * @param passed whether it passed
     * @param feedback the feedback
     * @param millis how long it ran
     */
    public TestResult(HiddenTest test, boolean passed, String feedback, long millis) {
        this(test, passed, feedback, millis, List.of(), 0);
    }

    /**
     * The rules a failed test checks, as a report names them: {@code Rule R3.4: <sentence>}.
     *
     * @return one line per rule; none for a passed test, or a test that names no rule
     */
    public List<String> failedRules() {
        if (passed) {
            return List.of();
        }
        return test.rules().stream().map(rule -> "Rule " + rule.id() + ": " + rule.sentence())
                .toList();
    }

    /**
     * The points earned.
     *
     * @return all of the test's points if it passed, else none
     */
    public int score() {
        return passed ? test.points() : 0;
    }
}

package threadlab.grader.report;

import java.util.List;
import threadlab.grader.text.StudentText;
import threadlab.grader.course.ExerciseModule;

/**
 * A graded module.
 *
 * @param module the module
 * @param tests its hidden tests, graded, in the order they ran
 * @param notRun why none of its tests ran, found before any of the submission's code ran (it
 *     is missing, did not compile, or the submission could not be read); empty when they ran
 */
public record ModuleResult(ExerciseModule module, List<TestResult> tests, String notRun) {

    /** A module's results. */
    public ModuleResult {
        tests = List.copyOf(tests);
        notRun = StudentText.lines(notRun, StudentText.FEEDBACK);
    }

    /**
     * A module whose tests ran.
     *
     * @param module the module
     * @param tests its hidden tests, graded
     */
    public ModuleResult(ExerciseModule module, List<TestResult> tests) {
        this(module, tests, "");
    }

    /**
     * The points earned.
     *
     * @return the sum over the tests
     */
    public int score() {
        return tests.stream().mapToInt(TestResult::score).sum();
    }

    /**
     * The points available.
     *
     * @return the sum of the tests' points
     */
    public int maxScore() {
        return tests.stream().mapToInt(t -> t.test().points()).sum();
    }
}

package threadlab.grader.report;

import java.util.List;
import threadlab.grader.course.ExerciseModule;

/**
 * A graded module.
 *
 * @param module the module
 * @param tests its hidden tests, graded, in the order they ran
 */
public record ModuleResult(ExerciseModule module, List<TestResult> tests) {

    /** A module's results. */
    public ModuleResult {
        tests = List.copyOf(tests);
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

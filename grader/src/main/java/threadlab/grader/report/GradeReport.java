package threadlab.grader.report;

import java.util.List;
import java.util.Optional;
import threadlab.grader.run.Limits;
import threadlab.grader.submission.Submission;

/**
 * A graded submission, with what is needed to reproduce the grade.
 *
 * @param submission the submission
 * @param modules its graded modules, in course order
 * @param graderVersion the grader's version
 * @param javaVersion the JDK that compiled and ran the submission
 * @param limits the limits it ran within
 * @param millis how long grading took
 */
public record GradeReport(Submission submission, List<ModuleResult> modules, String graderVersion,
        String javaVersion, Limits limits, long millis) {

    /** A report. */
    public GradeReport {
        modules = List.copyOf(modules);
    }

    /**
     * The points earned.
     *
     * @return the sum over the modules
     */
    public int score() {
        return modules.stream().mapToInt(ModuleResult::score).sum();
    }

    /**
     * The points available.
     *
     * @return the sum over the modules
     */
    public int maxScore() {
        return modules.stream().mapToInt(ModuleResult::maxScore).sum();
    }

    /**
     * Every graded test, module by module.
     *
     * @return the tests
     */
    public List<TestResult> tests() {
        return modules.stream().flatMap(m -> m.tests().stream()).toList();
    }

    /**
     * The first test that failed, which is where to work next.
     *
     * @return the first failure in course order, if any
     */
    public Optional<TestResult> firstFailure() {
        return tests().stream().filter(t -> !t.passed()).findFirst();
    }
}

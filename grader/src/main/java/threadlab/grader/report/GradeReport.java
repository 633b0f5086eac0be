package threadlab.grader.report;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import threadlab.grader.course.Course;
import threadlab.grader.run.Limits;
import threadlab.grader.submission.Submission;
import threadlab.grader.text.StudentText;

/**
 * A graded submission, with what is needed to reproduce the grade.
 *
 * @param submission the submission
 * @param modules its graded modules, in course order
 * @param graderVersion the grader's version
 * @param javaVersion the JDK that compiled and ran the submission
 * @param limits the limits it ran within
 * @param millis how long grading took
 * @param notes what the report mentions besides the tests; no note changes a score
 * @param compileMillis how long compiling took
 * @param testMillis how long the test JVMs ran
 * @param jvms how many test JVMs it took
 * @param testCpuMillis the processor time its test JVMs used, all their threads together, or -1
 *     when unknown (a test JVM died or was stopped before it could tell)
 * @param sandbox whether its test JVMs ran in the operating-system sandbox, and how, or why not
 */
public record GradeReport(Submission submission, List<ModuleResult> modules, String graderVersion,
        String javaVersion, Limits limits, long millis, List<String> notes, long compileMillis,
        long testMillis, int jvms, long testCpuMillis, String sandbox) {

    /** A report. Notes may name what the submission chose (its threads), so each is made safe. */
    public GradeReport {
        modules = List.copyOf(modules);
        notes = notes.stream().map(note -> StudentText.lines(note, StudentText.FEEDBACK))
                .toList();
    }

    /**
     * A report without notes or timings.
     *
     * @param submission the submission
     * @param modules its graded modules
     * @param graderVersion the grader's version
     * @param javaVersion the JDK
     * @param limits the limits
     * @param millis how long grading took
     */
    public GradeReport(Submission submission, List<ModuleResult> modules, String graderVersion,
            String javaVersion, Limits limits, long millis) {
        this(submission, modules, graderVersion, javaVersion, limits, millis, List.of(), 0,
                millis, 0, -1, "");
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
     * The first test that failed, which is where to work next: modules are taken in the order
     * the lessons teach them ({@link Course#learningOrder()}), tests in task order.
     *
     * @return the first failure, if any
     */
    public Optional<TestResult> firstFailure() {
        return tests().stream().filter(t -> !t.passed())
                .min(Comparator.comparingInt(t -> Course.learningOrder().indexOf(
                        t.test().module())));
    }
}

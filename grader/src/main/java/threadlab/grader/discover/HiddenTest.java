package threadlab.grader.discover;

import java.util.List;
import threadlab.grader.course.ExerciseModule;
import threadlab.grader.requirements.Requirement;

/**
 * One hidden test, as the grader knows it before anything of the submission runs.
 *
 * @param module the module it grades
 * @param uniqueId JUnit's id for it, which selects it in a test JVM
 * @param group its class's display name
 * @param name its display name
 * @param points what it is worth
 * @param task the module's task it checks, from its {@code @Tag("task:N")}
 * @param visibility when Gradescope shows a student its result, from the rubric
 * @param rules the rules of its task that it checks, from its {@code @Tag("rule:R3.4")} tags
 * @param needs the rules it observes its own through, from its {@code @Tag("needs:R1.1")} tags:
 *     while one of them is broken, this test's outcome would depend on timing, so it does not
 *     count ({@code threadlab.grader.grading.Prerequisites})
 */
public record HiddenTest(ExerciseModule module, String uniqueId, String group, String name,
        int points, int task, Visibility visibility, List<Requirement> rules,
        List<Requirement> needs) {

    /** A hidden test. */
    public HiddenTest {
        rules = List.copyOf(rules);
        needs = List.copyOf(needs);
    }

    /**
     * A hidden test that rests on no other rule.
     *
     * @param module the module it grades
     * @param uniqueId JUnit's id for it
     * @param group its class's display name
     * @param name its display name
     * @param points what it is worth
     * @param task the module's task it checks
     * @param visibility when Gradescope shows a student its result
     * @param rules the rules it checks
     */
    public HiddenTest(ExerciseModule module, String uniqueId, String group, String name,
            int points, int task, Visibility visibility, List<Requirement> rules) {
        this(module, uniqueId, group, name, points, task, visibility, rules, List.of());
    }

    /**
     * A hidden test whose rules are not known, as a saved progress row gives it.
     *
     * @param module the module it grades
     * @param uniqueId JUnit's id for it
     * @param group its class's display name
     * @param name its display name
     * @param points what it is worth
     * @param task the module's task it checks
     * @param visibility when Gradescope shows a student its result
     */
    public HiddenTest(ExerciseModule module, String uniqueId, String group, String name,
            int points, int task, Visibility visibility) {
        this(module, uniqueId, group, name, points, task, visibility, List.of());
    }

    /**
     * A hidden test as discovered, before the rubric: its result shown once grades are
     * published.
     *
     * @param module the module it grades
     * @param uniqueId JUnit's id for it
     * @param group its class's display name
     * @param name its display name
     * @param points what it is worth
     * @param task the module's task it checks
     */
    public HiddenTest(ExerciseModule module, String uniqueId, String group, String name,
            int points, int task) {
        this(module, uniqueId, group, name, points, task, Visibility.AFTER_PUBLISHED, List.of());
    }

    /**
     * The name a report shows.
     *
     * @return the group and the test's own name
     */
    public String fullName() {
        return group + ": " + name;
    }

    /**
     * This test as a rubric sets it.
     *
     * @param rubricPoints what it is worth
     * @param rubricVisibility when students see its result
     * @return the test with those
     */
    public HiddenTest graded(int rubricPoints, Visibility rubricVisibility) {
        return new HiddenTest(module, uniqueId, group, name, rubricPoints, task,
                rubricVisibility, rules, needs);
    }
}

package threadlab.grader.discover;

import threadlab.grader.course.ExerciseModule;

/**
 * One hidden test, as the grader knows it before anything of the submission runs.
 *
 * @param module the module it grades
 * @param uniqueId JUnit's id for it, which selects it in a test JVM
 * @param group its class's display name
 * @param name its display name
 * @param points what it is worth
 * @param task the module's task it checks, from its {@code @Tag("task:N")}
 */
public record HiddenTest(ExerciseModule module, String uniqueId, String group, String name,
        int points, int task) {

    /**
     * The name a report shows.
     *
     * @return the group and the test's own name
     */
    public String fullName() {
        return group + ": " + name;
    }
}

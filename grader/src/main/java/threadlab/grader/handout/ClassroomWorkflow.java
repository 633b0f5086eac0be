package threadlab.grader.handout;

import java.util.List;
import java.util.Locale;
import threadlab.grader.course.ExerciseModule;

/**
 * The GitHub Classroom workflow of the handout: on every push it runs each task's visible tests,
 * a task at a time, and reports a point per task that passes. Instructors change the points in
 * the file or in GitHub Classroom.
 */
final class ClassroomWorkflow {

    /** Where the workflow goes in the handout. */
    static final String PATH = ".github/workflows/classroom.yml";

    /**
     * A module and the task numbers its visible tests are tagged with.
     *
     * @param module the module
     * @param tasks the task numbers, in order
     */
    record ModuleTasks(ExerciseModule module, List<Integer> tasks) {
    }

    private ClassroomWorkflow() {
    }

    /**
     * The workflow's YAML.
     *
     * @param modules the modules and their tasks, in course order
     * @return the file's text
     */
    static String render(List<ModuleTasks> modules) {
        StringBuilder steps = new StringBuilder();
        StringBuilder env = new StringBuilder();
        StringBuilder runners = new StringBuilder();
        for (ModuleTasks module : modules) {
            String folder = module.module().folder();
            String number = folder.substring("module-".length(), folder.indexOf('-', 7));
            String testPath = module.module().exercisePackage().replace('.', '/') + "/**";
            for (int task : module.tasks()) {
                String id = "m" + number + "-task-" + task;
                String name = folder + ", task " + task;
                steps.append("      - name: ").append(name).append('\n')
                        .append("        id: ").append(id).append('\n')
                        .append("        uses: classroom-resources/autograding-command-grader@v1\n")
                        .append("        with:\n")
                        .append("          test-name: ").append(name).append('\n')
                        .append("          command: ./mvnw -q -B -pl ").append(folder)
                        .append(" -am test -Dgroups=task:").append(task)
                        .append(" -Dtest='").append(testPath)
                        .append("' -Dsurefire.failIfNoSpecifiedTests=false\n")
                        .append("          timeout: 5\n")
                        .append("          max-score: 1\n");
                env.append("          ").append(id.toUpperCase(Locale.ROOT))
                        .append("_RESULTS: \"${{steps.").append(id).append(".outputs.result}}\"\n");
                runners.append(runners.length() == 0 ? "" : ",").append(id);
            }
        }
        return "# Runs the visible tests of each task on every push, and reports a point per task\n"
                + "# whose tests pass. Change max-score to weigh the tasks differently.\n"
                + "name: Autograding Tests\n"
                + "'on':\n"
                + "  - push\n"
                + "  - workflow_dispatch\n"
                + "  - repository_dispatch\n"
                + "permissions:\n"
                + "  checks: write\n"
                + "  actions: read\n"
                + "  contents: read\n"
                + "jobs:\n"
                + "  run-autograding-tests:\n"
                + "    runs-on: ubuntu-latest\n"
                + "    if: github.actor != 'github-classroom[bot]'\n"
                + "    steps:\n"
                + "      - name: Checkout code\n"
                + "        uses: actions/checkout@v4\n"
                + "      - name: Set up Java 17\n"
                + "        uses: actions/setup-java@v4\n"
                + "        with:\n"
                + "          distribution: temurin\n"
                + "          java-version: '17'\n"
                + "      - name: Compile, and fetch what the build needs\n"
                + "        continue-on-error: true\n"
                + "        run: ./mvnw -q -B test-compile\n"
                + steps
                + "      - name: Autograding Reporter\n"
                + "        uses: classroom-resources/autograding-grading-reporter@v1\n"
                + "        env:\n"
                + env
                + "        with:\n"
                + "          runners: " + runners + "\n";
    }
}

package threadlab.grader.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import threadlab.grader.allowlist.ForbiddenApiException;
import threadlab.grader.course.Course;
import threadlab.grader.course.ExerciseModule;
import threadlab.grader.discover.HiddenTest;
import threadlab.grader.protocol.Verdict;
import threadlab.grader.report.ModuleResult;
import threadlab.grader.report.TestResult;

class ProgressViewTests {

    private static final String NOT_DONE = "Task %d: do it (see HINTS.md)";
    private static final Verdict WRONG = Verdict.check("3", "2", "a lost update", null);

    private static final Hints HINTS = Hints.parse("""
            ## Task 1

            - One, first.
            - One, second.

            ## Task 2

            - Two, first.
            - Two, second.
            - Two, third.
            """);

    /** A module's results: for each task, a list of outcomes, "pass", "todo" or "wrong". */
    private static ModuleResult module(ExerciseModule module, List<List<String>> tasks) {
        List<TestResult> tests = new ArrayList<>();
        for (int task = 1; task <= tasks.size(); task++) {
            int n = 0;
            for (String outcome : tasks.get(task - 1)) {
                n++;
                HiddenTest test = new HiddenTest(module, "[" + task + ":" + n + "]", "Task "
                        + task + ", group", "test " + n, 1, task);
                tests.add(switch (outcome) {
                    case "pass" -> new TestResult(test, true, Verdict.PASSED, 1);
                    case "todo" -> new TestResult(test, false, Verdict.of(Verdict.Kind.NOT_DONE,
                            NOT_DONE.formatted(task)), 1);
                    default -> new TestResult(test, false, WRONG, 1);
                });
            }
        }
        return new ModuleResult(module, tests);
    }

    private static String render(ModuleResult... modules) {
        return ProgressView.render(List.of(modules).stream().map(ModuleProgress::of).toList(),
                module -> HINTS);
    }

    @Test
    @DisplayName("a task is done, not started, failing, or not run, with its tests passed")
    void statuses() {
        ModuleProgress progress = ModuleProgress.of(module(Course.REFCOUNT, List.of(
                List.of("pass", "pass"), List.of("todo", "todo", "todo"),
                List.of("pass", "wrong"), List.of("todo", "wrong"))));

        assertThat(progress.tasks()).extracting(TaskProgress::status).containsExactly(
                TaskProgress.Status.DONE, TaskProgress.Status.NOT_STARTED,
                TaskProgress.Status.FAILING, TaskProgress.Status.FAILING);
        assertThat(progress.tasks()).extracting(TaskProgress::passed).containsExactly(2, 0, 1, 0);
        assertThat(progress.done()).isEqualTo(1);
        assertThat(progress.firstToFix().orElseThrow().task()).isEqualTo(2);
        assertThat(progress.blocked()).isEmpty();
    }

    @Test
    @DisplayName("a module whose tests all failed for one reason (a compile error) did not run")
    void blocked() {
        ModuleResult result = module(Course.REFCOUNT, List.of(List.of("x"), List.of("x")));
        List<TestResult> tests = result.tests().stream().map(t -> new TestResult(t.test(), false,
                Verdict.of(Verdict.Kind.NOT_RUN, "module-01-refcount did not compile, so its"
                        + " tests could not run."), 0)).toList();
        ModuleProgress progress = ModuleProgress.of(new ModuleResult(Course.REFCOUNT, tests));

        assertThat(progress.blocked()).hasValueSatisfying(b -> assertThat(b)
                .contains("did not compile"));
        assertThat(progress.tasks()).extracting(TaskProgress::status)
                .containsOnly(TaskProgress.Status.NOT_RUN);
        assertThat(ProgressView.render(List.of(progress), m -> HINTS))
                .contains("module 1, refcount: 0 of 2 tasks done; its tests could not run")
                .contains("    module-01-refcount did not compile")
                .contains("Next: fix what stops module-01-refcount from being tested")
                .contains("./mvnw -q -pl module-01-refcount compile")
                .doesNotContain("Hint");
    }

    @Test
    @DisplayName("the first task not done, in course order, gets its feedback, its first hint"
            + " only, and the command for its visible tests")
    void firstToFix() {
        String text = render(
                module(Course.REFCOUNT, List.of(List.of("pass"), List.of("pass", "wrong"))),
                module(Course.GIL, List.of(List.of("todo"))),
                module(Course.THREADS, List.of(List.of("pass"))));

        assertThat(text).startsWith("""
                module 1, refcount: 1 of 2 tasks done
                  task 1  done         1 of 1 tests pass
                  task 2  failing      1 of 2 tests pass
                module 2, gil: 0 of 1 tasks done
                  task 1  not started  0 of 1 tests pass
                module 3, threads: 1 of 1 tasks done
                  task 1  done         1 of 1 tests pass

                First to fix: module 1, refcount, task 2
                  Failed: Task 2, group: test 2
                    Expected: 3
                    But: 2
                    Likely cause: a lost update
                  Hint 1 of 3:
                    Two, first.
                """);
        assertThat(text).contains("\n  2 more hints are in module-01-refcount/HINTS.md, under"
                + " \"## Task 2\": read one at a time, and\n  try the code in between.\n");
        assertThat(text).doesNotContain("Two, second").doesNotContain("One, first")
                .contains("Next: fix task 2, run its visible tests with\n"
                        + "    ./mvnw -pl module-01-refcount -am test -Dgroups=task:2\n"
                        + "  then run check again.\n");
    }

    @Test
    @DisplayName("with every module unfinished, module 3 comes first, as the lessons teach it")
    void firstToFixFollowsTheLessons() {
        String text = render(module(Course.REFCOUNT, List.of(List.of("todo"))),
                module(Course.GIL, List.of(List.of("todo"))),
                module(Course.THREADS, List.of(List.of("pass"), List.of("wrong"))));

        assertThat(text).contains("First to fix: module 3, threads, task 2")
                .contains("./mvnw -pl module-03-threads -am test -Dgroups=task:2");
    }

    @Test
    @DisplayName("a module refused for the APIs it uses: replace them; no compiler command")
    void refusedForItsApis() {
        ModuleResult result = module(Course.THREADS, List.of(List.of("x"), List.of("x")));
        String refused = "module-03-threads" + ForbiddenApiException.REFUSED + ": the grader"
                + " checks every compiled class\n  Sleeper (Sleeper.java:12) uses"
                + " java.io.File.delete";
        List<TestResult> tests = result.tests().stream()
                .map(t -> new TestResult(t.test(), false, Verdict.of(Verdict.Kind.NOT_RUN,
                        refused), 0)).toList();

        assertThat(render(new ModuleResult(Course.THREADS, tests)))
                .contains("    Sleeper (Sleeper.java:12) uses java.io.File.delete")
                .contains("Next: replace each API named above with what the task needs")
                .doesNotContain("module-03-threads compile");
    }

    @Test
    @DisplayName("on the skeleton: nothing done, and task 1 of module 1 is next")
    void skeleton() {
        String text = render(module(Course.REFCOUNT, List.of(List.of("todo", "todo"),
                List.of("todo"))));

        assertThat(text).contains("module 1, refcount: 0 of 2 tasks done")
                .contains("First to fix: module 1, refcount, task 1")
                .contains("    Not done yet. Task 1: do it")
                .contains("Hint 1 of 2:\n    One, first.\n  1 more hint is in")
                .contains("Next: do task 1 (module-01-refcount/README.md), run its visible"
                        + " tests with");
    }

    @Test
    @DisplayName("a module that uses another runs its own visible tests with -am and -Dtest")
    void commandForAModuleThatUsesAnother() {
        assertThat(ProgressView.testCommand(Course.GIL, 3)).isEqualTo("./mvnw -pl module-02-gil"
                + " -am test -Dtest='threadlab.gil.**' -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Dgroups=task:3");
        assertThat(ProgressView.testCommand(Course.THREADS, 5))
                .isEqualTo("./mvnw -pl module-03-threads -am test -Dgroups=task:5");
    }

    @Test
    @DisplayName("all done: no hint, and where to go next")
    void allDone() {
        String text = render(module(Course.THREADS, List.of(List.of("pass"), List.of("pass"))));

        assertThat(text).contains("module 3, threads: 2 of 2 tasks done")
                .endsWith("\nNext: nothing; every task of this module passes its hidden tests."
                        + " Each module's DESIGN.md says what to study next.\n")
                .doesNotContain("Hint").doesNotContain("First to fix");
        assertThat(Map.of("t", ModuleProgress.title(Course.GIL))).containsEntry("t",
                "module 2, gil");
    }
}

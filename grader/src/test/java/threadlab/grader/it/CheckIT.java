package threadlab.grader.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.testing.GraderProcess;
import threadlab.grader.testing.Submissions;

/** {@code check}: a student's progress on their own copy, the next hint and the next step. */
class CheckIT {

    private static final String REFCOUNT = "module-01-refcount";
    private static final String THREADS = "module-03-threads";

    /** The progress, without the last lines, which say how long the check took. */
    private static String progress(GraderProcess.Result result) {
        String out = result.stdout();
        return out.substring(0, out.indexOf("\nChecked in "));
    }

    @Test
    @DisplayName("a half-solved copy: the tasks done per module, the first task to fix with its"
            + " first hint, and the command for its visible tests; unchanged modules are kept")
    void halfSolved(@TempDir Path dir) throws Exception {
        Path copy = Submissions.withSolved(Submissions.withSolved(Submissions.skeleton(dir),
                THREADS), REFCOUNT, "Ref.java", "PySys.java", "RaceSchedules.java");

        GraderProcess.Result first = GraderProcess.run(copy.resolve(REFCOUNT), "check");

        assertThat(first.exitCode()).as(first.stdout() + first.stderr()).isEqualTo(1);
        assertThat(first.stdout()).contains("threadlab check of " + copy.toRealPath())
                .contains("""
                        module 1, refcount: 2 of 4 tasks done
                          task 1  done         7 of 7 tests pass
                          task 2  done         4 of 4 tests pass
                          task 3  not started  0 of 7 tests pass
                          task 4  not started  0 of 6 tests pass
                        module 2, gil: 0 of 5 tasks done
                        """)
                .contains("module 3, threads: 5 of 5 tasks done\n")
                .contains("\nFirst to fix: module 1, refcount, task 3\n")
                .contains("\n    Not done yet. Task 3: ")
                .contains("\n  Hint 1 of 5:\n    With an `AtomicInteger`: read the count,")
                .contains("4 more hints are in module-01-refcount/HINTS.md, under \"## Task 3\"")
                .doesNotContain("With a lock: mark every method")
                .contains("\nNext: do task 3 (module-01-refcount/README.md), run its visible"
                        + " tests with\n    ./mvnw -pl module-01-refcount -am test"
                        + " -Dgroups=task:3\n")
                .contains("tested module 1, module 2 and module 3.")
                .doesNotContain("threadlab.hidden").doesNotContain("Verdict.");
        assertThat(first.stderr()).isEmpty();
        assertThat(copy.resolve("target/threadlab-check/module-01-refcount.json")).exists();

        GraderProcess.Result again = GraderProcess.run(copy, "check");

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(progress(again)).isEqualTo(progress(first));
        assertThat(again.stdout()).contains(": nothing changed since the last check.");

        Path sleeper = copy.resolve(THREADS)
                .resolve("src/main/java/threadlab/threads/Sleeper.java");
        Files.writeString(sleeper, Files.readString(sleeper) + "// an edit\n");
        GraderProcess.Result edited = GraderProcess.run(copy, "check");

        assertThat(progress(edited)).isEqualTo(progress(first));
        assertThat(edited.stdout()).contains(": tested module 3; module 1 and module 2 unchanged"
                + " since the last check.");
    }

    @Test
    @DisplayName("the skeleton: no task done, and task 1 of module 3, where the lessons start, is"
            + " next with its first hint")
    void skeleton(@TempDir Path dir) throws Exception {
        Path copy = Submissions.skeleton(dir);

        GraderProcess.Result result = GraderProcess.run(copy, "check");

        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isEqualTo(1);
        assertThat(result.stdout()).contains("module 1, refcount: 0 of 4 tasks done")
                .contains("module 2, gil: 0 of 5 tasks done")
                .contains("module 3, threads: 0 of 5 tasks done")
                .contains("First to fix: module 3, threads, task 1")
                .contains("Hint 1 of 4:\n    The constructor stored two fields, `out` and"
                        + " `sleep`.")
                .contains("./mvnw -pl module-03-threads -am test -Dgroups=task:1");
    }

    @Test
    @DisplayName("the reference solutions: every task done, exit 0")
    void solutions(@TempDir Path dir) throws Exception {
        Path copy = Submissions.solution(dir);

        GraderProcess.Result result = GraderProcess.run(copy, "check");

        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        assertThat(result.stdout()).contains("module 1, refcount: 4 of 4 tasks done")
                .contains("module 2, gil: 5 of 5 tasks done")
                .contains("module 3, threads: 5 of 5 tasks done")
                .contains("Next: nothing; every task of every module passes its hidden tests.")
                .doesNotContain("First to fix");
    }

    @Test
    @DisplayName("--watch checks again when a source is saved, until it is stopped")
    void watch(@TempDir Path dir) throws Exception {
        Path copy = Submissions.skeleton(dir);
        try (GraderProcess.Running watching = GraderProcess.start(copy, "check", "--watch",
                "--module", "3")) {
            await().atMost(Duration.ofMinutes(3)).until(() -> watching.stdout()
                    .contains("Watching module-03-threads/src/main/java for saved changes;"
                            + " Ctrl-C stops."));
            assertThat(watching.stdout()).contains("module 3, threads: 0 of 5 tasks done")
                    .doesNotContain("module 1");

            Submissions.withSolved(copy, THREADS, "Sleeper.java");

            await().atMost(Duration.ofMinutes(3)).until(() -> watching.stdout()
                    .contains("module 3, threads: 1 of 5 tasks done"));
            String after = watching.stdout().substring(watching.stdout()
                    .indexOf("Changed: "));
            assertThat(after).startsWith("Changed: Sleeper.java. Checking again.")
                    .contains("task 1  done         6 of 6 tests pass")
                    .contains("First to fix: module 3, threads, task 2");
            assertThat(watching.process().isAlive()).isTrue();
        }
    }

    @Test
    @DisplayName("a module that does not exist, or no course around: a one-line reason")
    void badInput(@TempDir Path elsewhere) throws Exception {
        GraderProcess.Result module = GraderProcess.run(GraderProcess.courseRoot(), "check",
                "--module", "7");
        GraderProcess.Result outside = GraderProcess.run(elsewhere, "check");

        assertThat(module.exitCode()).isEqualTo(2);
        assertThat(module.stderr().lines().findFirst().orElse("")).isEqualTo("--module takes"
                + " the number of a module: module 1 refcount; module 2 gil; module 3 threads");
        assertThat(outside.exitCode()).isEqualTo(1);
        assertThat(outside.stderr()).contains("is not inside a copy of the course")
                .contains("Run check from your copy of the course, or name it: check PATH.")
                .doesNotContain("\tat ");
    }
}

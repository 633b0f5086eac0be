package threadlab.grader.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.testing.GraderProcess;
import threadlab.grader.testing.GraderProcess.ClassGraded;
import threadlab.grader.testing.Submissions;

/**
 * A submission whose tests only wait does not hold up the class: with one job, the next
 * submission is graded while the first waits for its limit. The limit is long enough for the
 * next one to be graded whole on a loaded machine (it took 14 s with a load average of 15), so
 * that only the order of the two decides.
 */
class WaitingSubmissionIT {

    private static final String REFCOUNT = "module-01-refcount";
    private static final String GIL = "module-02-gil";
    private static final String THREADS = "module-03-threads";

    @Test
    @DisplayName("with --jobs 1, the next submission is graded while a deadlocked one waits for"
            + " its limit")
    void aWaitingSubmissionMakesRoom(@TempDir Path dir) throws Exception {
        Path classDir = dir.resolve("class");
        Submissions.withoutModule(Submissions.withoutModule(Submissions.hostileVariant(
                classDir.resolve("a-deadlock"), THREADS, "deadlock"), REFCOUNT), GIL);
        Submissions.withoutModule(Submissions.withoutModule(Submissions.solution(
                classDir.resolve("b-control")), REFCOUNT), GIL);

        ClassGraded graded = GraderProcess.gradeClass(dir.resolve("out"), classDir.toString(),
                "--jobs", "1", "--timeout", "45");

        String progress = graded.printed().stderr();
        assertThat(graded.student("a-deadlock").results().get("extra_data")
                .get("grading_millis").asLong())
                .as("the deadlocked submission waits for its 45 s limit")
                .isGreaterThanOrEqualTo(45_000);
        assertThat(graded.student("b-control").firstTestOf("Task 5, the lesson's program")
                .get("status").asText()).isEqualTo("passed");
        assertThat(progress.indexOf("b-control"))
                .as("submissions start in order, so b-control can finish first only if it ran"
                        + " while a-deadlock waited:\n" + progress)
                .isPositive()
                .isLessThan(progress.indexOf("a-deadlock"));
    }
}

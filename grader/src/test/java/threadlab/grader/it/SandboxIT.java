package threadlab.grader.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.run.Sandbox;
import threadlab.grader.testing.GraderProcess;
import threadlab.grader.testing.GraderProcess.ClassGraded;
import threadlab.grader.testing.Submissions;

/**
 * With the operating-system sandbox on, a submission's code cannot get out of its working folder:
 * it writes nothing outside it, sees no other submission and no process of the grader's, and
 * leaves no process behind. Graded as a class with {@code --sandbox required}, beside a copy of
 * the reference solutions, so that the hostile code never runs without the sandbox. Skipped
 * where bubblewrap cannot start, unless {@code -Dthreadlab.requireSandbox=true} (continuous
 * integration).
 */
class SandboxIT {

    private static final String THREADS = "module-03-threads";
    private static final String REFCOUNT = "module-01-refcount";
    /** What the hostile code's processes run, to find them on the machine afterwards. */
    private static final List<String> LEFT_BEHIND = List.of("sleep 31337", "sleep 31338");

    @TempDir
    static Path classDir;

    @TempDir
    static Path out;

    private static ClassGraded graded;

    @BeforeAll
    static void gradeInTheSandbox() throws Exception {
        boolean on = Sandbox.choose(Sandbox.Mode.AUTO).on();
        assumeTrue(on || !Boolean.getBoolean("threadlab.requireSandbox"), "bubblewrap cannot"
                + " start here, and -Dthreadlab.requireSandbox=true requires it");
        assumeTrue(on, "bubblewrap cannot start here: the sandbox's tests are skipped");
        Submissions.withoutModule(Submissions.hostileVariant(classDir.resolve("escape"), THREADS,
                "sandbox-escape"), REFCOUNT);
        Submissions.withoutModule(Submissions.solution(classDir.resolve("other-student")),
                REFCOUNT);
        graded = GraderProcess.gradeClass(out, classDir.toString(), "--sandbox", "required",
                "--api-check", "off",
                "--test-timeout", "30", "--jobs", "2");
    }

    /** What the hostile code managed, from the feedback of its first test. */
    private static String report() throws Exception {
        String feedback = graded.student("escape").test("Task 1, the sleeper: prints the"
                + " announcement").get("output").asText();
        int at = feedback.indexOf("ESCAPE REPORT ");
        assertThat(at).as("the hostile code's report in:\n" + feedback).isNotNegative();
        return feedback.substring(at).lines().findFirst().orElseThrow();
    }

    private static String part(String report, String name) {
        Matcher m = Pattern.compile(name + "=(\\[[^]]*]|-?\\d+)").matcher(report);
        assertThat(m.find()).as(name + " in " + report).isTrue();
        return m.group(1);
    }

    @Test
    @DisplayName("the submission writes nothing outside its working folder: not a new file, not"
            + " the hidden tests, its classes or the grader's runtime")
    void nothingOutsideIsWritable() throws Exception {
        String report = report();
        assertThat(part(report, "created")).as(report).isEqualTo("[]");
        assertThat(part(report, "writable")).as(report).isEqualTo("[]");
        assertThat(graded.printed().stdout()).doesNotContain("Problem:");
    }

    @Test
    @DisplayName("the submission sees no other submission's sources")
    void otherSubmissionsAreOutOfSight() throws Exception {
        String report = report();
        assertThat(part(report, "sources")).as(report).isEqualTo("[]");
    }

    @Test
    @DisplayName("the submission sees only its own processes and signals none outside them")
    void processesOutsideAreOutOfReach() throws Exception {
        String report = report();
        assertThat(part(report, "signalled")).as(report).isEqualTo("[]");
        assertThat(part(report, "parent")).as("its parent is the sandbox's first process, not"
                + " the grader: " + report).isEqualTo("1");
        for (String pid : part(report, "seen").replaceAll("[\\[\\] ]", "").split(",")) {
            assertThat(Long.parseLong(pid)).as("a process id of its own namespace: " + report)
                    .isLessThan(100);
        }
    }

    @Test
    @DisplayName("no process the submission started is alive once the grader is done")
    void nothingOutlivesTheGrading() throws Exception {
        String report = report();
        assertThat(part(report, "started")).as("the hostile code left processes: " + report)
                .isEqualTo("2");
        List<String> alive = ProcessHandle.allProcesses().map(p -> p.info().commandLine()
                .orElse("")).filter(line -> LEFT_BEHIND.stream().anyMatch(line::contains))
                .toList();
        assertThat(alive).isEmpty();
    }

    @Test
    @DisplayName("the other student keeps every point, and every report is written")
    void theOtherStudentKeepsTheirGrade() throws Exception {
        for (JsonNode test : graded.student("other-student").results().get("tests")) {
            if (test.get("tags").get(0).asText().equals(THREADS)) {
                assertThat(test.get("status").asText()).as(test.toString()).isEqualTo("passed");
            }
        }
        assertThat(graded.printed().exitCode()).as(graded.printed().stdout()).isZero();
        assertThat(graded.file("index.html")).contains("Class grades").contains("sandbox")
                .doesNotContain("Graded without the operating-system sandbox");
        assertThat(graded.file("run.json")).contains("\"sandbox\" : \"on: bubblewrap");
        assertThat(graded.student("escape").results().get("extra_data").get("sandbox").asText())
                .startsWith("on: bubblewrap");
    }

    @Test
    @DisplayName("--sandbox required on a machine without bubblewrap refuses to grade, naming"
            + " what to install; --sandbox auto grades and says so in the report")
    void requiredRefusesWithoutBubblewrap(@TempDir Path dir) throws Exception {
        Path submission = Submissions.withoutModule(Submissions.solution(dir.resolve("s")),
                REFCOUNT);
        Map<String, String> noBwrap = Map.of("PATH", "/nonexistent");
        GraderProcess.Result refused = GraderProcess.run(GraderProcess.courseRoot(), 240,
                noBwrap, "grade", submission.toString(), "--sandbox", "required");
        assertThat(refused.exitCode()).as(refused.stdout() + refused.stderr()).isEqualTo(1);
        assertThat(refused.stderr().strip()).as("one line").doesNotContain("\n")
                .contains("--sandbox required").contains("apt-get install bubblewrap");

        GraderProcess.Result fallback = GraderProcess.run(GraderProcess.courseRoot(), 240,
                noBwrap, "grade", submission.toString(), "--test-timeout", "30");
        assertThat(fallback.exitCode()).as(fallback.stdout() + fallback.stderr()).isZero();
        assertThat(fallback.stdout()).contains("Note: Graded without the operating-system"
                + " sandbox (bubblewrap (bwrap) is not installed)");
    }
}

package threadlab.grader.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.testing.GraderProcess;
import threadlab.grader.testing.Submissions;

/** Bad input gets a one-line reason and an exit code, never a stack trace. */
class CommandLineIT {

    @Test
    @DisplayName("a submission that does not exist: exit 1 and what to do")
    void aMissingSubmission() throws Exception {
        GraderProcess.Result result = GraderProcess.run(GraderProcess.courseRoot(), "grade",
                "no-such-folder");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("error: The submission no-such-folder does not"
                + " exist.").contains("Name a folder laid out like the course repository")
                .doesNotContain("\tat ");
    }

    @Test
    @DisplayName("no submission named, outside the course: exit 1 and what to do")
    void noCourseAround(@TempDir Path elsewhere) throws Exception {
        GraderProcess.Result result = GraderProcess.run(elsewhere, "grade");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("is not inside the course repository")
                .doesNotContain("\tat ");
    }

    @Test
    @DisplayName("an unknown option: exit 2 and the usage")
    void anUnknownOption() throws Exception {
        GraderProcess.Result result = GraderProcess.run(GraderProcess.courseRoot(), "grade",
                "--frobnicate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("Unknown option: '--frobnicate'")
                .contains("Usage: grader grade");
    }

    @Test
    @DisplayName("a JSON file that cannot be written: the report is still printed")
    void anUnwritableJsonFile(@TempDir Path dir) throws Exception {
        Path blocker = Files.writeString(dir.resolve("file"), "not a folder");
        GraderProcess.Result result = GraderProcess.run(GraderProcess.courseRoot(), "grade",
                "solutions", "--json", blocker.resolve("results.json").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).contains("Total: ");
        assertThat(result.stderr()).contains("could not write").doesNotContain("\tat ");
    }

    @Test
    @DisplayName("an empty folder is neither a submission nor a class: exit 1 and why")
    void anEmptyFolder(@TempDir Path empty) throws Exception {
        GraderProcess.Result result = GraderProcess.run(GraderProcess.courseRoot(), "grade",
                empty.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("is neither a submission nor a class")
                .contains("(it is empty)").doesNotContain("\tat ");
    }

    @Test
    @DisplayName("--json with a class, or a count below 1: exit 2 and a one-line reason")
    void wrongOptions(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectories(dir.resolve("a/module-03-threads"));
        Path b = Files.createDirectories(dir.resolve("b/module-03-threads"));
        GraderProcess.Result json = GraderProcess.run(GraderProcess.courseRoot(), "grade",
                a.getParent().toString(), b.getParent().toString(), "--json", "x.json");
        GraderProcess.Result repeat = GraderProcess.run(GraderProcess.courseRoot(), "grade",
                "--repeat", "0");

        assertThat(json.exitCode()).isEqualTo(2);
        assertThat(json.stderr().lines().findFirst().orElse(""))
                .contains("--json is for one submission");
        assertThat(repeat.exitCode()).isEqualTo(2);
        assertThat(repeat.stderr().lines().findFirst().orElse("")).contains("--repeat 1 or more");
    }

    @Test
    @DisplayName("--repeat grades again and reports that every grade came out the same")
    void regrades(@TempDir Path dir) throws Exception {
        Path ada = Submissions.withoutModule(Submissions.solution(dir.resolve("class/ada")),
                "module-01-refcount");
        Path out = dir.resolve("out");
        GraderProcess.Result result = GraderProcess.run(GraderProcess.courseRoot(), "grade",
                ada.toString(), "--out", out.toString(), "--repeat", "2");

        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        assertThat(result.stdout()).contains("Regraded 2 times: 1 submission, 2 grades")
                .contains("no differences");
        assertThat(out.resolve("regrade.txt")).content().startsWith("Regraded 2 times");
        assertThat(out.resolve("ada/results.json")).exists();
    }
}

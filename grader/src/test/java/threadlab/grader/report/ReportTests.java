package threadlab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.course.Course;
import threadlab.grader.discover.HiddenTest;
import threadlab.grader.discover.Visibility;
import threadlab.grader.requirements.Requirement;
import threadlab.grader.requirements.Statement;
import threadlab.grader.run.Limits;
import threadlab.grader.submission.Submission;

class ReportTests {

    private static TestResult result(String name, int points, boolean passed, String feedback) {
        return new TestResult(new HiddenTest(Course.THREADS, "[id:" + name + "]", "Task 1", name,
                points, 1), passed, feedback, 5);
    }

    private static GradeReport report(TestResult... tests) {
        return new GradeReport(new Submission("alice", Path.of("/tmp/alice")),
                List.of(new ModuleResult(Course.THREADS, List.of(tests))), "1.0", "17.0.15",
                Limits.DEFAULT, 1234);
    }

    @Test
    @DisplayName("results.json has Gradescope's fields, with the module as a tag")
    void gradescopeFormat(@TempDir Path dir) throws Exception {
        GradeReport report = report(result("passes", 2, true, ""),
                result("fails", 3, false, "Expected: a\nBut: b"));
        Path file = dir.resolve("out/results.json");

        GradescopeResults.write(report, file);
        JsonNode json = new ObjectMapper().readTree(file.toFile());

        assertThat(json.get("score").asInt()).isEqualTo(2);
        assertThat(json.get("max_score").asInt()).isEqualTo(5);
        JsonNode failed = json.get("tests").get(1);
        assertThat(failed.get("name").asText()).isEqualTo("Task 1: fails");
        assertThat(failed.get("score").asInt()).isZero();
        assertThat(failed.get("max_score").asInt()).isEqualTo(3);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("output").asText()).isEqualTo("Expected: a\nBut: b");
        assertThat(failed.get("visibility").asText()).isEqualTo("after_published");
        assertThat(failed.get("tags").get(0).asText()).isEqualTo("module-03-threads");
        assertThat(json.get("extra_data").get("java_version").asText()).isEqualTo("17.0.15");
        assertThat(dir.resolve("out/results.json.partial")).doesNotExist();
    }

    @Test
    @DisplayName("a failed test's report names the rules it checks, in text, HTML and"
            + " results.json; a passed one does not")
    void failedTestsNameTheirRules() throws Exception {
        Requirement rule = new Requirement("R3.4", List.of(new Statement(
                "A zero or negative timeout returns at once.", "README.md, Task 3", 12)),
                "join(0 s) returns while the target runs.", 10);
        HiddenTest checksIt = new HiddenTest(Course.THREADS, "[id:z]", "Task 3", "zero", 1, 3,
                Visibility.AFTER_PUBLISHED, List.of(rule));
        GradeReport failed = report(new TestResult(checksIt, false, "Expected: a\nBut: b", 5));
        String line = "Rule R3.4: A zero or negative timeout returns at once.";

        assertThat(TextReport.render(failed)).contains("        " + line
                + "\n        Expected: a\n");
        assertThat(HtmlReport.render(failed, RunInfo.here("1.0", 1, Limits.DEFAULT, List.of(),
                "off", "off", "2026-01-01T00:00:00Z", 1), "../index.html"))
                .contains("<p class=\"rule\">" + line + "</p>");
        assertThat(GradescopeResults.toJson(failed).get("tests").get(0).get("output").asText())
                .isEqualTo(line + "\nExpected: a\nBut: b");
        GradeReport passed = report(new TestResult(checksIt, true, "", 5));
        assertThat(TextReport.render(passed)).doesNotContain("Rule R3.4");
        assertThat(GradescopeResults.toJson(passed).get("tests").get(0).get("output").asText())
                .isEmpty();
    }

    @Test
    @DisplayName("results.json's summary names no test whose result is shown later")
    void summaryKeepsLaterResultsBack() {
        TestResult shown = new TestResult(new HiddenTest(Course.THREADS, "[id:a]", "Task 1",
                "shown", 1, 1, Visibility.VISIBLE), true, "", 5);
        TestResult later = result("secret", 2, false, "Expected: the secret");

        JsonNode json = GradescopeResults.toJson(report(shown, later));

        assertThat(json.get("output").asText())
                .isEqualTo("Every test whose result is shown now passed. Of the 2 tests, 1"
                        + " shows its result once the grades are published.")
                .doesNotContain("secret");
        assertThat(json.get("tests").get(0).get("visibility").asText()).isEqualTo("visible");
        assertThat(json.get("tests").get(1).get("visibility").asText())
                .isEqualTo("after_published");
    }

    @Test
    @DisplayName("results.json's summary counts the results shown later by when they are shown")
    void summaryCountsLaterResults() {
        TestResult hidden = new TestResult(new HiddenTest(Course.THREADS, "[id:h]", "Task 1", "h",
                1, 1, Visibility.HIDDEN), true, "", 5);
        TestResult dueDate = new TestResult(new HiddenTest(Course.THREADS, "[id:d]", "Task 1",
                "d", 1, 1, Visibility.AFTER_DUE_DATE), true, "", 5);

        JsonNode json = GradescopeResults.toJson(report(result("a", 1, true, ""),
                result("b", 1, true, ""), dueDate, hidden));

        assertThat(json.get("output").asText()).isEqualTo("Graded. Of the 4 tests, 1 shows its"
                + " result after the due date, 2 once the grades are published and 1 only to"
                + " the course staff.");
    }

    @Test
    @DisplayName("results.json's summary says at once why a whole submission could not be graded")
    void summaryShowsWhyNothingWasGraded() {
        String why = "The submission is empty, so nothing could be graded.";

        JsonNode json = GradescopeResults.toJson(new GradeReport(new Submission("alice",
                Path.of("/tmp/alice")), List.of(new ModuleResult(Course.THREADS, List.of(
                result("a", 1, false, why), result("b", 2, false, why)), why)), "1.0", "17.0.15",
                Limits.DEFAULT, 1234));

        assertThat(json.get("output").asText()).isEqualTo(why + "\n\nAll 2 tests show their"
                + " results once the grades are published.");
    }

    @Test
    @DisplayName("results.json's summary quotes nothing the submission's code chose: not what it"
            + " threw in every test, nor a note that names its threads")
    void summaryQuotesNoRunningCode() {
        String thrown = "Your code threw java.lang.IllegalStateException: cGFja2FnZSB0aHJlYWRsYWI=";
        TestResult visible = new TestResult(new HiddenTest(Course.THREADS, "[id:v]", "Task 1",
                "v", 1, 1, Visibility.VISIBLE), false, thrown, 5);
        GradeReport report = new GradeReport(new Submission("alice", Path.of("/tmp/alice")),
                List.of(new ModuleResult(Course.THREADS, List.of(visible, result("a", 1, false,
                        thrown), result("b", 2, false, thrown)))), "1.0", "17.0.15",
                Limits.DEFAULT, 1234, List.of("Threads left running: cGFja2FnZSB0aHJlYWRsYWI="),
                0, 1234, 1, -1, "on");

        JsonNode json = GradescopeResults.toJson(report);

        assertThat(json.get("output").asText()).doesNotContain("cGFja2FnZSB0aHJlYWRsYWI=")
                .startsWith("Next step: module-03-threads, \"Task 1: v\": its result below says"
                        + " what failed.");
        assertThat(json.get("extra_data").get("notes").get(0).asText())
                .contains("Threads left running");
    }

    @Test
    @DisplayName("the text report shows points, feedback, the total and the next step")
    void textReport() {
        String text = TextReport.render(report(result("passes", 2, true, ""),
                result("fails", 3, false, "Expected: a\nBut: b")));

        assertThat(text).contains("module-03-threads: 2 / 5 points")
                .contains("PASS  2/2  Task 1: passes")
                .contains("FAIL  0/3  Task 1: fails\n        Expected: a\n        But: b")
                .contains("Total: 2 / 5 points (1 of 2 tests passed)")
                .contains("Next step: module-03-threads, \"Task 1: fails\": Expected: a");
    }

    @Test
    @DisplayName("an untouched skeleton is told where to start")
    void nothingDone() {
        String next = TextReport.nextStep(report(result("a", 1, false, "Not done yet. Task 1:"),
                result("b", 1, false, "Not done yet. Task 2:")));

        assertThat(next).startsWith("Nothing is done yet. Start with task 1")
                .contains("module-03-threads/README.md");
    }
}

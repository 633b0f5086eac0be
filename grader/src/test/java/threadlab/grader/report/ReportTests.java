package threadlab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.course.Course;
import threadlab.grader.discover.HiddenTest;
import threadlab.grader.discover.Visibility;
import threadlab.grader.protocol.Verdict;
import threadlab.grader.protocol.Verdict.Kind;
import threadlab.grader.requirements.Requirement;
import threadlab.grader.requirements.Statement;
import threadlab.grader.run.Limits;
import threadlab.grader.submission.Submission;

class ReportTests {

    private static TestResult result(String name, int points, boolean passed, Verdict verdict) {
        return new TestResult(new HiddenTest(Course.THREADS, "[id:" + name + "]", "Task 1", name,
                points, 1), passed, verdict, 5);
    }

    private static GradeReport report(TestResult... tests) {
        return new GradeReport(new Submission("alice", Path.of("/tmp/alice")),
                List.of(new ModuleResult(Course.THREADS, List.of(tests))), "1.0", "17.0.15",
                Limits.DEFAULT, 1234);
    }

    @Test
    @DisplayName("results.json has Gradescope's fields, with the module as a tag")
    void gradescopeFormat(@TempDir Path dir) throws Exception {
        GradeReport report = report(result("passes", 2, true, Verdict.PASSED),
                result("fails", 3, false, Verdict.check("a", "b", null, null)));
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
        GradeReport failed = report(new TestResult(checksIt, false,
                Verdict.check("a", "b", null, null), 5));
        String line = "Rule R3.4: A zero or negative timeout returns at once.";

        assertThat(TextReport.render(failed)).contains("        " + line
                + "\n        Expected: a\n");
        assertThat(HtmlReport.render(failed, RunInfo.here("1.0", 1, Limits.DEFAULT, List.of(),
                "off", "off", "2026-01-01T00:00:00Z", 1), "../index.html"))
                .contains("<p class=\"rule\">" + line + "</p>");
        assertThat(GradescopeResults.toJson(failed).get("tests").get(0).get("output").asText())
                .isEqualTo(line + "\nExpected: a\nBut: b");
        GradeReport passed = report(new TestResult(checksIt, true, Verdict.PASSED, 5));
        assertThat(TextReport.render(passed)).doesNotContain("Rule R3.4");
        assertThat(GradescopeResults.toJson(passed).get("tests").get(0).get("output").asText())
                .isEmpty();
    }

    @Test
    @DisplayName("results.json's summary names no test whose result is shown later")
    void summaryKeepsLaterResultsBack() {
        TestResult shown = new TestResult(new HiddenTest(Course.THREADS, "[id:a]", "Task 1",
                "shown", 1, 1, Visibility.VISIBLE), true, Verdict.PASSED, 5);
        TestResult later = result("secret", 2, false,
                Verdict.check("the secret", "another", null, null));

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
                1, 1, Visibility.HIDDEN), true, Verdict.PASSED, 5);
        TestResult dueDate = new TestResult(new HiddenTest(Course.THREADS, "[id:d]", "Task 1",
                "d", 1, 1, Visibility.AFTER_DUE_DATE), true, Verdict.PASSED, 5);

        JsonNode json = GradescopeResults.toJson(report(result("a", 1, true, Verdict.PASSED),
                result("b", 1, true, Verdict.PASSED), dueDate, hidden));

        assertThat(json.get("output").asText()).isEqualTo("Graded. Of the 4 tests, 1 shows its"
                + " result after the due date, 2 once the grades are published and 1 only to"
                + " the course staff.");
    }

    @Test
    @DisplayName("results.json's summary says at once why a whole submission could not be graded")
    void summaryShowsWhyNothingWasGraded() {
        String why = "The submission is empty, so nothing could be graded.";
        Verdict notRun = Verdict.of(Kind.NOT_RUN, why);

        JsonNode json = GradescopeResults.toJson(new GradeReport(new Submission("alice",
                Path.of("/tmp/alice")), List.of(new ModuleResult(Course.THREADS, List.of(
                result("a", 1, false, notRun), result("b", 2, false, notRun)), why)), "1.0",
                "17.0.15", Limits.DEFAULT, 1234));

        assertThat(json.get("output").asText()).isEqualTo(why + "\n\nAll 2 tests show their"
                + " results once the grades are published.");
    }

    @Test
    @DisplayName("results.json's summary quotes nothing the submission's code chose: not what it"
            + " threw in every test, nor a note that names its threads")
    void summaryQuotesNoRunningCode() {
        Verdict thrown = Verdict.of(Kind.STUDENT_EXCEPTION,
                "java.lang.IllegalStateException: cGFja2FnZSB0aHJlYWRsYWI=");
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
        String text = TextReport.render(report(result("passes", 2, true, Verdict.PASSED),
                result("fails", 3, false, Verdict.check("a", "b", null, null))));

        assertThat(text).contains("module-03-threads: 2 / 5 points")
                .contains("PASS  2/2  Task 1: passes")
                .contains("FAIL  0/3  Task 1: fails\n        Expected: a\n        But: b")
                .contains("Total: 2 / 5 points (1 of 2 tests passed)")
                .contains("Next step: module-03-threads, \"Task 1: fails\": Expected: a");
    }

    @Test
    @DisplayName("a module that could not be tested says why once, above its tests, in the text"
            + " and the HTML report")
    void aModuleNotRunSaysWhyOnce() {
        String why = "No Java sources were found in module-03-threads/src/main/java.";
        Verdict notRun = Verdict.of(Kind.NOT_RUN, why);
        GradeReport report = new GradeReport(new Submission("alice", Path.of("/tmp/alice")),
                List.of(new ModuleResult(Course.THREADS, List.of(result("a", 1, false, notRun),
                        result("b", 2, false, notRun), result("c", 1, false, notRun)), why)),
                "1.0", "17.0.15", Limits.DEFAULT, 1234);

        String text = TextReport.render(report);
        String html = HtmlReport.render(report, RunInfo.here("1.0", 1, Limits.DEFAULT,
                List.of(), "off", "off", "2026-01-01T00:00:00Z", 1), null);

        assertThat(text).contains("module-03-threads: 0 / 4 points\n  None of its 3 tests ran:\n"
                + "    " + why + "\n  FAIL  0/1  Task 1: a\n  FAIL  0/2  Task 1: b\n");
        // Once for the module, and once more as the next step.
        assertThat(text.split(Pattern.quote(why), -1)).hasSize(3);
        assertThat(text).contains("Next step: module-03-threads, \"Task 1: a\": " + why);
        assertThat(html).contains("None of its 3 tests ran:").contains("Task 1: c");
        assertThat(html.split(Pattern.quote(why), -1)).hasSize(3);
    }

    @Test
    @DisplayName("an untouched skeleton is told where to start")
    void nothingDone() {
        String next = TextReport.nextStep(report(
                result("a", 1, false, Verdict.of(Kind.NOT_DONE, "Task 1:")),
                result("b", 1, false, Verdict.of(Kind.NOT_DONE, "Task 2:"))));

        assertThat(next).startsWith("Nothing is done yet. Start with task 1")
                .contains("module-03-threads/README.md");
    }

    @Test
    @DisplayName("a failed test's verdict is in results.json field by field, beside its output")
    void verdictFieldsInJson() {
        Verdict verdict = new Verdict(Kind.TIMED_OUT, "to end", "it ran on", "a wait never woken",
                List.of(), new Verdict.Limit("60 s", "the time of one test"),
                "Where your code's threads were: here");

        JsonNode test = GradescopeResults.toJson(report(result("slow", 1, false, verdict)))
                .get("tests").get(0);

        JsonNode fields = test.get("extra_data").get("verdict");
        assertThat(fields.get("kind").asText()).isEqualTo("TIMED_OUT");
        assertThat(fields.get("expected").asText()).isEqualTo("to end");
        assertThat(fields.get("happened").asText()).isEqualTo("it ran on");
        assertThat(fields.get("likely_cause").asText()).isEqualTo("a wait never woken");
        assertThat(fields.get("limit").get("value").asText()).isEqualTo("60 s");
        assertThat(fields.get("limit").get("what").asText()).isEqualTo("the time of one test");
        assertThat(fields.get("evidence").asText()).isEqualTo("Where your code's threads were:"
                + " here");
        assertThat(test.get("output").asText()).isEqualTo(verdict.render());
    }

    @Test
    @DisplayName("the HTML report shows a verdict's fields as terms, and its evidence as written")
    void verdictFieldsInHtml() {
        Verdict verdict = Verdict.check("3 <lines>", "2", "a lost update", "What happened:\n1");

        String html = HtmlReport.render(report(result("lost", 1, false, verdict)), RunInfo.here(
                "1.0", 1, Limits.DEFAULT, List.of(), "off", "off", "2026-01-01T00:00:00Z", 1),
                "../index.html");

        assertThat(html).contains("<dl class=\"verdict check-failed\"><dt>Expected</dt><dd>3"
                + " &lt;lines&gt;</dd><dt>But</dt><dd>2</dd><dt>Likely cause</dt><dd>a lost"
                + " update</dd></dl><pre class=\"evidence\">What happened:\n1</pre>");
    }

    @Test
    @DisplayName("when a test that names rules fails by the student's exception or its time"
            + " limit, the report leads with the rules and what they expect, then the exception")
    void ruleLeadsAnException() {
        Requirement rule = new Requirement("R3.4", List.of(new Statement(
                "A zero or negative timeout returns at once.", "README.md, Task 3", 12)),
                "join(0 s) returns while the target runs.", 10);
        HiddenTest checksIt = new HiddenTest(Course.THREADS, "[id:z]", "Task 3", "zero", 1, 3,
                Visibility.AFTER_PUBLISHED, List.of(rule));
        Verdict thrown = Verdict.of(Kind.STUDENT_EXCEPTION,
                "java.lang.IllegalArgumentException: timeout value is negative")
                .withEvidence("  at threadlab.threads.PyThread.join(PyThread.java:40)");

        TestResult result = new TestResult(checksIt, false, thrown, 5);

        assertThat(result.verdict().rules()).containsExactly("R3.4");
        assertThat(result.verdict().expected()).isEqualTo("join(0 s) returns while the target"
                + " runs.");
        assertThat(TextReport.render(report(result))).contains("""
                        Rule R3.4: A zero or negative timeout returns at once.
                        Expected: join(0 s) returns while the target runs.
                        But: your code threw java.lang.IllegalArgumentException: timeout value\
                 is negative
                          at threadlab.threads.PyThread.join(PyThread.java:40)
                """);
        Verdict timedOut = new TestResult(checksIt, false, Verdict.check("to end in 60 s",
                "it ran on", null, null).withKind(Kind.TIMED_OUT), 5).verdict();
        assertThat(timedOut.expected()).isEqualTo("join(0 s) returns while the target runs."
                + " And to end in 60 s");
        Verdict failedCheck = new TestResult(checksIt, false, Verdict.check("at once", "later",
                null, null), 5).verdict();
        assertThat(failedCheck.expected()).isEqualTo("at once");
        assertThat(failedCheck.rules()).containsExactly("R3.4");
    }

    @Test
    @DisplayName("a passed test keeps no verdict, whatever it was given")
    void passedTestsHaveNoVerdict() {
        TestResult passed = result("ok", 1, true, Verdict.check("a", "b", "c", "d"));

        assertThat(passed.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(passed.feedback()).isEmpty();
    }
}

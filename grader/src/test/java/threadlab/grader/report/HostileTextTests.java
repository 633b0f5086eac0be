package threadlab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import threadlab.grader.course.Course;
import threadlab.grader.discover.HiddenTest;
import threadlab.grader.protocol.Verdict;
import threadlab.grader.run.Limits;
import threadlab.grader.run.OutputLine;
import threadlab.grader.submission.Submission;
import threadlab.grader.text.StudentText;

/**
 * Every report is written whole, whatever text a student chose: each kind of hostile text goes
 * through every writer (text, HTML, results.json, grades.csv, the class page) and through
 * {@link ReportFiles}, and what comes out is valid UTF-8 with no control character but line
 * ends, and no longer than the grader's limits.
 */
class HostileTextTests {

    /** The kinds, by name: each is a name, a thrown message, a printed line and a thread name. */
    private static String hostile(String kind) {
        return switch (kind) {
            case "unpaired-surrogates" -> "a\uD800b\uDC00c\uDBFF";
            case "control-characters" -> "red\u001B[31m bell\u0007 nul\u0000 del\u007F";
            case "newlines" -> "one\ntwo\r\nthree\rfour\u2028five";
            case "bidi-overrides" -> "admin\u202Egnp.exe\u2066x\u2069";
            case "very-long" -> "x".repeat(1_000_000);
            case "markup" -> "<script>alert(1)</script>\",=cmd|' /C calc'!A0";
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static GradeReport report(String text) {
        HiddenTest test = new HiddenTest(Course.THREADS, "[id:t]", "Task 1", "fails", 2, 1);
        List<OutputLine> output = List.of(new OutputLine(10, text, "System.out", text, false));
        Verdict verdict = new Verdict(Verdict.Kind.STUDENT_EXCEPTION, text,
                "java.lang.IllegalStateException: " + text, text, List.of(text),
                new Verdict.Limit(text, text), text);
        TestResult result = new TestResult(test, false, verdict, 5, output, 0);
        return new GradeReport(new Submission(text, Path.of("/tmp/x")),
                List.of(new ModuleResult(Course.THREADS, List.of(result))), "1.0", "17",
                Limits.DEFAULT, 10, List.of("Threads left running: " + text), 0, 10, 1, -1, "on");
    }

    private static List<String> everyReport(GradeReport report) throws Exception {
        RunInfo run = RunInfo.here("1.0", 1, Limits.DEFAULT, List.of(), "off", "on", "now", 1);
        List<ClassReport.Student> students = List.of(new ClassReport.Student("s", report));
        List<String> all = new ArrayList<>();
        all.add(TextReport.render(report));
        all.add(HtmlReport.render(report, run, "../index.html"));
        all.add(GradescopeResults.text(report, run));
        all.add(ClassReport.csv(students));
        all.add(ClassReport.html(students, run, report.notes()));
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"unpaired-surrogates", "control-characters", "newlines",
        "bidi-overrides", "very-long", "markup"})
    @DisplayName("every report is written whole and safe, whatever text the student chose")
    void everyReportIsWritten(String kind, @TempDir Path dir) throws Exception {
        GradeReport report = report(hostile(kind));

        for (String text : everyReport(report)) {
            Path file = dir.resolve("report");
            ReportFiles.write(file, text);
            byte[] bytes = Files.readAllBytes(file);
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            assertThat(text.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r'
                    || c == 0x7F || c >= 0xD800 && c <= 0xDFFF || c == 0x202E))
                    .as(kind).isEmpty();
            assertThat(text).as(kind).hasSizeLessThan(100_000);
            if (text.startsWith("<!DOCTYPE")) {
                assertThat(text).as(kind).doesNotContain("<script>");
            }
        }
        JsonNode json = new ObjectMapper().readTree(GradescopeResults.text(report, null));
        JsonNode fields = json.get("tests").get(0).get("extra_data").get("verdict");
        for (String field : List.of("expected", "happened", "likely_cause", "evidence")) {
            assertThat(fields.get(field).asText().length()).as(field)
                    .isLessThanOrEqualTo(StudentText.FEEDBACK + 100);
        }
        assertThat(fields.get("limit").get("value").asText().length())
                .isLessThanOrEqualTo(StudentText.NAME + 100);
        assertThat(fields.get("rules")).as("rules come from the hidden test, never the JVM")
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"newlines", "control-characters"})
    @DisplayName("a name stays on one line in the text report and the CSV")
    void namesStayOnOneLine(String kind) {
        GradeReport report = report(hostile(kind));

        assertThat(TextReport.render(report).lines().findFirst().orElseThrow())
                .contains(report.submission().name()).endsWith("(/tmp/x)");
        assertThat(ClassReport.csv(List.of(new ClassReport.Student("s", report))).split("\r\n"))
                .hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"very-long"})
    @DisplayName("very long text is cut, and the cut is said")
    void longTextIsCut(String kind) {
        GradeReport report = report(hostile(kind));

        assertThat(report.tests().get(0).feedback()).endsWith("more characters cut: the grader"
                + " keeps at most " + StudentText.FEEDBACK + ")");
        assertThat(report.tests().get(0).output().get(0).text().length()).isLessThan(600);
        assertThat(report.submission().name().length()).isLessThan(200);
    }
}

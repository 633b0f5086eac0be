package threadlab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import threadlab.grader.course.Course;
import threadlab.grader.discover.HiddenTest;
import threadlab.grader.protocol.Verdict;
import threadlab.grader.protocol.Verdict.Kind;
import threadlab.grader.run.Limits;
import threadlab.grader.run.OutputLine;
import threadlab.grader.submission.Submission;

class ClassReportTests {

    private static final HiddenTest START = new HiddenTest(Course.THREADS, "[t:1]", "Task 2",
            "start() runs the target", 2, 2);
    private static final HiddenTest JOIN = new HiddenTest(Course.THREADS, "[t:2]", "Task 3",
            "join() waits, \"always\"", 1, 3);

    private static GradeReport report(String name, boolean start, boolean join) {
        return new GradeReport(new Submission(name, Path.of("/tmp", "x")), List.of(
                new ModuleResult(Course.THREADS, List.of(
                        new TestResult(START, start, Verdict.check("a", "b\nLikely cause: not"
                                + " this line", "run() was called instead of start()", null), 3),
                        new TestResult(JOIN, join, Verdict.of(Kind.NOT_DONE, "Task 3: join"),
                                1)))), "1.0", "17", Limits.DEFAULT, 10);
    }

    private static RunInfo run() {
        return RunInfo.here("1.0", 2, Limits.DEFAULT, List.of("-Xmx256m"), "off",
                "off (--sandbox off)",
                "2026-01-01T00:00:00Z", 1000);
    }

    @Test
    @DisplayName("grades.csv: a row per student, a column per test, the total; quoted and safe")
    void csv() {
        String csv = ClassReport.csv(List.of(
                new ClassReport.Student("ada", report("ada", true, true)),
                new ClassReport.Student("eq", report("=cmd|' /C calc'!A0", false, true))));

        assertThat(csv.split("\r\n")).containsExactly(
                "student,module-03-threads: Task 2: start() runs the target (2),"
                        + "\"module-03-threads: Task 3: join() waits, \"\"always\"\" (1)\","
                        + "total,max",
                "ada,2,1,3,3",
                "'=cmd|' /C calc'!A0,0,1,1,3");
    }

    @Test
    @DisplayName("the most common misconception comes first, from the verdict's likely cause,"
            + " never from a line of other text that looks like one")
    void misconceptions() {
        List<Misconceptions.Misconception> common = Misconceptions.mostCommon(Map.of(
                "a", report("a", false, false), "b", report("b", false, true),
                "c", report("c", true, true)), 10);

        assertThat(common.get(0).reason()).isEqualTo("run() was called instead of start()");
        assertThat(common.get(0).students()).containsExactlyInAnyOrder("a", "b");
        assertThat(common.get(1).reason()).isEqualTo("Not done yet. Task 3: join");
        assertThat(Misconceptions.reason(Verdict.check("a", "it said\nLikely cause: forged", null,
                null))).isEqualTo("it said");
    }

    @Test
    @DisplayName("a test that did not count, because a rule it needs failed, is no misconception"
            + " of its own: only the failed rule's test is counted")
    void withheldTestsAreNotMisconceptions() {
        GradeReport withheld = new GradeReport(new Submission("d", Path.of("/tmp", "x")),
                List.of(new ModuleResult(Course.THREADS, List.of(
                        new TestResult(START, false, Verdict.check("a", "b",
                                "run() was called instead of start()", null), 3),
                        new TestResult(JOIN, false, new Verdict(Kind.NEEDS_RULE, "R3.1 to be"
                                + " checked", "Not counted", "fix R2.3 first", List.of("R3.1"),
                                null, ""), 1)))), "1.0", "17", Limits.DEFAULT, 10);

        List<Misconceptions.Misconception> common = Misconceptions.mostCommon(Map.of("d",
                withheld), 10);

        assertThat(common).extracting(Misconceptions.Misconception::reason)
                .containsExactly("run() was called instead of start()");
    }

    @Test
    @DisplayName("pages escape what students wrote, and carry no script and no outside address")
    void escaping() {
        GradeReport report = new GradeReport(new Submission("<b>mallory</b>", Path.of("/m")),
                List.of(new ModuleResult(Course.THREADS, List.of(new TestResult(START, false,
                        Verdict.check("<script>alert(1)</script>", "b", null, null), 1,
                        List.of(new OutputLine(10, "T<1>",
                                "out", "<img src=x onerror=alert(1)>", false)), 0)))), "1.0",
                "17", Limits.DEFAULT, 10);

        String student = HtmlReport.render(report, run(), "../index.html");
        String klass = ClassReport.html(List.of(new ClassReport.Student("m", report)), run(),
                List.of("<i>note</i>"));

        for (String page : List.of(student, klass)) {
            assertThat(page).doesNotContain("<script").doesNotContain("<img")
                    .doesNotContain("<b>mallory").doesNotContain("<i>note")
                    .contains("default-src 'none'");
            assertThat(page.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http:")
                    .doesNotContain("https:");
        }
        assertThat(student).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("T&lt;1&gt;");
    }
}

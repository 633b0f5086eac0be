package threadlab.grader.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import threadlab.grader.protocol.Verdict;
import threadlab.grader.run.Limits;
import threadlab.grader.run.OutputLine;

/**
 * A student's page: the score, each test with its feedback, and for each test a timeline of what
 * the submission printed: a lane per thread, so the interleaving is there to see. It stands
 * alone: no script, no file or address outside the page.
 */
public final class HtmlReport {

    /** Colours of the threads' lanes, in order of appearance. */
    private static final String[] COLOURS = {"#2563eb", "#d97706", "#059669", "#db2777",
        "#7c3aed", "#0891b2", "#65a30d", "#dc2626"};

    private HtmlReport() {
    }

    /**
     * Renders a student's page.
     *
     * @param report the graded submission
     * @param run the run it belongs to
     * @param classPage the class page's address relative to this page, or {@code null}
     * @return the HTML
     */
    public static String render(GradeReport report, RunInfo run, String classPage) {
        StringBuilder b = new StringBuilder();
        if (classPage != null) {
            b.append("<p><a href=\"").append(Html.escape(classPage))
                    .append("\">&larr; the class</a></p>");
        }
        double fraction = report.maxScore() == 0 ? 0 : (double) report.score()
                / report.maxScore();
        long passed = report.tests().stream().filter(TestResult::passed).count();
        b.append("<h1>").append(Html.escape(report.submission().name())).append("</h1>")
                .append("<div class=\"card\"><div class=\"score\" id=\"score\">")
                .append(report.score()).append(" / ").append(report.maxScore())
                .append(" points</div>").append(Html.bar(fraction))
                .append("<p class=\"muted\">").append(passed).append(" of ")
                .append(report.tests().size()).append(" tests passed. ")
                .append(Html.escape(TextReport.nextStep(report))).append("</p></div>");
        if (!report.notes().isEmpty()) {
            b.append("<div class=\"card\" id=\"notes\"><h3>Notes</h3>");
            for (String note : report.notes()) {
                b.append("<p>").append(Html.escape(note)).append("</p>");
            }
            b.append("</div>");
        }
        for (ModuleResult module : report.modules()) {
            b.append("<h2>").append(Html.escape(module.module().folder())).append(": ")
                    .append(module.score()).append(" / ").append(module.maxScore())
                    .append(" points</h2>");
            boolean ran = module.notRun().isEmpty();
            if (!ran) {
                // Said once for the module, not again under each of its tests.
                b.append("<div class=\"card test failed not-run\"><p><strong>")
                        .append(Html.escape(TextReport.notRunHeading(module)))
                        .append("</strong></p><p class=\"verdict not-run\">")
                        .append(Html.escape(module.notRun())).append("</p></div>");
            }
            for (TestResult test : module.tests()) {
                test(b, test, ran);
            }
        }
        reproduce(b, report, run);
        return Html.page(report.submission().name() + ": " + report.score() + " / "
                + report.maxScore(), b.toString());
    }

    private static void test(StringBuilder b, TestResult test, boolean ran) {
        b.append("<div class=\"card test ").append(test.passed() ? "passed" : "failed")
                .append("\"><span class=\"badge ").append(test.passed() ? "pass\">PASS"
                        : "fail\">FAIL").append("</span> <strong>")
                .append(test.score()).append('/').append(test.test().points())
                .append("</strong> ").append(Html.escape(test.test().fullName()))
                .append(" <span class=\"muted\">(").append(test.millis()).append(" ms)</span>");
        if (!ran) {
            b.append("</div>");
            return;
        }
        for (String rule : test.failedRules()) {
            b.append("<p class=\"rule\">").append(Html.escape(rule)).append("</p>");
        }
        if (!test.passed()) {
            verdict(b, test.verdict());
        }
        if (!test.output().isEmpty()) {
            b.append("<details").append(test.passed() ? "" : " open")
                    .append("><summary>Timeline: ").append(test.output().size())
                    .append(test.output().size() == 1 ? " line" : " lines").append(" from ")
                    .append(threads(test.output()).size()).append(" thread")
                    .append(threads(test.output()).size() == 1 ? "" : "s")
                    .append(test.dropped() > 0 ? ", " + test.dropped() + " more not kept" : "")
                    .append("</summary>");
            timeline(b, test.output());
            b.append("</details>");
        }
        b.append("</div>");
    }

    /**
     * A failed test's verdict, field by field: a task not done yet in a sentence; otherwise what
     * was expected, what happened, the likely cause and the limit as a list of terms, and the
     * evidence as it was written.
     */
    private static void verdict(StringBuilder b, Verdict verdict) {
        if (verdict.kind() == Verdict.Kind.NOT_DONE) {
            b.append("<p class=\"verdict not-done\">").append(Html.escape(verdict.render()))
                    .append("</p>");
            return;
        }
        b.append("<dl class=\"verdict ").append(verdict.kind().name().toLowerCase(Locale.ROOT)
                .replace('_', '-')).append("\">");
        term(b, "Expected", verdict.expected());
        term(b, verdict.expected().isEmpty() ? "What happened" : "But", verdict.happened());
        term(b, "Likely cause", verdict.likelyCause());
        if (verdict.limit() != null) {
            term(b, "Limit", verdict.limit().value() + ": " + verdict.limit().what());
        }
        b.append("</dl>");
        if (!verdict.evidence().isEmpty()) {
            b.append("<pre class=\"evidence\">").append(Html.escape(verdict.evidence()))
                    .append("</pre>");
        }
    }

    private static void term(StringBuilder b, String term, String text) {
        if (!text.isEmpty()) {
            b.append("<dt>").append(term).append("</dt><dd>").append(Html.escape(text))
                    .append("</dd>");
        }
    }

    private static List<String> threads(List<OutputLine> lines) {
        List<String> threads = new ArrayList<>();
        for (OutputLine line : lines) {
            if (!threads.contains(line.thread())) {
                threads.add(line.thread());
            }
        }
        return threads;
    }

    /** The picture: a lane per thread with a mark per line at its time, then the lines. */
    static void timeline(StringBuilder b, List<OutputLine> lines) {
        List<String> threads = threads(lines);
        Map<String, String> colour = new LinkedHashMap<>();
        for (int i = 0; i < threads.size(); i++) {
            colour.put(threads.get(i), COLOURS[i % COLOURS.length]);
        }
        long first = lines.stream().mapToLong(OutputLine::micros).min().orElse(0);
        long last = lines.stream().mapToLong(OutputLine::micros).max().orElse(0);
        double span = Math.max(1, last - first);
        int labelWidth = 150;
        int width = 900;
        int lane = 22;
        int height = threads.size() * lane + 24;
        b.append(String.format(Locale.ROOT, "<svg class=\"lanes-picture\" role=\"img\""
                + " viewBox=\"0 0 %d %d\" width=\"100%%\" style=\"max-width:%dpx\""
                + " xmlns=\"http://www.w3.org/2000/svg\">", width, height, width));
        b.append("<title>Which thread printed when</title>");
        for (int i = 0; i < threads.size(); i++) {
            int y = i * lane + 14;
            String name = threads.get(i);
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\""
                    + " text-anchor=\"end\" fill=\"%s\">%s</text>", labelWidth - 8, y + 4,
                    colour.get(name), Html.escape(shorten(name, 20))));
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\""
                    + " stroke=\"#d5dae3\"/>", labelWidth, y, width - 10, y));
        }
        for (OutputLine line : lines) {
            int row = threads.indexOf(line.thread());
            double x = labelWidth + (line.micros() - first) / span * (width - labelWidth - 20);
            b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%d\" r=\"%s\""
                    + " fill=\"%s\"><title>%s</title></circle>", x, row * lane + 14,
                    line.channel().equals("sleep") ? "3" : "4.5", colour.get(line.thread()),
                    Html.escape(millis(line.micros() - first) + " " + line.thread() + ": "
                            + line.text())));
        }
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\""
                + " fill=\"#5b6475\">0 ms</text><text x=\"%d\" y=\"%d\" font-size=\"11\""
                + " text-anchor=\"end\" fill=\"#5b6475\">%s</text></svg>", labelWidth,
                height - 4, width - 10, height - 4, Html.escape(millis(last - first))));
        b.append("<table class=\"lanes\"><tr><th class=\"num\">time</th>");
        for (String thread : threads) {
            b.append("<th style=\"color:").append(colour.get(thread)).append("\">")
                    .append(Html.escape(thread)).append("</th>");
        }
        b.append("</tr>");
        for (OutputLine line : lines) {
            b.append("<tr").append(line.shared() ? " class=\"shared\" title=\"printed while the"
                    + " test class set up the run its tests share\"" : "")
                    .append("><td class=\"t\">").append(Html.escape(millis(line.micros()
                            - first))).append("</td>");
            for (String thread : threads) {
                b.append("<td>");
                if (thread.equals(line.thread())) {
                    String text = line.channel().equals("sleep") ? "(" + line.text() + ")"
                            : line.channel().equals("out") ? line.text()
                            : line.text() + "   \u2190 " + line.channel();
                    b.append("<span class=\"ch-").append(Html.escape(line.channel()))
                            .append("\">").append(Html.escape(text)).append("</span>");
                }
                b.append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</table>");
    }

    private static String millis(long micros) {
        return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    private static void reproduce(StringBuilder b, GradeReport report, RunInfo run) {
        Limits limits = report.limits();
        b.append("<h2>To reproduce this grade</h2><table class=\"reproduce\">");
        row(b, "grader", report.graderVersion());
        row(b, "JDK", report.javaVersion() + (run == null ? "" : " (" + run.javaVendor() + ")"));
        row(b, "limits", "a test " + Limits.seconds(limits.perTest()) + ", the submission "
                + Limits.seconds(limits.perSubmission()) + ", a heap of "
                + limits.maxHeapMegabytes() + " MB, " + limits.maxThreads() + " threads");
        row(b, "timings", String.format(Locale.ROOT, "%.2f s in all: compiling %.2f s, tests"
                + " %.2f s in %d test JVM%s%s", report.millis() / 1000.0,
                report.compileMillis() / 1000.0, report.testMillis() / 1000.0, report.jvms(),
                report.jvms() == 1 ? "" : "s", report.testCpuMillis() < 0 ? ""
                        : String.format(Locale.ROOT, ", which used %.2f s of processor time",
                                report.testCpuMillis() / 1000.0)));
        if (!report.sandbox().isEmpty()) {
            row(b, "sandbox", report.sandbox());
        }
        if (run != null) {
            row(b, "machine", run.os() + ", " + run.cores() + " cores, " + run.jobs()
                    + " submissions working at once");
            row(b, "test JVM options", String.join(" ", run.testJvmOptions()));
            row(b, "class-data sharing", run.classDataSharing());
            row(b, "graded at", run.startedAt());
        }
        b.append("</table>");
    }

    static void row(StringBuilder b, String key, String value) {
        b.append("<tr><th>").append(Html.escape(key)).append("</th><td>")
                .append(Html.escape(value)).append("</td></tr>");
    }
}

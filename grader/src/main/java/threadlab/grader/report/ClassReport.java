package threadlab.grader.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import threadlab.grader.run.Limits;

/**
 * The class's reports: {@code grades.csv}, a row per student and a column per test with the
 * total, and {@code index.html}, with the score distribution, each test's pass rate, the most
 * common misconceptions and a link to each student's page.
 */
public final class ClassReport {

    /** How many misconceptions the class page lists. */
    static final int MISCONCEPTIONS = 10;

    private ClassReport() {
    }

    /**
     * One student's line in the class reports.
     *
     * @param folder the student's folder under the output folder
     * @param report the grade
     */
    public record Student(String folder, GradeReport report) {
    }

    /**
     * The grades as CSV: a header, then a row per student with the points of each test, the
     * total and the most points.
     *
     * @param students the class, in order
     * @return the CSV text, with CRLF line ends as RFC 4180 has them
     */
    public static String csv(List<Student> students) {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("student"));
        if (!students.isEmpty()) {
            for (TestResult test : students.get(0).report().tests()) {
                header.add(test.test().module().folder() + ": " + test.test().fullName()
                        + " (" + test.test().points() + ")");
            }
        }
        header.add("total");
        header.add("max");
        out.append(line(header));
        for (Student student : students) {
            List<String> row = new ArrayList<>();
            row.add(student.report().submission().name());
            for (TestResult test : student.report().tests()) {
                row.add(String.valueOf(test.score()));
            }
            row.add(String.valueOf(student.report().score()));
            row.add(String.valueOf(student.report().maxScore()));
            out.append(line(row));
        }
        return out.toString();
    }

    private static String line(List<String> cells) {
        List<String> quoted = new ArrayList<>();
        for (String cell : cells) {
            String safe = cell;
            // A spreadsheet would run a cell that starts like a formula.
            if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0
                    && !safe.matches("-?\\d+")) {
                safe = "'" + safe;
            }
            if (safe.contains(",") || safe.contains("\"") || safe.contains("\n")
                    || safe.contains("\r")) {
                safe = "\"" + safe.replace("\"", "\"\"") + "\"";
            }
            quoted.add(safe);
        }
        return String.join(",", quoted) + "\r\n";
    }

    /**
     * The class page.
     *
     * @param students the class, in order
     * @param run the run
     * @param notes what the grader decided about the input, and problems of the run
     * @return the HTML
     */
    public static String html(List<Student> students, RunInfo run, List<String> notes) {
        StringBuilder b = new StringBuilder();
        int max = students.isEmpty() ? 0 : students.get(0).report().maxScore();
        List<Integer> scores = students.stream().map(s -> s.report().score()).sorted().toList();
        double mean = scores.stream().mapToInt(Integer::intValue).average().orElse(0);
        double median = scores.isEmpty() ? 0 : scores.size() % 2 == 1
                ? scores.get(scores.size() / 2)
                : (scores.get(scores.size() / 2 - 1) + scores.get(scores.size() / 2)) / 2.0;
        long full = scores.stream().filter(s -> s == max && max > 0).count();
        b.append("<h1>Class grades</h1><p class=\"muted\">").append(students.size())
                .append(students.size() == 1 ? " submission" : " submissions")
                .append(", graded by threadlab grader ").append(Html.escape(run.graderVersion()))
                .append(" at ").append(Html.escape(run.startedAt())).append(" in ")
                .append(String.format(Locale.ROOT, "%.1f s", run.millis() / 1000.0))
                .append(".</p>");
        for (String note : notes) {
            b.append("<div class=\"card note\"><p>").append(Html.escape(note))
                    .append("</p></div>");
        }
        b.append("<div class=\"card\" id=\"summary\"><table><tr><th class=\"num\">mean</th>"
                + "<th class=\"num\">median</th><th class=\"num\">lowest</th>"
                + "<th class=\"num\">highest</th><th class=\"num\">full marks</th>"
                + "<th class=\"num\">most points</th></tr><tr>")
                .append(String.format(Locale.ROOT, "<td class=\"num\">%.1f</td><td"
                        + " class=\"num\">%.1f</td><td class=\"num\">%d</td><td class=\"num\">"
                        + "%d</td><td class=\"num\">%d</td><td class=\"num\">%d</td>", mean,
                        median, scores.isEmpty() ? 0 : scores.get(0),
                        scores.isEmpty() ? 0 : scores.get(scores.size() - 1), full, max))
                .append("</tr></table></div>");
        b.append("<h2>Score distribution</h2>");
        histogram(b, scores, max);
        b.append("<h2>Pass rate per test</h2>");
        passRates(b, students);
        b.append("<h2>Most common misconceptions</h2>");
        misconceptions(b, students);
        b.append("<h2>Students</h2>");
        studentTable(b, students);
        b.append("<h2>To reproduce these grades</h2><table class=\"reproduce\">");
        HtmlReport.row(b, "grader", run.graderVersion());
        HtmlReport.row(b, "JDK", run.javaVersion() + " (" + run.javaVendor() + ")");
        HtmlReport.row(b, "machine", run.os() + ", " + run.cores() + " cores");
        HtmlReport.row(b, "submissions working at once", String.valueOf(run.jobs()));
        Limits limits = run.limits();
        HtmlReport.row(b, "limits", "a test " + Limits.seconds(limits.perTest())
                + ", a submission " + Limits.seconds(limits.perSubmission()) + ", a heap of "
                + limits.maxHeapMegabytes() + " MB, " + limits.maxThreads() + " threads");
        HtmlReport.row(b, "test JVM options", String.join(" ", run.testJvmOptions()));
        HtmlReport.row(b, "class-data sharing", run.classDataSharing());
        HtmlReport.row(b, "sandbox", run.sandbox());
        b.append("</table><p class=\"muted\">Each student's results.json has the same facts"
                + " under extra_data, and run.json has them for the class.</p>");
        return Html.page("Class grades", b.toString());
    }

    private static void histogram(StringBuilder b, List<Integer> scores, int max) {
        int bins = Math.max(1, Math.min(max + 1, 20));
        int[] counts = new int[bins];
        for (int score : scores) {
            int bin = max == 0 ? 0 : Math.min(bins - 1, score * bins / (max + 1));
            counts[bin]++;
        }
        int highest = 1;
        for (int c : counts) {
            highest = Math.max(highest, c);
        }
        int width = 900;
        int height = 220;
        int barWidth = (width - 60) / bins;
        b.append(String.format(Locale.ROOT, "<svg id=\"distribution\" role=\"img\" viewBox=\"0"
                + " 0 %d %d\" width=\"100%%\" style=\"max-width:%dpx;background:#fff;border:1px"
                + " solid #dde1e8;border-radius:8px\" xmlns=\"http://www.w3.org/2000/svg\">"
                + "<title>How many students got each score</title>", width, height, width));
        for (int i = 0; i < bins; i++) {
            int from = (int) Math.ceil((double) i * (max + 1) / bins);
            int to = (int) Math.ceil((double) (i + 1) * (max + 1) / bins) - 1;
            int h = counts[i] * (height - 60) / highest;
            int x = 40 + i * barWidth;
            String label = from == to ? String.valueOf(from) : from + "-" + to;
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\""
                    + " height=\"%d\" fill=\"#3b82f6\"><title>%s points: %d</title></rect>",
                    x + 2, height - 30 - h, barWidth - 4, h, label, counts[i]));
            if (counts[i] > 0) {
                b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\""
                        + " text-anchor=\"middle\">%d</text>", x + barWidth / 2,
                        height - 34 - h, counts[i]));
            }
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\""
                    + " text-anchor=\"middle\" fill=\"#5b6475\">%s</text>", x + barWidth / 2,
                    height - 14, label));
        }
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\""
                + " text-anchor=\"end\" fill=\"#5b6475\">points</text></svg>", width - 8,
                height - 2));
    }

    private static void passRates(StringBuilder b, List<Student> students) {
        b.append("<table id=\"pass-rates\"><tr><th>test</th><th class=\"num\">points</th>"
                + "<th class=\"num\">passed</th><th>rate</th></tr>");
        if (!students.isEmpty()) {
            List<TestResult> tests = students.get(0).report().tests();
            for (int i = 0; i < tests.size(); i++) {
                int index = i;
                long passed = students.stream()
                        .filter(s -> s.report().tests().get(index).passed()).count();
                double rate = (double) passed / students.size();
                b.append("<tr><td>").append(Html.escape(tests.get(i).test().module().folder()
                        + ": " + tests.get(i).test().fullName())).append("</td><td class=\"num\">")
                        .append(tests.get(i).test().points()).append("</td><td class=\"num\">")
                        .append(passed).append(" / ").append(students.size())
                        .append("</td><td class=\"rate\">").append(Html.bar(rate)).append(' ')
                        .append(Html.percent(rate)).append("</td></tr>");
            }
        }
        b.append("</table>");
    }

    private static void misconceptions(StringBuilder b, List<Student> students) {
        Map<String, GradeReport> byName = new LinkedHashMap<>();
        Map<String, String> folderOf = new LinkedHashMap<>();
        for (Student s : students) {
            byName.put(s.folder(), s.report());
            folderOf.put(s.folder(), s.report().submission().name());
        }
        List<Misconceptions.Misconception> common = Misconceptions.mostCommon(byName,
                MISCONCEPTIONS);
        if (common.isEmpty()) {
            b.append("<p id=\"misconceptions\">None: every test passed for every student.</p>");
            return;
        }
        b.append("<table id=\"misconceptions\"><tr><th class=\"num\">students</th>"
                + "<th>likely cause</th><th>in tests</th><th>for example</th></tr>");
        for (Misconceptions.Misconception m : common) {
            b.append("<tr><td class=\"num\">").append(m.students().size()).append("</td><td>")
                    .append(Html.escape(m.reason())).append("</td><td>");
            for (String test : m.tests().subList(0, Math.min(3, m.tests().size()))) {
                b.append(Html.escape(test)).append("<br>");
            }
            if (m.tests().size() > 3) {
                b.append("and ").append(m.tests().size() - 3).append(" more");
            }
            b.append("</td><td>");
            List<String> links = new ArrayList<>();
            for (String folder : m.students().subList(0, Math.min(3, m.students().size()))) {
                links.add("<a href=\"" + Html.escape(folder) + "/report.html\">"
                        + Html.escape(folderOf.get(folder)) + "</a>");
            }
            b.append(String.join(", ", links)).append("</td></tr>");
        }
        b.append("</table>");
    }

    private static void studentTable(StringBuilder b, List<Student> students) {
        b.append("<table id=\"students\"><tr><th>student</th><th class=\"num\">points</th>"
                + "<th></th><th class=\"num\">time</th><th>next step</th></tr>");
        for (Student s : students) {
            GradeReport r = s.report();
            double fraction = r.maxScore() == 0 ? 0 : (double) r.score() / r.maxScore();
            b.append("<tr><td><a href=\"").append(Html.escape(s.folder()))
                    .append("/report.html\">").append(Html.escape(r.submission().name()))
                    .append("</a></td><td class=\"num\">").append(r.score()).append(" / ")
                    .append(r.maxScore()).append("</td><td class=\"rate\">")
                    .append(Html.bar(fraction))
                    .append("</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%.1f s", r.millis() / 1000.0))
                    .append("</td><td>").append(Html.escape(shorten(TextReport.nextStep(r))))
                    .append("</td></tr>");
        }
        b.append("</table>");
    }

    private static String shorten(String text) {
        return text.length() <= 160 ? text : text.substring(0, 157) + "...";
    }
}

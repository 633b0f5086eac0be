package threadlab.grader.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import threadlab.grader.discover.Visibility;
import threadlab.grader.protocol.Verdict;
import threadlab.grader.run.Sandbox;

/**
 * Writes a report in Gradescope's {@code results.json} format: the score, the most points, and
 * one entry per test with its name, points, status, feedback, visibility and the module's folder
 * as a tag; under the test's {@code extra_data}, a failed test's verdict in fields. Each test's
 * visibility comes from the rubric; the summary at the top, which students see at once, names no
 * test whose result is to be shown later.
 */
public final class GradescopeResults {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    private GradescopeResults() {
    }

    /**
     * The report as Gradescope's JSON.
     *
     * @param report the graded submission
     * @return the JSON tree
     */
    public static ObjectNode toJson(GradeReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("score", report.score());
        root.put("max_score", report.maxScore());
        root.put("execution_time", Math.round(report.millis() / 1000.0));
        // Shown at once: only what the grader wrote, nothing the submission's code chose.
        StringBuilder output = new StringBuilder(nextStep(report));
        // The grader's own sentence, never student text: shown at once, like the summary.
        report.notes().stream().filter(note -> note.startsWith(Sandbox.WITHOUT))
                .forEach(note -> output.append("\n\nNote: ").append(note));
        root.put("output", output.toString());
        root.put("visibility", "visible");
        root.put("stdout_visibility", "hidden");
        ObjectNode reproduce = root.putObject("extra_data");
        reproduce.put("grader_version", report.graderVersion());
        reproduce.put("java_version", report.javaVersion());
        reproduce.put("per_test_limit_seconds", report.limits().perTest().toSeconds());
        reproduce.put("per_submission_limit_seconds", report.limits().perSubmission().toSeconds());
        reproduce.put("heap_megabytes", report.limits().maxHeapMegabytes());
        reproduce.put("max_threads", report.limits().maxThreads());
        reproduce.put("grading_millis", report.millis());
        reproduce.put("compile_millis", report.compileMillis());
        reproduce.put("test_millis", report.testMillis());
        reproduce.put("test_jvms", report.jvms());
        if (report.testCpuMillis() >= 0) {
            reproduce.put("test_jvm_cpu_millis", report.testCpuMillis());
        }
        if (!report.sandbox().isEmpty()) {
            reproduce.put("sandbox", report.sandbox());
        }
        ArrayNode notes = reproduce.putArray("notes");
        report.notes().forEach(notes::add);
        ArrayNode tests = root.putArray("tests");
        int number = 0;
        for (ModuleResult module : report.modules()) {
            for (TestResult test : module.tests()) {
                ObjectNode entry = tests.addObject();
                entry.put("name", test.test().fullName());
                entry.put("number", String.valueOf(++number));
                entry.put("score", test.score());
                entry.put("max_score", test.test().points());
                entry.put("status", test.passed() ? "passed" : "failed");
                entry.put("output", test.passed() ? "" : String.join("\n",
                        Stream.concat(test.failedRules().stream(), Stream.of(test.feedback()))
                                .toList()));
                entry.put("visibility", test.test().visibility().word());
                entry.putArray("tags").add(module.module().folder());
                ObjectNode extra = entry.putObject("extra_data");
                extra.put("millis", test.millis());
                if (!test.passed()) {
                    verdict(extra.putObject("verdict"), test.verdict());
                }
            }
        }
        return root;
    }

    /**
     * A failed test's verdict, field by field, beside its {@code output}: {@code kind},
     * {@code expected}, {@code happened}, {@code likely_cause}, {@code rules}, {@code limit}
     * ({@code value} and {@code what}) and {@code evidence}; an empty text is left out.
     */
    private static void verdict(ObjectNode node, Verdict verdict) {
        node.put("kind", verdict.kind().name());
        putText(node, "expected", verdict.expected());
        putText(node, "happened", verdict.happened());
        putText(node, "likely_cause", verdict.likelyCause());
        ArrayNode rules = node.putArray("rules");
        verdict.rules().forEach(rules::add);
        if (verdict.limit() != null) {
            node.putObject("limit").put("value", verdict.limit().value())
                    .put("what", verdict.limit().what());
        }
        putText(node, "evidence", verdict.evidence());
    }

    private static void putText(ObjectNode node, String key, String text) {
        if (!text.isEmpty()) {
            node.put(key, text);
        }
    }

    /**
     * What to do next, from the tests whose results students see at once, and when the others'
     * results are shown.
     *
     * @param report the graded submission
     * @return the advice
     */
    static String nextStep(GradeReport report) {
        List<TestResult> all = report.tests();
        Map<Visibility, Long> later = new EnumMap<>(Visibility.class);
        all.stream().map(t -> t.test().visibility()).filter(v -> v != Visibility.VISIBLE)
                .forEach(v -> later.merge(v, 1L, Long::sum));
        if (later.isEmpty()) {
            return firstStep(report);
        }
        List<ModuleResult> shown = report.modules().stream().map(m -> new ModuleResult(
                m.module(), m.tests().stream().filter(t -> t.test().visibility()
                        == Visibility.VISIBLE).toList(), "")).filter(m -> !m.tests().isEmpty())
                .toList();
        String rest = whenShown(all.size(), later);
        String wide = moduleWide(report);
        if (!wide.isEmpty()) {
            rest = wide + "\n\n" + rest;
        }
        if (shown.isEmpty()) {
            return (wide.isEmpty() ? "Graded. " : "") + rest;
        }
        GradeReport visible = new GradeReport(report.submission(), shown, report.graderVersion(),
                report.javaVersion(), report.limits(), report.millis());
        if (visible.firstFailure().isEmpty()) {
            return "Every test whose result is shown now passed. " + rest;
        }
        return firstStep(visible) + "\n\n" + rest;
    }

    /**
     * What to do first, naming the first failed test but not quoting its feedback, which may
     * carry what the submission's code chose; the test's own result shows it.
     */
    private static String firstStep(GradeReport report) {
        String wide = moduleWide(report);
        if (!wide.isEmpty()) {
            return wide;
        }
        Optional<TestResult> first = report.firstFailure();
        boolean nothingDone = report.tests().stream()
                .allMatch(t -> t.verdict().kind() == Verdict.Kind.NOT_DONE);
        if (first.isEmpty() || nothingDone) {
            return TextReport.nextStep(report);
        }
        return "Next step: " + first.get().test().module().folder() + ", \""
                + first.get().test().fullName() + "\": its result below says what failed.";
    }

    /**
     * When the results that are not shown at once are shown, such as "Of the 5 tests, 3 show
     * their results once the grades are published and 1 only to the course staff."
     */
    private static String whenShown(int total, Map<Visibility, Long> later) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Visibility, Long> entry : later.entrySet()) {
            String when = switch (entry.getKey()) {
                case AFTER_PUBLISHED -> "once the grades are published";
                case AFTER_DUE_DATE -> "after the due date";
                default -> "only to the course staff";
            };
            long count = entry.getValue();
            if (later.size() == 1 && count == total) {
                return (total == 1 ? "The test shows its result " : "All " + total
                        + " tests show their results ") + when + ".";
            }
            String verb = count == 1 ? " shows its result " : " show their results ";
            parts.add(count + (parts.isEmpty() ? verb : " ") + when);
        }
        String last = parts.remove(parts.size() - 1);
        return "Of the " + total + " tests, " + (parts.isEmpty() ? "" : String.join(", ", parts)
                + " and ") + last + ".";
    }

    /**
     * Why whole modules could not be tested (a submission that could not be read, a module
     * missing or not compiling): that names no test, and the student needs it at once. It is
     * found before any of the submission's code runs, so no running code chose its text.
     */
    private static String moduleWide(GradeReport report) {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (ModuleResult module : report.modules()) {
            if (!module.notRun().isEmpty()) {
                reasons.put(module.module().folder(), module.notRun());
            }
        }
        if (reasons.size() == report.modules().size()
                && reasons.values().stream().distinct().count() == 1) {
            return reasons.values().iterator().next();
        }
        return reasons.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n\n"));
    }

    /**
     * Writes the report's JSON to a file, whole or not at all.
     *
     * @param report the graded submission
     * @param file where to write
     * @throws IOException if the file cannot be written
     */
    public static void write(GradeReport report, Path file) throws IOException {
        ReportFiles.write(file, JSON.writeValueAsString(toJson(report)) + "\n");
    }

    /**
     * The report's JSON as text.
     *
     * @param report the graded submission
     * @param run the run it belongs to, whose facts go under {@code extra_data}, or {@code null}
     * @return the text
     * @throws IOException if it cannot be written as JSON
     */
    public static String text(GradeReport report, RunInfo run) throws IOException {
        ObjectNode json = toJson(report);
        if (run != null) {
            ObjectNode reproduce = (ObjectNode) json.get("extra_data");
            reproduce.put("java_vendor", run.javaVendor());
            reproduce.put("os", run.os());
            reproduce.put("cores", run.cores());
            reproduce.put("jobs", run.jobs());
            reproduce.put("graded_at", run.startedAt());
            reproduce.put("class_data_sharing", run.classDataSharing());
            ArrayNode options = reproduce.putArray("test_jvm_options");
            run.testJvmOptions().forEach(options::add);
        }
        return JSON.writeValueAsString(json) + "\n";
    }

    /**
     * The run's facts as JSON, for {@code run.json}.
     *
     * @param run the run
     * @param students how many submissions
     * @param problems problems of the run itself
     * @return the text
     * @throws IOException if it cannot be written as JSON
     */
    public static String runJson(RunInfo run, int students, java.util.List<String> problems)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("grader_version", run.graderVersion());
        root.put("java_version", run.javaVersion());
        root.put("java_vendor", run.javaVendor());
        root.put("os", run.os());
        root.put("cores", run.cores());
        root.put("jobs", run.jobs());
        root.put("per_test_limit_seconds", run.limits().perTest().toSeconds());
        root.put("per_submission_limit_seconds", run.limits().perSubmission().toSeconds());
        root.put("heap_megabytes", run.limits().maxHeapMegabytes());
        root.put("max_threads", run.limits().maxThreads());
        ArrayNode options = root.putArray("test_jvm_options");
        run.testJvmOptions().forEach(options::add);
        root.put("class_data_sharing", run.classDataSharing());
        root.put("sandbox", run.sandbox());
        root.put("started_at", run.startedAt());
        root.put("millis", run.millis());
        root.put("submissions", students);
        ArrayNode list = root.putArray("problems");
        problems.forEach(list::add);
        return JSON.writeValueAsString(root) + "\n";
    }
}

package threadlab.grader.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a report in Gradescope's {@code results.json} format: the score, the most points, and
 * one entry per test with its name, points, status, feedback, visibility and the module's folder
 * as a tag.
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
        root.put("output", TextReport.nextStep(report));
        root.put("visibility", "visible");
        root.put("stdout_visibility", "hidden");
        ObjectNode reproduce = root.putObject("extra_data");
        reproduce.put("grader_version", report.graderVersion());
        reproduce.put("java_version", report.javaVersion());
        reproduce.put("per_test_limit_seconds", report.limits().perTest().toSeconds());
        reproduce.put("per_submission_limit_seconds", report.limits().perSubmission().toSeconds());
        reproduce.put("heap_megabytes", report.limits().maxHeapMegabytes());
        reproduce.put("grading_millis", report.millis());
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
                entry.put("output", test.passed() ? "" : test.feedback());
                entry.put("visibility", "visible");
                entry.putArray("tags").add(module.module().folder());
                entry.putObject("extra_data").put("millis", test.millis());
            }
        }
        return root;
    }

    /**
     * Writes the report's JSON to a file, whole or not at all.
     *
     * @param report the graded submission
     * @param file where to write
     * @throws IOException if the file cannot be written
     */
    public static void write(GradeReport report, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        JSON.writeValue(partial.toFile(), toJson(report));
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    }
}

package threadlab.grader.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.course.Course;
import threadlab.grader.course.ExerciseModule;
import threadlab.grader.testing.GraderProcess;
import threadlab.grader.testing.Submissions;

/**
 * The student's loop ({@code ./mvnw -q -f watch}) gives the same verdicts as {@code ./mvnw test}:
 * in an exported handout, on the skeletons and on the reference solutions, every visible test of
 * every module passes in one exactly when it passes in the other. A parameterized test counts as
 * passed when each of its runs passed.
 */
class WatchAgreesWithMavenIT {

    /** A test in Surefire's XML report: method (before any parameters), class, and body. */
    private static final Pattern TESTCASE = Pattern.compile("<testcase"
            + " name=\"([^\"(\\[]+)[^\"]*\" classname=\"([^\"]+)\"[^>]*?(/>|>(.*?)</testcase>)",
            Pattern.DOTALL);

    @Test
    @DisplayName("on the skeletons, the watch and Maven fail and pass the same tests")
    void onTheSkeletons(@TempDir Path dir) throws Exception {
        Path handout = export(dir);

        Map<String, Boolean> maven = maven(handout);
        Map<String, Boolean> watch = watch(handout, dir);

        assertThat(watch).isEqualTo(maven).containsValue(false);
    }

    @Test
    @DisplayName("on the reference solutions, the watch and Maven pass the same tests: all")
    void onTheSolutions(@TempDir Path dir) throws Exception {
        Path handout = export(dir);
        Path solutions = GraderProcess.courseRoot().resolve("solutions");
        for (ExerciseModule module : Course.modules()) {
            Submissions.copy(solutions.resolve(module.sourceFolder()),
                    handout.resolve(module.sourceFolder()));
        }

        Map<String, Boolean> maven = maven(handout);
        Map<String, Boolean> watch = watch(handout, dir);

        assertThat(watch).isEqualTo(maven).doesNotContainValue(false);
    }

    private static Path export(Path dir) throws Exception {
        Path handout = dir.resolve("handout");
        GraderProcess.Result result = GraderProcess.run(GraderProcess.courseRoot(),
                "export-student", handout.toString());
        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        return handout;
    }

    /** Each visible test's outcome in Surefire's reports after {@code ./mvnw test}. */
    private static Map<String, Boolean> maven(Path handout) throws Exception {
        String output = wrapper(handout, "-B", "test", "-Dmaven.test.failure.ignore=true");
        Map<String, Boolean> passed = new TreeMap<>();
        for (ExerciseModule module : Course.modules()) {
            Path reports = handout.resolve(module.folder()).resolve("target/surefire-reports");
            assertThat(reports).as(output).isDirectory();
            try (Stream<Path> files = Files.list(reports)) {
                for (Path report : files.filter(f -> f.getFileName().toString().startsWith(
                        "TEST-")).toList()) {
                    Matcher test = TESTCASE.matcher(Files.readString(report,
                            StandardCharsets.UTF_8));
                    while (test.find()) {
                        String body = test.group(4) == null ? "" : test.group(4);
                        boolean failed = body.contains("<failure") || body.contains("<error");
                        passed.merge(test.group(2) + "#" + test.group(1), !failed,
                                Boolean::logicalAnd);
                    }
                }
            }
        }
        assertThat(passed).as(output).isNotEmpty();
        return passed;
    }

    /** Each visible test's outcome as the watch reports it, run once over every module. */
    private static Map<String, Boolean> watch(Path handout, Path dir) throws Exception {
        Path report = dir.resolve("watch-report.txt");
        String output = wrapper(handout, "-q", "-f", "watch", "-Donce=true",
                "-Dreport=" + report);
        assertThat(report).as(output).isRegularFile();
        Map<String, Boolean> passed = new TreeMap<>();
        for (String line : Files.readAllLines(report, StandardCharsets.UTF_8)) {
            String[] keyAndStatus = line.split(" ");
            if (!keyAndStatus[1].equals("SKIPPED")) {
                passed.merge(keyAndStatus[0], keyAndStatus[1].equals("PASSED"),
                        Boolean::logicalAnd);
            }
        }
        assertThat(output).contains("Verdict in ");
        return passed;
    }

    private static String wrapper(Path handout, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(handout.resolve("mvnw").toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("watch-maven", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(handout.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("Maven ran past 10 minutes: " + command);
            }
            String output = Files.readString(log);
            assertThat(process.exitValue()).as(output).isZero();
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}

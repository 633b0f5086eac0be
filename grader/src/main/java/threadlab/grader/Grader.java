package threadlab.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import threadlab.grader.compile.ModuleCompiler;
import threadlab.grader.course.Course;
import threadlab.grader.course.ExerciseModule;
import threadlab.grader.discover.GraderFiles;
import threadlab.grader.discover.HiddenTest;
import threadlab.grader.discover.HiddenTestCatalog;
import threadlab.grader.report.GradeReport;
import threadlab.grader.report.ModuleResult;
import threadlab.grader.report.TestResult;
import threadlab.grader.run.Limits;
import threadlab.grader.run.TestJvmRunner;
import threadlab.grader.run.TestOutcome;
import threadlab.grader.submission.Submission;

/**
 * Grades a submission: discover the hidden tests, compile each module on its own, run the tests
 * of the modules that compiled in a JVM of their own, and report.
 *
 * <pre>{@code
 * GradeReport report = new Grader(Limits.DEFAULT).grade(Submission.at(Path.of("solutions")));
 * System.out.print(TextReport.render(report));
 * }</pre>
 */
public final class Grader {

    private final Limits limits;

    /**
     * A grader with limits.
     *
     * @param limits the time and memory bounds for each submission
     */
    public Grader(Limits limits) {
        this.limits = limits;
    }

    /**
     * Grades a submission.
     *
     * @param submission the submission
     * @return its report
     * @throws GraderException if the grader cannot work on this machine or its files are broken
     */
    public GradeReport grade(Submission submission) throws GraderException {
        long start = System.nanoTime();
        Path work = temporaryFolder();
        try {
            GraderFiles files = GraderFiles.locate(work);
            HiddenTestCatalog catalog = new HiddenTestCatalog(files);
            ModuleCompiler compiler = new ModuleCompiler();

            Map<ExerciseModule, List<HiddenTest>> plan = new LinkedHashMap<>();
            Map<ExerciseModule, Path> compiled = new LinkedHashMap<>();
            Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
            List<String> toRun = new ArrayList<>();
            for (ExerciseModule module : Course.modules()) {
                List<HiddenTest> tests = catalog.discover(module);
                plan.put(module, tests);
                try {
                    compiled.put(module, compiler.compile(submission, module,
                            uses(module, compiled, files),
                            work.resolve("classes").resolve(module.folder())));
                    tests.forEach(t -> toRun.add(t.uniqueId()));
                } catch (GradingFailure failure) {
                    tests.forEach(t -> outcomes.put(t.uniqueId(),
                            TestOutcome.failed(t.uniqueId(), failure, 0)));
                }
            }
            if (!toRun.isEmpty()) {
                List<Path> classpath = new ArrayList<>(compiled.values());
                for (ExerciseModule module : compiled.keySet()) {
                    for (Path used : uses(module, compiled, files)) {
                        if (!classpath.contains(used)) {
                            classpath.add(used);
                        }
                    }
                }
                classpath.add(files.hiddenTests());
                classpath.addAll(files.runtimeClasspath());
                outcomes.putAll(new TestJvmRunner(limits).run(classpath, toRun,
                        work.resolve("run")));
            }

            List<ModuleResult> modules = new ArrayList<>();
            plan.forEach((module, tests) -> modules.add(new ModuleResult(module, tests.stream()
                    .map(t -> result(t, outcomes.get(t.uniqueId()))).toList())));
            return new GradeReport(submission, modules, version(),
                    Runtime.version().toString(), limits, (System.nanoTime() - start) / 1_000_000);
        } finally {
            deleteQuietly(work);
        }
    }

    /**
     * The classes a module builds on: the submission's own build of each module it uses, or, where
     * that did not compile, the course's, so that a compile error costs only its own module.
     */
    private static List<Path> uses(ExerciseModule module, Map<ExerciseModule, Path> compiled,
            GraderFiles files) {
        List<Path> classes = new ArrayList<>();
        for (ExerciseModule used : module.uses()) {
            classes.add(compiled.getOrDefault(used, files.courseApi(used)));
        }
        return classes;
    }

    private static TestResult result(HiddenTest test, TestOutcome outcome) {
        if (outcome == null) {
            return new TestResult(test, false, "Not run: the grader lost this test's result."
                    + " Please report this to the course staff.", 0);
        }
        return new TestResult(test, outcome.passed(), outcome.feedback(), outcome.millis());
    }

    /**
     * The grader's version, from its jar.
     *
     * @return the version, or {@code development} when run from a build folder
     */
    public static String version() {
        String version = Grader.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    private static Path temporaryFolder() throws GraderException {
        try {
            return Files.createTempDirectory("threadlab-grader-");
        } catch (IOException e) {
            throw new GraderException("Could not make a temporary folder to grade in ("
                    + e.getMessage() + "). Check that the temporary folder "
                    + System.getProperty("java.io.tmpdir") + " exists and has space.", e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover temporary folder is not worth failing a grade for.
        }
    }
}

package threadlab.grader.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged grader as a user does, {@code java -jar grader.jar ...}, in a process of its
 * own, and keeps what it printed.
 */
public final class GraderProcess {

    /** No grading of one submission in these tests may take longer than this. */
    private static final long LIMIT_SECONDS = 240;
    /** No grading of a class in these tests may take longer than this, on a busy machine too. */
    private static final long CLASS_LIMIT_SECONDS = 900;

    private GraderProcess() {
    }

    /**
     * What a grader run printed and returned.
     *
     * @param exitCode the exit code
     * @param stdout standard output
     * @param stderr standard error
     */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    /**
     * The course repository's root.
     *
     * @return the folder with the top-level pom
     */
    public static Path courseRoot() {
        return Path.of(System.getProperty("threadlab.root", "..")).toAbsolutePath().normalize();
    }

    /**
     * Runs the grader jar.
     *
     * @param workingDir the folder to run it in
     * @param args its arguments
     * @return what it did
     * @throws Exception if it cannot be started or runs past the limit
     */
    public static Result run(Path workingDir, String... args) throws Exception {
        return run(workingDir, LIMIT_SECONDS, args);
    }

    /**
     * Runs the grader jar, with a time limit of its own.
     *
     * @param workingDir the folder to run it in
     * @param limitSeconds how long it may run
     * @param args its arguments
     * @return what it did
     * @throws Exception if it cannot be started or runs past the limit
     */
    public static Result run(Path workingDir, long limitSeconds, String... args)
            throws Exception {
        return run(workingDir, limitSeconds, java.util.Map.of(), args);
    }

    /**
     * Runs the grader jar with some environment variables set, such as a PATH without a program.
     *
     * @param workingDir the folder to run it in
     * @param limitSeconds how long it may run
     * @param environment the variables to set
     * @param args its arguments
     * @return what it did
     * @throws Exception if it cannot be started or runs past the limit
     */
    public static Result run(Path workingDir, long limitSeconds,
            java.util.Map<String, String> environment, String... args) throws Exception {
        List<String> command = command(args);
        Path out = Files.createTempFile("grader-out", ".txt");
        Path err = Files.createTempFile("grader-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            Process process = builder.directory(workingDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(limitSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("the grader ran past " + limitSeconds + " s: "
                        + command);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static List<String> command(String... args) {
        Path jar = Path.of(System.getProperty("grader.jar", "target/grader.jar"))
                .toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: these tests run after package");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Starts the grader jar and lets it run, for a command that runs until it is stopped, such
     * as {@code check --watch}.
     *
     * @param workingDir the folder to run it in
     * @param args its arguments
     * @return the running grader; close it to stop it
     * @throws IOException if it cannot be started
     */
    public static Running start(Path workingDir, String... args) throws IOException {
        Path out = Files.createTempFile("grader-out", ".txt");
        Path err = Files.createTempFile("grader-err", ".txt");
        Process process = new ProcessBuilder(command(args)).directory(workingDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new Running(process, out, err);
    }

    /**
     * A grader that runs until it is closed.
     *
     * @param process its process
     * @param out where its standard output goes
     * @param err where its standard error goes
     */
    public record Running(Process process, Path out, Path err) implements AutoCloseable {

        /**
         * What it printed so far.
         *
         * @return standard output
         * @throws IOException if it cannot be read
         */
        public String stdout() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8);
        }

        /**
         * What it printed to standard error so far.
         *
         * @return standard error
         * @throws IOException if it cannot be read
         */
        public String stderr() throws IOException {
            return Files.readString(err, StandardCharsets.UTF_8);
        }

        /** Stops it and its test JVMs, and deletes what it printed. */
        @Override
        public void close() throws IOException {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * Grades a submission and reads the Gradescope JSON it wrote.
     *
     * @param submission the submission's folder
     * @param extraArgs more options, such as a shorter test timeout
     * @return the parsed results.json
     * @throws Exception if grading fails to produce it
     */
    public static Graded grade(Path submission, String... extraArgs) throws Exception {
        Path json = Files.createTempFile("results", ".json");
        try {
            List<String> args = new ArrayList<>(List.of("grade", submission.toString(),
                    "--json", json.toString()));
            args.addAll(List.of(extraArgs));
            Result result = run(courseRoot(), args.toArray(String[]::new));
            if (result.exitCode() != 0) {
                throw new IllegalStateException("grading failed with exit code "
                        + result.exitCode() + ":\n" + result.stdout() + result.stderr());
            }
            return new Graded(result, new ObjectMapper().readTree(json.toFile()));
        } finally {
            Files.deleteIfExists(json);
        }
    }

    /**
     * Grades a class and reads the reports it wrote.
     *
     * @param out the output folder
     * @param args the submissions and any options; {@code --out} is added
     * @return what the grader printed and wrote
     * @throws Exception if the grader cannot be run
     */
    public static ClassGraded gradeClass(Path out, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("grade"));
        all.addAll(List.of(args));
        all.add("--out");
        all.add(out.toString());
        return new ClassGraded(run(courseRoot(), CLASS_LIMIT_SECONDS,
                all.toArray(String[]::new)), out);
    }

    /**
     * A graded class: what the grader printed, and the folder of reports.
     *
     * @param printed what the grader printed
     * @param out the output folder
     */
    public record ClassGraded(Result printed, Path out) {

        /**
         * A student's grade, from their results.json.
         *
         * @param folder the student's folder under the output folder
         * @return the grade
         * @throws Exception if the file is missing or not JSON
         */
        public Graded student(String folder) throws Exception {
            Path json = out.resolve(folder).resolve("results.json");
            if (!Files.isRegularFile(json)) {
                throw new AssertionError("no " + json + "; the grader printed:\n"
                        + printed.stdout() + printed.stderr());
            }
            return new Graded(printed, new ObjectMapper().readTree(json.toFile()));
        }

        /**
         * A report file's text.
         *
         * @param relative the file, relative to the output folder
         * @return its text
         * @throws Exception if it is missing
         */
        public String file(String relative) throws Exception {
            return Files.readString(out.resolve(relative), StandardCharsets.UTF_8);
        }
    }

    /**
     * A graded submission: the printed report and the results.json.
     *
     * @param printed what the grader printed
     * @param results the parsed results.json
     */
    public record Graded(Result printed, JsonNode results) {

        /**
         * The score.
         *
         * @return the top-level score
         */
        public int score() {
            return results.get("score").asInt();
        }

        /**
         * The most points.
         *
         * @return the top-level max_score
         */
        public int maxScore() {
            return results.get("max_score").asInt();
        }

        /**
         * The one test whose name contains a fragment. A fragment that more tests contain is an
         * error, not the first of them: a hidden test added later must not take over what an
         * assertion checks.
         *
         * @param nameFragment part of the test's name, found in no other
         * @return the test's JSON entry
         */
        public JsonNode test(String nameFragment) {
            List<JsonNode> named = named(nameFragment);
            if (named.size() != 1) {
                throw new AssertionError((named.isEmpty() ? "no test" : named.size() + " tests")
                        + " named like \"" + nameFragment + "\"; use a part of one test's name"
                        + " only. The tests: " + (named.isEmpty() ? results.get("tests")
                        : named.stream().map(t -> t.get("name").asText()).toList()));
            }
            return named.get(0);
        }

        /**
         * The first of the tests whose names contain a fragment, for a failure that every test
         * of a group shares (a module that could not be compiled, say).
         *
         * @param group part of the names of the tests, a task's title
         * @return the first test's JSON entry
         */
        public JsonNode firstTestOf(String group) {
            List<JsonNode> named = named(group);
            if (named.isEmpty()) {
                throw new AssertionError("no test named like \"" + group + "\" in "
                        + results.get("tests"));
            }
            return named.get(0);
        }

        private List<JsonNode> named(String fragment) {
            List<JsonNode> named = new ArrayList<>();
            for (JsonNode test : results.get("tests")) {
                if (test.get("name").asText().contains(fragment)) {
                    named.add(test);
                }
            }
            return named;
        }
    }
}

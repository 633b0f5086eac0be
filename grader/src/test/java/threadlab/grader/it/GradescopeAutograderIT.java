package threadlab.grader.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.testing.GraderProcess;
import threadlab.grader.testing.GraderProcess.Result;
import threadlab.grader.testing.Submissions;

/**
 * The Gradescope autograder, built by {@code gradescope OUT} and run as Gradescope runs it:
 * {@code run_autograder} in a folder laid out like {@code /autograder} (source/ with the bundle,
 * submission/ with the student's upload, results/), found through {@code AUTOGRADER_ROOT}.
 * setup.sh is not run: it installs a JDK as root from the network.
 */
class GradescopeAutograderIT {

    private static final String THREADS = "module-03-threads";
    private static final String PRINTS = "prints the announcement with n, then the wake-up";
    private static final long LIMIT_SECONDS = 300;

    @TempDir
    static Path work;

    private static Path bundle;
    private static Result built;

    @BeforeAll
    static void buildTheAutograder() throws Exception {
        bundle = work.resolve("autograder");
        built = GraderProcess.run(work, "gradescope", bundle.toString(), "--zip");
        assertThat(built.exitCode()).as(built.stdout() + built.stderr()).isZero();
    }

    /** Lays out an /autograder folder with the bundle and runs run_autograder in it. */
    private static JsonNode runAutograder(Path from, Path root, String path) throws Exception {
        Files.createDirectories(root.resolve("results"));
        Files.createDirectories(root.resolve("submission"));
        Submissions.copy(from, root.resolve("source"));
        Path script = root.resolve("source/run_autograder");
        ProcessBuilder builder = new ProcessBuilder(script.toString()).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(root.resolve("stdout").toFile());
        builder.environment().put("AUTOGRADER_ROOT", root.toString());
        builder.environment().put("PATH", path);
        Process process = builder.start();
        if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("run_autograder ran past " + LIMIT_SECONDS + " s");
        }
        String stdout = Files.readString(root.resolve("stdout"), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(stdout).isZero();
        Path results = root.resolve("results/results.json");
        assertThat(results).as(stdout).isRegularFile();
        return new ObjectMapper().readTree(results.toFile());
    }

    /** A PATH on which the JDK running these tests comes first, as setup.sh's would. */
    private static String pathWithJava() {
        return Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH");
    }

    private static Path tool(String name) {
        return Stream.of("/usr/bin", "/bin").map(d -> Path.of(d, name))
                .filter(Files::isExecutable).findFirst().orElseThrow();
    }

    private static List<JsonNode> tests(JsonNode results) {
        return StreamSupport.stream(results.get("tests").spliterator(), false).toList();
    }

    private static int sum(List<JsonNode> tests, String field) {
        return tests.stream().mapToInt(t -> t.get(field).asInt()).sum();
    }

    @Test
    @DisplayName("the bundle has both scripts, executable with a shebang, at the zip's root")
    void bundleLayout() throws Exception {
        assertThat(built.stdout()).contains("Wrote the Gradescope autograder to");
        for (String script : List.of("setup.sh", "run_autograder")) {
            Path file = bundle.resolve(script);
            assertThat(Files.readString(file)).startsWith("#!/usr/bin/env bash\n");
            assertThat(Files.isExecutable(file)).as(script).isTrue();
            Process check = new ProcessBuilder("bash", "-n", file.toString())
                    .redirectErrorStream(true).start();
            assertThat(check.waitFor()).as(new String(check.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8)).isZero();
        }
        assertThat(Files.readString(bundle.resolve("setup.sh")))
                .contains("apt-get install -y --no-install-recommends openjdk-17-jdk-headless")
                .contains(" bubblewrap");
        assertThat(Files.readString(bundle.resolve("run_autograder"))).doesNotContain("@MAX")
                .doesNotContain("@SANDBOX").contains("sandbox=auto")
                .contains("--sandbox \"$sandbox\"");
        Path zip = work.resolve("autograder.zip");
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()),
                Map.of("enablePosixFileAttributes", "true"));
                Stream<Path> root = Files.list(fs.getPath("/"))) {
            assertThat(root.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("setup.sh", "run_autograder", "grader.jar",
                            "rubric.yaml");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    fs.getPath("/run_autograder")))).isEqualTo("rwxr-xr-x");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    fs.getPath("/setup.sh")))).isEqualTo("rwxr-xr-x");
        }
    }

    @Test
    @DisplayName("the solutions, uploaded as the repository, get full marks, shown once published")
    void solutionsGetFullMarks() throws Exception {
        Path root = work.resolve("solutions");
        Submissions.solution(root.resolve("submission"));

        JsonNode results = runAutograder(bundle, root, pathWithJava());

        List<JsonNode> tests = tests(results);
        assertThat(tests).isNotEmpty();
        assertThat(results.get("max_score").asInt()).isPositive()
                .isEqualTo(sum(tests, "max_score"));
        assertThat(results.get("score").asInt()).isEqualTo(results.get("max_score").asInt());
        assertThat(tests).allSatisfy(t -> {
            assertThat(t.get("status").asText()).isEqualTo("passed");
            assertThat(t.get("visibility").asText()).isEqualTo("after_published");
        });
        assertThat(results.get("output").asText()).contains("once the grades are published")
                .doesNotContain(PRINTS);
        Result rubric = GraderProcess.run(work, "rubric");
        assertThat(rubric.exitCode()).as(rubric.stderr()).isZero();
        assertThat(rubric.stdout().lines().filter(l -> l.contains(": {points: ")))
                .hasSize(tests.size());
    }

    @Test
    @DisplayName("the rubric given when the bundle was built sets points and visibility; a zip"
            + " of module 3 alone in an extra folder is graded")
    void rubricAndAZipOfOneModule() throws Exception {
        Path rubric = Files.writeString(work.resolve("rubric.yaml"), """
                modules:
                  module-03-threads:
                    visibility: visible
                    tests:
                      Task1SleeperHiddenTests.printsTheTwoLines: {points: 7, visibility: hidden}
                """);
        Path custom = work.resolve("custom");
        Result build = GraderProcess.run(work, "gradescope", custom.toString(), "--rubric",
                rubric.toString());
        assertThat(build.exitCode()).as(build.stdout() + build.stderr()).isZero();
        Path upload = Submissions.solution(work.resolve("threads-only"));
        Submissions.withoutModule(upload, "module-01-refcount");
        Submissions.withoutModule(upload, "module-02-gil");
        Path root = work.resolve("custom-run");
        Files.createDirectories(root.resolve("submission"));
        Submissions.zip(upload, root.resolve("submission/threadlab.zip"), "threadlab-main/");

        JsonNode results = runAutograder(custom, root, pathWithJava());

        List<JsonNode> tests = tests(results);
        List<JsonNode> threads = tests.stream()
                .filter(t -> t.get("tags").get(0).asText().equals(THREADS)).toList();
        JsonNode prints = threads.stream().filter(t -> t.get("name").asText().contains(PRINTS))
                .findFirst().orElseThrow();
        assertThat(prints.get("max_score").asInt()).isEqualTo(7);
        assertThat(prints.get("score").asInt()).isEqualTo(7);
        assertThat(prints.get("visibility").asText()).isEqualTo("hidden");
        assertThat(threads).filteredOn(t -> t != prints).isNotEmpty().allSatisfy(t -> {
            assertThat(t.get("status").asText()).isEqualTo("passed");
            assertThat(t.get("visibility").asText()).isEqualTo("visible");
        });
        assertThat(tests).filteredOn(t -> !threads.contains(t)).isNotEmpty().allSatisfy(t -> {
            assertThat(t.get("status").asText()).isEqualTo("failed");
            assertThat(t.get("visibility").asText()).isEqualTo("after_published");
        });
        assertThat(results.get("score").asInt()).isEqualTo(sum(threads, "max_score"));
        assertThat(results.get("max_score").asInt()).isEqualTo(sum(tests, "max_score"));
        assertThat(results.get("output").asText()).contains("module-01-refcount:")
                .doesNotContain(PRINTS);
    }

    @Test
    @DisplayName("an empty upload gets score 0 and says it was empty")
    void emptySubmission() throws Exception {
        JsonNode results = runAutograder(bundle, work.resolve("empty"), pathWithJava());

        assertThat(results.get("score").asInt()).isZero();
        assertThat(results.get("max_score").asInt()).isPositive();
        assertThat(results.get("output").asText()).contains("is empty, so nothing could be"
                + " graded");
        assertThat(tests(results)).isNotEmpty()
                .allSatisfy(t -> assertThat(t.get("status").asText()).isEqualTo("failed"));
    }

    @Test
    @DisplayName("without Java, run_autograder still writes results.json: score 0 and why")
    void noJava() throws Exception {
        Path bin = Files.createDirectories(work.resolve("bin-without-java"));
        // The tools run_autograder uses, each through a script that runs it: java is not here.
        Path bash = tool("bash");
        for (String name : List.of("bash", "mkdir", "rm", "mktemp", "cat", "tail", "tr", "sed",
                "awk")) {
            Path wrapper = Files.writeString(bin.resolve(name), "#!" + bash + "\nexec "
                    + tool(name) + " \"$@\"\n");
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path root = work.resolve("no-java");
        Submissions.solution(root.resolve("submission"));

        JsonNode results = runAutograder(bundle, root, bin.toString());

        assertThat(results.get("score").asInt()).isZero();
        assertThat(results.get("max_score").asInt()).isPositive();
        assertThat(results.get("output").asText()).contains("Java is not installed");
        assertThat(results.get("tests")).isEmpty();
    }

    @Test
    @DisplayName("when the grader cannot start, results.json has score 0 and what it said")
    void graderFails() throws Exception {
        Path broken = work.resolve("broken-bundle");
        Submissions.copy(bundle, broken);
        Files.writeString(broken.resolve("grader.jar"), "not a jar \"quoted\"\t\\");
        Path root = work.resolve("broken");
        Submissions.solution(root.resolve("submission"));

        JsonNode results = runAutograder(broken, root, pathWithJava());

        assertThat(results.get("score").asInt()).isZero();
        assertThat(results.get("output").asText()).contains("the grader stopped with exit"
                + " code 1").contains("grader.jar");
    }

    @Test
    @DisplayName("a rubric with a mistake stops the build with its line, exit code 2, no trace")
    void badRubric() throws Exception {
        Path rubric = Files.writeString(work.resolve("bad-rubric.yaml"), """
                modules:
                  module-03-threads:
                    tests:
                      Task1SleeperHiddenTests.printsTwoLines: {points: 2}
                """);
        List<Result> runs = new ArrayList<>();
        runs.add(GraderProcess.run(work, "gradescope", work.resolve("not-built").toString(),
                "--rubric", rubric.toString()));
        runs.add(GraderProcess.run(work, "grade", Submissions.solution(work.resolve("any"))
                .toString(), "--rubric", rubric.toString()));

        assertThat(runs).allSatisfy(run -> {
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.stderr()).contains(rubric + " line 4: module-03-threads has no hidden"
                    + " test \"Task1SleeperHiddenTests.printsTwoLines\"")
                    .doesNotContain("\tat ");
        });
        assertThat(work.resolve("not-built")).doesNotExist();
    }
}

package threadlab.grader.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * The student handout, exported by the packaged grader as an instructor does: it holds what a
 * student needs and nothing a student must not see, builds on its own, and its visible tests fail
 * on the skeletons with a task's message.
 */
class ExportStudentIT {

    /** Surefire's line for a test class, named by its display name: "Task N: ...". */
    private static final Pattern RUNNING_TASK =
            Pattern.compile("(?m)^\\[INFO\\] Running Task (\\d+):");
    /** What the JVM prints of its own: "OpenJDK 64-Bit Server VM warning: ...", "WARNING: ...". */
    private static final Pattern JVM_WARNING =
            Pattern.compile("VM warning|^WARNING: |Sharing is only");

    /** What separates the words of Markdown, in prose, code and links alike. */
    private static final Pattern BETWEEN_WORDS = Pattern.compile("[\\s`()\\[\\]'\"<>|,;=]+");

    @Test
    @DisplayName("the handout holds the exercises and the build, and no solution, hidden test or"
            + " grader")
    void theHandoutHoldsNoAnswers(@TempDir Path dir) throws Exception {
        Path handout = export(dir);

        assertThat(handout.resolve("mvnw")).isExecutable();
        assertThat(handout.resolve(".mvn/wrapper/maven-wrapper.properties")).isRegularFile();
        assertThat(handout.resolve(".github/workflows/classroom.yml")).isRegularFile();
        for (String absent : List.of("solutions", "grader", ".ci")) {
            assertThat(handout.resolve(absent)).doesNotExist();
        }
        Path course = GraderProcess.courseRoot();
        for (ExerciseModule module : Course.modules()) {
            assertThat(handout.resolve(module.folder()).resolve("README.md")).isRegularFile();
            try (Stream<Path> walk = Files.walk(handout.resolve(module.sourceFolder()))) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    Path relative = handout.relativize(file);
                    assertThat(Files.readString(file)).as(relative + " is the skeleton's")
                            .isEqualTo(Files.readString(course.resolve(relative.toString())));
                }
            }
        }
        try (Stream<Path> walk = Files.walk(handout)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                assertThat(text).as(handout.relativize(file).toString())
                        .doesNotContain("threadlab.hidden").doesNotContain("solutions/")
                        .doesNotContain("course-only").doesNotContain("handout-only");
            }
        }
        String workflow = Files.readString(handout.resolve(".github/workflows/classroom.yml"));
        assertThat(workflow).contains("-pl module-03-threads -am test -Dgroups=task:5");
        assertThat(Files.readString(handout.resolve("README.md")))
                .contains("Hand in as your instructor asks").doesNotContain("## Instructors");
    }

    @Test
    @DisplayName("every file or folder that the handout's Markdown names is in the handout")
    void theHandoutSpeaksOnlyOfWhatItHolds(@TempDir Path dir) throws Exception {
        Path handout = export(dir);

        List<String> missing = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(handout)) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".md")).toList()) {
                Path relative = handout.relativize(file);
                Path folder = relative.getParent() == null ? Path.of("") : relative.getParent();
                for (String word : BETWEEN_WORDS.split(Files.readString(file))) {
                    String path = word.replaceAll("#.*$", "").replaceAll("[.:]+$", "");
                    if (path.contains("/") && isCoursePath(folder, path)
                            && !holds(handout, folder, path)) {
                        missing.add(relative + " names " + path);
                    }
                }
            }
        }
        assertThat(missing).as("paths that the handout's Markdown names, and the handout lacks"
                + " (keep them in a course-only part)").isEmpty();
    }

    /**
     * Whether a path names a file of the course: its first part is a file or folder of the
     * course's root, or of the course's copy of the folder that names it.
     */
    private static boolean isCoursePath(Path folder, String path) {
        if (path.contains("://")) {
            return false;
        }
        String relative = path.startsWith("./") ? path.substring(2) : path;
        String first = relative.substring(0, Math.max(relative.indexOf('/'), 0));
        Path course = GraderProcess.courseRoot();
        return !first.isEmpty() && (first.equals("..") || Files.exists(course.resolve(first))
                || Files.exists(course.resolve(folder.toString()).resolve(first)));
    }

    /**
     * Whether the handout holds a path, from the folder that names it or from its root: a
     * build's output ({@code x/target/...}) counts when its project {@code x} is there, a name
     * with a wildcard when its folder is.
     */
    private static boolean holds(Path handout, Path folder, String path) {
        String held = path;
        int target = ("/" + held).indexOf("/target/");
        if (target >= 0) {
            held = held.substring(0, target);
        }
        int wildcard = held.indexOf('*');
        if (wildcard >= 0) {
            held = held.substring(0, held.lastIndexOf('/', wildcard) + 1);
        }
        for (Path base : List.of(handout.resolve(folder.toString()), handout)) {
            Path resolved = base.resolve(held).normalize();
            if (resolved.startsWith(handout) && Files.exists(resolved)) {
                return true;
            }
        }
        return false;
    }

    @Test
    @DisplayName("the handout builds on its own, and each module's visible tests fail with a"
            + " task's message, run as its Classroom workflow runs them")
    void theHandoutBuildsAndItsTestsSayWhatToDo(@TempDir Path dir) throws Exception {
        Path handout = export(dir);

        Maven compile = maven(handout, "-q", "test-compile");
        assertThat(compile.exitCode()).as(compile.output()).isZero();
        for (ExerciseModule module : Course.modules()) {
            Maven test = maven(handout, "-pl", module.folder(), "-am", "test",
                    "-Dtest=" + module.exercisePackage().replace('.', '/') + "/**",
                    "-Dsurefire.failIfNoSpecifiedTests=false");
            assertThat(test.exitCode()).as(module + ": the skeleton's tests must fail")
                    .isNotZero();
            assertThat(test.output()).as(module.folder()).contains("Tests run:")
                    .containsPattern("UnsupportedOperation.*Task \\d+: ")
                    .doesNotContain("COMPILATION ERROR");
            assertThat(tasksAsRun(test.output())).as(module.folder() + ": the tasks of the test"
                    + " classes, in the order Maven ran them").isNotEmpty().isSorted();
            assertThat(test.output().lines().filter(JVM_WARNING.asPredicate()).toList())
                    .as(module.folder() + ": warnings of the JVM in a student's output").isEmpty();
        }
    }

    /** The task of each test class, in the order Maven's "Running Task N: ..." lines name them. */
    private static List<Integer> tasksAsRun(String output) {
        List<Integer> tasks = new ArrayList<>();
        Matcher running = RUNNING_TASK.matcher(output);
        while (running.find()) {
            tasks.add(Integer.parseInt(running.group(1)));
        }
        return tasks;
    }

    @Test
    @DisplayName("a course file that would leak a solution stops the export, naming the file")
    void aLeakStopsTheExport(@TempDir Path dir) throws Exception {
        Path course = dir.resolve("course");
        Submissions.copy(GraderProcess.courseRoot(), course);
        Path solution = course.resolve("solutions/module-03-threads/src/main/java/threadlab/"
                + "threads/PyThread.java");
        Path planted = course.resolve("module-03-threads/notes/PyThread.txt");
        Files.createDirectories(planted.getParent());
        Files.copy(solution, planted);

        GraderProcess.Result result = GraderProcess.run(course, "export-student",
                dir.resolve("handout").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("module-03-threads/notes/PyThread.txt")
                .contains("reference solution");
        assertThat(dir.resolve("handout")).doesNotExist();
    }

    @Test
    @DisplayName("export-student never writes into a folder that holds files")
    void aFolderWithFilesIsRefused(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("work"));
        Files.writeString(out.resolve("mine.txt"), "a student's notes");

        GraderProcess.Result result = GraderProcess.run(GraderProcess.courseRoot(),
                "export-student", out.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("not an empty folder");
        assertThat(out.resolve("mine.txt")).hasContent("a student's notes");
    }

    private static Path export(Path dir) throws Exception {
        Path handout = dir.resolve("handout");
        GraderProcess.Result result = GraderProcess.run(GraderProcess.courseRoot(),
                "export-student", handout.toString());
        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        assertThat(result.stdout()).contains("Wrote the student handout");
        return handout;
    }

    /** What a Maven run in the handout printed and returned. */
    private record Maven(int exitCode, String output) {
    }

    private static Maven maven(Path handout, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(handout.resolve("mvnw").toString(),
                "-o", "-B"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("handout-maven", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(handout.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("Maven ran past 5 minutes: " + command);
            }
            return new Maven(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}

package threadlab.grader.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.course.Course;
import threadlab.grader.submission.Submission;

class ModuleCompilerTests {

    /**
     * About a kilobyte of source that makes javac fold a constant of 2 billion characters: it
     * runs until it has no memory left, however much it has. A real one, kept as found.
     */
    static final String CONSTANT_BOMB = constantBomb();

    private static CompileWorkers workers;

    @TempDir
    Path root;

    @BeforeAll
    static void startWorkers() throws Exception {
        workers = new CompileWorkers();
    }

    @AfterAll
    static void endWorkers() {
        workers.close();
    }

    private static String constantBomb() {
        StringBuilder text = new StringBuilder("package threadlab.threads;\n\nclass Big {\n"
                + "    static final String S0 = \"0123456789abcdef\";\n");
        for (int i = 1; i <= 27; i++) {
            text.append("    static final String S").append(i).append(" = S").append(i - 1)
                    .append(" + S").append(i - 1).append(";\n");
        }
        return text.append("}\n").toString();
    }

    private Path source(String name, String text) throws Exception {
        Path file = root.resolve("module-03-threads/src/main/java/threadlab/threads/" + name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    @DisplayName("a module that compiles gives a folder of Java 17 classes, whichever JDK runs"
            + " the grader")
    void compiles() throws Exception {
        source("A.java", "package threadlab.threads;\npublic class A { }\n");

        Path classes = new ModuleCompiler(workers).compile(Submission.at(root), Course.THREADS,
                List.of(), root.resolve("out"));

        assertThat(classes.resolve("threadlab/threads/A.class")).exists();
        byte[] header = Files.readAllBytes(classes.resolve("threadlab/threads/A.class"));
        int major = ((header[6] & 0xFF) << 8) | (header[7] & 0xFF);
        assertThat(major).as("class file major version (61 is Java 17)").isEqualTo(61);
    }

    @Test
    @DisplayName("a compile error names the file, relative to the submission, and the line")
    void compileErrorsAreReported() throws Exception {
        source("A.java", "package threadlab.threads;\npublic class A {\n  int x = 1\n}\n");

        assertThatThrownBy(() -> new ModuleCompiler(workers).compile(Submission.at(root),
                Course.THREADS, List.of(), root.resolve("out")))
                .isInstanceOf(CompilationFailedException.class)
                .hasMessageContaining("module-03-threads did not compile")
                .hasMessageContaining(
                        "module-03-threads/src/main/java/threadlab/threads/A.java:3: error:")
                .hasMessageContaining("';' expected");
    }

    @Test
    @DisplayName("code that uses an API newer than Java 17 does not compile, whichever JDK runs"
            + " the grader")
    void newerApisAreRefused() throws Exception {
        // List.getFirst() came in Java 21.
        source("A.java", "package threadlab.threads;\npublic class A {\n"
                + "  Object first() { return java.util.List.of(1).getFirst(); }\n}\n");

        assertThatThrownBy(() -> new ModuleCompiler(workers).compile(Submission.at(root),
                Course.THREADS, List.of(), root.resolve("out")))
                .isInstanceOf(CompilationFailedException.class)
                .hasMessageContaining("A.java:3: error: cannot find symbol");
    }

    @Test
    @DisplayName("a module with no sources is missing, not a compile error")
    void missingSources() throws Exception {
        Files.createDirectories(root.resolve("module-03-threads"));

        assertThatThrownBy(() -> new ModuleCompiler(workers).compile(Submission.at(root),
                Course.THREADS, List.of(), root.resolve("out")))
                .isInstanceOf(ModuleMissingException.class)
                .hasMessageContaining("No Java sources were found in"
                        + " module-03-threads/src/main/java");
    }

    @Test
    @DisplayName("a module that needs more memory to compile than the limit scores 0 with the"
            + " limit, and the next module compiles in a fresh worker")
    void memoryLimit() throws Exception {
        source("A.java", "package threadlab.threads;\npublic class A { }\n");
        source("Big.java", CONSTANT_BOMB);
        assertThat(CONSTANT_BOMB.length()).isLessThan(1200);

        try (CompileWorkers small = new CompileWorkers(Duration.ofMinutes(5), 64)) {
            assertThatThrownBy(() -> new ModuleCompiler(small).compile(Submission.at(root),
                    Course.THREADS, List.of(), root.resolve("out")))
                    .isInstanceOf(CompileLimitException.class)
                    .hasMessageContaining("module-03-threads could not be compiled within the"
                            + " grader's limit of 64 MB of memory");
            assertThat(small.running()).isZero();

            Files.delete(root.resolve(
                    "module-03-threads/src/main/java/threadlab/threads/Big.java"));
            assertThat(new ModuleCompiler(small).compile(Submission.at(root), Course.THREADS,
                    List.of(), root.resolve("out2")).resolve("threadlab/threads/A.class"))
                    .exists();
        }
    }

    @Test
    @DisplayName("a module that compiles for longer than the limit is stopped at the limit and"
            + " scores 0 with it")
    void timeLimit() throws Exception {
        source("Big.java", CONSTANT_BOMB);

        try (CompileWorkers slow = new CompileWorkers(Duration.ofSeconds(2), 4096)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> new ModuleCompiler(slow).compile(Submission.at(root),
                    Course.THREADS, List.of(), root.resolve("out")))
                    .isInstanceOf(CompileLimitException.class)
                    .hasMessageContaining("within the grader's limit of 2 s of processor time");
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofSeconds(30));
            assertThat(slow.running()).isZero();
        }
    }

    @Test
    @DisplayName("one worker serves compile after compile: javac stays warm")
    void workersAreReused() throws Exception {
        source("A.java", "package threadlab.threads;\npublic class A { }\n");

        try (CompileWorkers reused = new CompileWorkers()) {
            for (int i = 0; i < 3; i++) {
                new ModuleCompiler(reused).compile(Submission.at(root), Course.THREADS, List.of(),
                        root.resolve("out" + i));
            }
            assertThat(reused.running()).isEqualTo(1);
        }
    }
}

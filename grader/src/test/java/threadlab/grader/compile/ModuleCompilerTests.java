package threadlab.grader.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.course.Course;
import threadlab.grader.submission.Submission;

class ModuleCompilerTests {

    @TempDir
    Path root;

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

        Path classes = new ModuleCompiler().compile(Submission.at(root), Course.THREADS,
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

        assertThatThrownBy(() -> new ModuleCompiler().compile(Submission.at(root),
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

        assertThatThrownBy(() -> new ModuleCompiler().compile(Submission.at(root),
                Course.THREADS, List.of(), root.resolve("out")))
                .isInstanceOf(CompilationFailedException.class)
                .hasMessageContaining("A.java:3: error: cannot find symbol");
    }

    @Test
    @DisplayName("a module with no sources is missing, not a compile error")
    void missingSources() throws Exception {
        Files.createDirectories(root.resolve("module-03-threads"));

        assertThatThrownBy(() -> new ModuleCompiler().compile(Submission.at(root),
                Course.THREADS, List.of(), root.resolve("out")))
                .isInstanceOf(ModuleMissingException.class)
                .hasMessageContaining("No Java sources were found in"
                        + " module-03-threads/src/main/java");
    }
}

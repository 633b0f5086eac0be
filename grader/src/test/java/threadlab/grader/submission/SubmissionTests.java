package threadlab.grader.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionTests {

    @Test
    @DisplayName("a submission is named after its folder")
    void namedAfterItsFolder(@TempDir Path dir) throws Exception {
        Path alice = Files.createDirectories(dir.resolve("alice"));

        assertThat(Submission.at(alice).name()).isEqualTo("alice");
    }

    @Test
    @DisplayName("a missing folder or a file is refused with what to do")
    void badPaths(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("work.txt"), "");

        assertThatThrownBy(() -> Submission.at(dir.resolve("nope")))
                .isInstanceOf(SubmissionNotFoundException.class)
                .hasMessageContaining("does not exist")
                .hasMessageContaining("Name a folder laid out like the course repository");
        assertThatThrownBy(() -> Submission.at(file))
                .isInstanceOf(SubmissionNotFoundException.class)
                .hasMessageContaining("is a file, not a folder");
    }

    @Test
    @DisplayName("with no submission named, the course repository around the folder is graded")
    void theCourseAround(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("module-03-threads"));
        Path deep = Files.createDirectories(dir.resolve("module-03-threads/src/main"));

        assertThat(Submission.around(deep).root()).isEqualTo(dir.toAbsolutePath().normalize());
        assertThatThrownBy(() -> Submission.around(dir.resolve("module-03-threads").getRoot()))
                .isInstanceOf(CourseRootNotFoundException.class);
    }
}

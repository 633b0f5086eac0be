package threadlab.grader.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.failure.GraderException;

class IntakeTests {

    private static Path course(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("module-03-threads/src/main/java/threadlab/threads"));
        Files.writeString(dir.resolve("module-03-threads/src/main/java/threadlab/threads/A.java"),
                "package threadlab.threads;\nclass A {}\n");
        return dir;
    }

    private static Path zip(Path zip, String... namesAndTexts) throws Exception {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                out.putNextEntry(new ZipEntry(namesAndTexts[i]));
                out.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }

    @Test
    @DisplayName("a folder with a module folder is one submission, named after the folder")
    void aSubmission(@TempDir Path dir) throws Exception {
        Intake intake = Intake.of(List.of(course(dir.resolve("alice"))));

        assertThat(intake.isClass()).isFalse();
        assertThat(intake.candidates()).extracting(Candidate::name).containsExactly("alice");
    }

    @Test
    @DisplayName("a folder of folders and zips is a class; other files are named as ignored")
    void aClass(@TempDir Path dir) throws Exception {
        course(dir.resolve("bob"));
        zip(dir.resolve("alice.zip"), "module-03-threads/src/main/java/x/A.java", "");
        Files.writeString(dir.resolve("notes.txt"), "");
        Files.createDirectories(dir.resolve(".git"));

        Intake intake = Intake.of(List.of(dir));

        assertThat(intake.isClass()).isTrue();
        assertThat(intake.candidates()).extracting(Candidate::name)
                .containsExactly("alice", "bob");
        assertThat(intake.notes()).singleElement().asString().contains("Ignored notes.txt");
    }

    @Test
    @DisplayName("a submission that also holds submissions is graded as one, and says so")
    void ambiguity(@TempDir Path dir) throws Exception {
        course(dir);
        course(dir.resolve("carol"));

        Intake intake = Intake.of(List.of(dir));

        assertThat(intake.candidates()).hasSize(1);
        assertThat(intake.notes()).singleElement().asString()
                .contains("as one submission, because it holds module-03-threads/")
                .contains("carol").contains("put them in a folder of their own");
    }

    @Test
    @DisplayName("an empty folder or a plain file is refused with the reason")
    void refused(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path file = Files.writeString(dir.resolve("work.txt"), "");

        assertThatThrownBy(() -> Intake.of(List.of(empty))).isInstanceOf(GraderException.class)
                .hasMessageContaining("neither a submission nor a class")
                .hasMessageContaining("(it is empty)");
        assertThatThrownBy(() -> Intake.of(List.of(file)))
                .hasMessageContaining("is a file, not a folder or a .zip");
    }

    @Test
    @DisplayName("a zip's extra top folders are skipped; only the modules' sources are taken")
    void zipWithTopFolder(@TempDir Path dir) throws Exception {
        Path zip = zip(dir.resolve("dave.zip"),
                "threadlab-main/module-03-threads/src/main/java/threadlab/threads/A.java", "a",
                "threadlab-main/README.md", "readme");

        Submission submission = Snapshot.take(new Candidate("dave", zip))
                .writeTo(dir.resolve("out"));

        assertThat(submission.name()).isEqualTo("dave");
        assertThat(dir.resolve("out/module-03-threads/src/main/java/threadlab/threads/A.java"))
                .hasContent("a");
        assertThat(dir.resolve("out/README.md")).doesNotExist();
    }

    @Test
    @DisplayName("a zip whose entries would land outside its folder is refused whole")
    void zipSlip(@TempDir Path dir) throws Exception {
        for (String name : List.of("../evil.java", "a/../../evil.java", "/etc/evil.java",
                "C:/evil.java")) {
            Path zip = zip(dir.resolve("eve.zip"), "module-03-threads/src/main/java/A.java", "a",
                    name, "evil");

            assertThatThrownBy(() -> Snapshot.take(new Candidate("eve", zip)))
                    .as(name).isInstanceOf(UnreadableSubmissionException.class)
                    .hasMessageContaining("would land outside the folder");
        }
        assertThat(Snapshot.escapes("a/./b/../c.java")).isFalse();
    }

    @Test
    @DisplayName("a folder with nothing of the course in it says which folders it needs")
    void noModules(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("frank/homework"));
        Files.writeString(folder.resolve("Main.java"), "class Main {}");

        assertThatThrownBy(() -> Snapshot.take(new Candidate("frank", dir.resolve("frank"))))
                .hasMessageContaining("holds none of the course's module folders")
                .hasMessageContaining("module-03-threads");
    }
}

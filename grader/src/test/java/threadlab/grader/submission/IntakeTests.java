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
import threadlab.grader.files.Folders;

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
                "C:/evil.java", "..\\evil.java", "\\\\server\\share\\evil.java")) {
            Path zip = zip(dir.resolve("eve.zip"), "module-03-threads/src/main/java/A.java", "a",
                    name, "evil");

            assertThatThrownBy(() -> Snapshot.take(new Candidate("eve", zip)))
                    .as(name).isInstanceOf(UnreadableSubmissionException.class)
                    .hasMessageContaining("would land outside the folder");
        }
        assertThat(EntryNames.normalise("a/./b/../c.java")).isEqualTo("a/c.java");
    }

    @Test
    @DisplayName("an entry below extra top folders cannot climb out once they are taken off")
    void zipSlipBelowTopFolders(@TempDir Path dir) throws Exception {
        // Within the zip's folder as a whole, but one level above the course folder: the grader
        // once checked the raw name, then wrote the entry with its top folder taken off.
        Path zip = zip(dir.resolve("eve.zip"),
                "top/module-03-threads/src/main/java/threadlab/threads/A.java", "a",
                "top/module-03-threads/src/main/java/../../../../evil.java", "evil");
        Path out = Files.createDirectories(dir.resolve("unpack/out"));

        Snapshot.take(new Candidate("eve", zip)).writeTo(out);

        assertThat(dir.resolve("unpack/evil.java")).doesNotExist();
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().equals("evil.java")))
                    .allMatch(p -> p.startsWith(out));
        }
    }

    @Test
    @DisplayName("a zip that holds a name twice, or two names one file system takes as one, is"
            + " refused")
    void zipDuplicates(@TempDir Path dir) throws Exception {
        String a = "module-03-threads/src/main/java/threadlab/threads/A.java";
        Path twice = zip(dir.resolve("twice.zip"), a, "a", "./" + a, "b");
        Path cased = zip(dir.resolve("cased.zip"), a, "a", a.replace("A.java", "a.java"), "b");
        Path both = zip(dir.resolve("both.zip"), a, "a", a + "/B.java", "b");

        assertThatThrownBy(() -> Snapshot.take(new Candidate("t", twice)))
                .hasMessageContaining("is there twice");
        assertThatThrownBy(() -> Snapshot.take(new Candidate("c", cased)))
                .hasMessageContaining("differs only in case");
        assertThatThrownBy(() -> Snapshot.take(new Candidate("b", both)))
                .hasMessageContaining("as a file, and as a folder");
    }

    @Test
    @DisplayName("a zip bomb stops at the size limit, with the limit in the message")
    void zipBomb(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("module-03-threads/src/main/java/A.java"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        assertThat(Files.size(zip)).isLessThan(Snapshot.MAX_BYTES / 10);

        assertThatThrownBy(() -> Snapshot.take(new Candidate("bomb", zip)))
                .hasMessageContaining("more than 5 MB of sources");
    }

    @Test
    @DisplayName("a zip with a link entry, as zip -y makes, is refused, naming the entry")
    void zipLink(@TempDir Path dir) throws Exception {
        Path course = course(dir.resolve("mallory"));
        Files.createSymbolicLink(course.resolve(
                "module-03-threads/src/main/java/threadlab/threads/B.java"),
                Path.of("/etc/hostname"));
        Path zip = dir.resolve("mallory.zip");
        Process zipper = new ProcessBuilder("zip", "-q", "-r", "-y", zip.toString(), ".")
                .directory(course.toFile()).inheritIO().start();
        org.junit.jupiter.api.Assumptions.assumeTrue(zipper.waitFor() == 0, "zip is installed");

        assertThatThrownBy(() -> Snapshot.take(new Candidate("mallory", zip)))
                .hasMessageContaining("B.java").hasMessageContaining("is a link");
    }

    @Test
    @DisplayName("links in a student's folder are refused wherever they are, naming the link")
    void folderLinks(@TempDir Path dir) throws Exception {
        Path bob = course(dir.resolve("class/bob"));
        Path solutions = course(dir.resolve("solutions"));
        Path asFolder = Files.createDirectories(dir.resolve("class/eve"));
        Files.createSymbolicLink(asFolder.resolve("module-03-threads"),
                bob.resolve("module-03-threads"));
        Path asSources = course(dir.resolve("class/mallory"));
        Path java = asSources.resolve("module-03-threads/src/main/java");
        Folders.deleteQuietly(java);
        Files.createSymbolicLink(java, solutions.resolve("module-03-threads/src/main/java"));
        Path asFile = course(dir.resolve("class/trudy"));
        Files.createSymbolicLink(asFile.resolve(
                "module-03-threads/src/main/java/threadlab/threads/B.java"),
                bob.resolve("module-03-threads/src/main/java/threadlab/threads/A.java"));
        Path wholeStudent = Files.createSymbolicLink(dir.resolve("class/oscar"), bob);

        assertThatThrownBy(() -> Snapshot.take(new Candidate("eve", asFolder)))
                .hasMessageContaining("eve/module-03-threads is a symbolic link");
        assertThatThrownBy(() -> Snapshot.take(new Candidate("mallory", asSources)))
                .hasMessageContaining("mallory/module-03-threads/src/main/java is a symbolic");
        assertThatThrownBy(() -> Snapshot.take(new Candidate("trudy", asFile)))
                .hasMessageContaining("threads/B.java is a symbolic link");
        assertThatThrownBy(() -> Snapshot.take(new Candidate("oscar", wholeStudent)))
                .hasMessageContaining("is a symbolic link");
        assertThat(Snapshot.take(new Candidate("bob", bob))).isNotNull();
    }

    @Test
    @DisplayName("a hard link in a student's sources is refused, naming it")
    void hardLink(@TempDir Path dir) throws Exception {
        Path bob = course(dir.resolve("bob"));
        Path eve = course(dir.resolve("eve"));
        Files.createLink(eve.resolve("module-03-threads/src/main/java/threadlab/threads/B.java"),
                bob.resolve("module-03-threads/src/main/java/threadlab/threads/A.java"));

        assertThatThrownBy(() -> Snapshot.take(new Candidate("eve", eve)))
                .hasMessageContaining("threads/B.java is a hard link");
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

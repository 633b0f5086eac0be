package threadlab.grader.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.testing.GraderProcess;
import threadlab.grader.testing.GraderProcess.ClassGraded;
import threadlab.grader.testing.GraderProcess.Graded;
import threadlab.grader.testing.Submissions;

/**
 * A class folder full of submissions that are broken in every way a hand-in can be. Each gets a
 * clear message in its own report, partial credit where its other modules are fine, and the
 * batch goes on.
 */
class BadInputIT {

    private static final String THREADS = "module-03-threads";
    private static final String REFCOUNT = "module-01-refcount";

    @TempDir
    static Path classDir;

    @TempDir
    static Path work;

    @TempDir
    static Path out;

    private static ClassGraded graded;

    @BeforeAll
    static void gradeTheClass() throws Exception {
        Submissions.solution(classDir.resolve("good"));
        Files.createDirectories(classDir.resolve("empty"));
        Submissions.zip(Submissions.solution(work.resolve("nested")),
                classDir.resolve("nested.zip"), "threadlab-main/");
        Submissions.zipWithEntry(classDir.resolve("zip-slip.zip"), "../../evil.txt", "evil");
        Files.writeString(classDir.resolve("not-a-zip.zip"), "just text",
                StandardCharsets.UTF_8);
        Path latin1 = Submissions.solution(classDir.resolve("latin-1"));
        Path pyThread = latin1.resolve(THREADS + "/src/main/java/threadlab/threads/PyThread.java");
        // A comment saved as Latin-1: the é is the one byte 0xE9, which UTF-8 does not allow.
        Files.writeString(pyThread, "// caf\u00e9\n" + Files.readString(pyThread),
                StandardCharsets.ISO_8859_1);
        Submissions.withoutModule(Submissions.solution(classDir.resolve("no-module-1")),
                REFCOUNT);
        Submissions.editedSolution(classDir.resolve("wrong-package"), THREADS,
                "PyThread.java", "package threadlab.threads;", "package threadlab.thread;");
        Files.createDirectories(classDir.resolve("not-a-course"));
        Files.writeString(classDir.resolve("not-a-course/README.txt"), "my homework");
        Files.writeString(classDir.resolve("notes.txt"), "not a submission");
        graded = GraderProcess.gradeClass(out, classDir.toString());
    }

    private String feedback(String student, String test) throws Exception {
        return graded.student(student).test(test).get("output").asText();
    }

    private void moduleScores(String student, String module, boolean full) throws Exception {
        for (JsonNode test : graded.student(student).results().get("tests")) {
            if (test.get("tags").get(0).asText().equals(module)) {
                assertThat(test.get("status").asText()).as(student + ": " + test)
                        .isEqualTo(full ? "passed" : "failed");
            }
        }
    }

    @Test
    @DisplayName("the batch goes on: every student has reports, and the class report is written")
    void everyStudentIsReported() throws Exception {
        assertThat(graded.printed().exitCode()).as(graded.printed().stderr()).isZero();
        for (String student : java.util.List.of("good", "empty", "nested", "zip-slip",
                "not-a-zip", "latin-1", "no-module-1", "wrong-package", "not-a-course")) {
            assertThat(out.resolve(student).resolve("report.html")).exists();
            assertThat(out.resolve(student).resolve("report.txt")).exists();
            graded.student(student);
        }
        assertThat(graded.student("good").score()).isEqualTo(graded.student("good").maxScore());
        assertThat(graded.file("grades.csv").lines().count()).isEqualTo(1 + 9);
        assertThat(graded.printed().stderr()).contains("Ignored notes.txt");
    }

    @Test
    @DisplayName("an empty folder, a folder that is not the course, a broken or unsafe zip")
    void unreadableSubmissionsSayWhy() throws Exception {
        String anyTest = "start() runs the target";
        assertThat(feedback("empty", anyTest)).contains("is empty");
        assertThat(feedback("not-a-course", anyTest))
                .contains("holds none of the course's module folders");
        assertThat(feedback("zip-slip", anyTest)).contains("\"../../evil.txt\"")
                .contains("would land outside");
        assertThat(feedback("not-a-zip", anyTest)).contains("is not a zip file");
        assertThat(graded.student("zip-slip").score()).isZero();
        assertThat(classDir.getParent().resolve("evil.txt")).doesNotExist();
    }

    @Test
    @DisplayName("a zip with an extra top folder is graded as if it had none")
    void anExtraTopFolderIsSkipped() throws Exception {
        Graded nested = graded.student("nested");
        assertThat(nested.score()).isEqualTo(nested.maxScore());
    }

    @Test
    @DisplayName("a file that is not UTF-8 costs its module, with the line and the byte")
    void notUtf8() throws Exception {
        assertThat(feedback("latin-1", "start() runs the target"))
                .contains("PyThread.java is not UTF-8 text").contains("line 1 has the byte 0xE9")
                .contains("Save the file as UTF-8");
        moduleScores("latin-1", THREADS, false);
        moduleScores("latin-1", REFCOUNT, true);
    }

    @Test
    @DisplayName("a missing module costs that module only")
    void missingModule() throws Exception {
        assertThat(feedback("no-module-1", "Task 3")).contains("No Java sources were found in "
                + REFCOUNT + "/src/main/java");
        moduleScores("no-module-1", THREADS, true);
    }

    @Test
    @DisplayName("a wrong package name costs its module, and says which package it must be")
    void wrongPackage() throws Exception {
        assertThat(feedback("wrong-package", "start() runs the target"))
                .contains("PyThread.java declares package threadlab.thread")
                .contains("belongs in package threadlab.threads");
        moduleScores("wrong-package", THREADS, false);
        moduleScores("wrong-package", REFCOUNT, true);
    }

    @Test
    @DisplayName("a path that does not exist, among several, is that student's report")
    void aMissingPathAmongSeveral(@TempDir Path dir, @TempDir Path reports) throws Exception {
        Path good = Submissions.withoutModule(Submissions.solution(dir.resolve("ok")), REFCOUNT);
        ClassGraded two = GraderProcess.gradeClass(reports, good.toString(),
                dir.resolve("ghost").toString());

        assertThat(two.printed().exitCode()).isZero();
        assertThat(two.student("ghost").test("start() runs the target").get("output").asText())
                .contains("does not exist");
        assertThat(two.student("ok").test("start() runs the target").get("status").asText())
                .isEqualTo("passed");
    }
}

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
        climbingBelowTopFolder(classDir.resolve("climbs.zip"));
        Path linkedModules = Files.createDirectories(classDir.resolve("linked-modules"));
        for (String module : java.util.List.of(REFCOUNT, "module-02-gil", THREADS)) {
            Files.createSymbolicLink(linkedModules.resolve(module),
                    classDir.resolve("good").resolve(module));
        }
        Files.createSymbolicLink(classDir.resolve("linked-student"), classDir.resolve("good"));
        Path bomb = Submissions.solution(classDir.resolve("compile-bomb"));
        Files.writeString(bomb.resolve(THREADS + "/src/main/java/threadlab/threads/Big.java"),
                constantBomb());
        for (String name : HOSTILE_NAMES) {
            Files.createDirectories(classDir.resolve(name));
        }
        graded = GraderProcess.gradeClass(out, classDir.toString());
    }

    /** Names that clash with the reports, or with each other on some systems; all empty. */
    private static final java.util.List<String> HOSTILE_NAMES = java.util.List.of("index.html",
            "grades.csv", "run.json", "CON", "A\u030Asa", "\u00C5sa", "Alice", "alice",
            "new\nline", "bidi\u202Eevil");

    /** A zip made by hand, whose one extra entry climbs out once its top folder is taken off. */
    private static void climbingBelowTopFolder(Path zip) throws Exception {
        Path solution = Submissions.solution(work.resolve("climbs"));
        Submissions.zip(solution, zip, "threadlab-main/");
        Path with = work.resolve("climbs-with.zip");
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(zip.toFile());
                java.util.zip.ZipOutputStream copy = new java.util.zip.ZipOutputStream(
                        Files.newOutputStream(with))) {
            for (java.util.zip.ZipEntry entry : java.util.Collections.list(in.entries())) {
                copy.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                in.getInputStream(entry).transferTo(copy);
            }
            copy.putNextEntry(new java.util.zip.ZipEntry("threadlab-main/" + THREADS
                    + "/src/main/java/../../../../../../evil.txt"));
            copy.write("evil".getBytes(StandardCharsets.UTF_8));
        }
        Files.move(with, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** A kilobyte of constants that javac folds into 2 billion characters. */
    private static String constantBomb() {
        StringBuilder text = new StringBuilder("package threadlab.threads;\n\nclass Big {\n"
                + "    static final String S0 = \"0123456789abcdef\";\n");
        for (int i = 1; i <= 27; i++) {
            text.append("    static final String S").append(i).append(" = S").append(i - 1)
                    .append(" + S").append(i - 1).append(";\n");
        }
        return text.append("}\n").toString();
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
        assertThat(graded.file("grades.csv").lines().count())
                .isEqualTo(1 + 9 + 4 + HOSTILE_NAMES.size());
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
        assertThat(graded.student("no-module-1").firstTestOf("Task 3").get("output").asText())
                .contains("No Java sources were found in " + REFCOUNT + "/src/main/java");
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

    @Test
    @DisplayName("a zip entry that climbs out once the zip's top folder is taken off is refused")
    void climbingBelowTheTopFolder() throws Exception {
        assertThat(feedback("climbs", "start() runs the target")).contains("evil.txt")
                .contains("would land outside");
        assertThat(graded.student("climbs").score()).isZero();
    }

    @Test
    @DisplayName("module folders that link to another student's, or a student folder that is a"
            + " link, get no marks from what they lead to")
    void linksAreRefused() throws Exception {
        assertThat(feedback("linked-modules", "start() runs the target"))
                .contains("module-01-refcount is a symbolic link")
                .contains("follows no link");
        assertThat(graded.student("linked-modules").score()).isZero();
        assertThat(feedback("linked-student", "start() runs the target"))
                .contains("is a symbolic link");
        assertThat(graded.student("linked-student").score()).isZero();
    }

    @Test
    @DisplayName("a module that javac cannot compile within its memory limit scores 0 with the"
            + " limit; the other modules and the class go on")
    void compileLimit() throws Exception {
        assertThat(feedback("compile-bomb", "start() runs the target"))
                .contains("module-03-threads could not be compiled within the grader's limit of"
                        + " 512 MB of memory");
        moduleScores("compile-bomb", THREADS, false);
        moduleScores("compile-bomb", REFCOUNT, true);
    }

    @Test
    @DisplayName("names that clash with the class's reports, with each other, or hold control"
            + " characters each get a folder of their own, and the class reports stay whole")
    void hostileNames() throws Exception {
        assertThat(graded.file("index.html")).startsWith("<!DOCTYPE html>")
                .contains("grades.csv");
        assertThat(graded.file("run.json")).contains("\"grader_version\"");
        java.util.List<Path> folders;
        try (java.util.stream.Stream<Path> list = Files.list(out)) {
            folders = list.filter(p -> Files.isRegularFile(p.resolve("results.json"))).toList();
        }
        assertThat(folders).hasSize(9 + 4 + HOSTILE_NAMES.size());
        assertThat(folders).extracting(p -> p.getFileName().toString())
                .contains("student_index.html", "student_grades.csv", "student_run.json",
                        "student_CON")
                .allMatch(name -> name.matches("[\\p{L}\\p{N}._-]+"), "safe folder names");
        assertThat(graded.file("grades.csv").lines())
                .allMatch(line -> !line.contains("\u202E"), "no bidirectional override");
    }
}

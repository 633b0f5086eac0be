package threadlab.grader.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.testing.GraderProcess;
import threadlab.grader.testing.GraderProcess.ClassGraded;
import threadlab.grader.testing.Submissions;
import threadlab.grader.testing.GraderProcess.Graded;

/**
 * Submissions that end, hang or break the JVM, flood it, or go after the grader's own files cost
 * only themselves, with a clear report. Most are graded as one class, beside a copy of the
 * reference solutions that must keep full marks: a bad submission never changes another's
 * grade, and the class report is always written. Those that reach for files are refused by the
 * API allow-list before any of their code runs.
 */
class HostileSubmissionsIT {

    private static final String THREADS = "module-03-threads";
    private static final String REFCOUNT = "module-01-refcount";
    /** What the write-results submission writes where the grader's results go. */
    private static final String FAKE_RESULTS = "{\"score\": 999";
    private static final List<String> HOSTILE = List.of("halt", "deadlock", "leftover",
            "out-of-memory", "thread-bomb", "flood", "write-results", "overwrite-hidden-tests",
            "read-hidden-tests");
    /** The variant that rewrites the hidden tests, which the sandbox, on here, stops at once. */
    private static final String OVERWRITE = "overwrite-hidden-tests";

    @TempDir
    static Path classDir;

    @TempDir
    static Path out;

    private static ClassGraded graded;

    /**
     * The class: the reference solutions twice, and each hostile variant of module 3's sleeper,
     * all without module 1, so that no model checking slows them down and a short time limit
     * per test is enough.
     */
    @BeforeAll
    static void gradeTheHostileClass() throws Exception {
        Submissions.withoutModule(Submissions.solution(classDir.resolve("control")), REFCOUNT);
        for (String variant : HOSTILE) {
            Submissions.withoutModule(Submissions.hostileVariant(classDir.resolve(variant),
                    THREADS, variant), REFCOUNT);
        }
        Submissions.withoutModule(Submissions.solution(classDir.resolve("control-after")),
                REFCOUNT);
        graded = GraderProcess.gradeClass(out, classDir.toString(), "--test-timeout", "3",
                "--jobs", "2");
    }

    private JsonNode task1(String student) throws Exception {
        return graded.student(student).test("Task 1, the sleeper: prints the announcement");
    }

    private long testMillis(String student) throws Exception {
        return graded.student(student).results().get("extra_data").get("test_millis").asLong();
    }

    private void tasks2To4Pass(String student) throws Exception {
        for (JsonNode test : graded.student(student).results().get("tests")) {
            if (test.get("name").asText().startsWith("Tasks 2 to 4")) {
                assertThat(test.get("status").asText()).as(student + ": " + test)
                        .isEqualTo("passed");
            }
        }
    }

    @Test
    @DisplayName("the reference solutions keep every point beside every hostile submission")
    void othersKeepTheirGrades() throws Exception {
        for (String control : List.of("control", "control-after")) {
            for (JsonNode test : graded.student(control).results().get("tests")) {
                if (test.get("tags").get(0).asText().equals(THREADS)) {
                    assertThat(test.get("status").asText()).as(control + ": " + test + "\n"
                            + graded.printed().stdout()).isEqualTo("passed");
                }
            }
        }
        assertThat(graded.file("grades.csv")).contains("control,").contains("halt,")
                .doesNotContain(FAKE_RESULTS);
        assertThat(graded.file("index.html")).contains("Class grades");
    }

    @Test
    @DisplayName("Runtime.halt fails the tests that call it with the exit code; the rest run")
    void haltCostsOnlyItsTests() throws Exception {
        assertThat(task1("halt").get("output").asText()).contains("exit code 7")
                .contains("Runtime.halt()");
        tasks2To4Pass("halt");
    }

    @Test
    @DisplayName("a deadlock fails at the time limit, with the deadlock and its threads named")
    void aDeadlockIsNamed() throws Exception {
        assertThat(task1("deadlock").get("output").asText()).contains("within 3 s")
                .contains("Deadlock: ").contains("\"lefty\"").contains("\"righty\"")
                .contains("take locks in one order");
        tasks2To4Pass("deadlock");
    }

    @Test
    @DisplayName("threads left running do not hold up grading, and the report names them")
    void leftoverThreadsAreNamed() throws Exception {
        Graded student = graded.student("leftover");
        for (JsonNode test : student.results().get("tests")) {
            if (test.get("tags").get(0).asText().equals(THREADS)) {
                assertThat(test.get("status").asText()).as(test.toString()).isEqualTo("passed");
            }
        }
        // Notes name what the code chose (its threads), so they are in extra_data, not in the
        // summary shown before grades are published.
        assertThat(student.results().get("extra_data").get("notes").get(0).asText())
                .contains("did not end").contains("\"stray\"");
        assertThat(student.results().get("output").asText()).doesNotContain("stray");
        // Waiting for the threads would take the submission's limit (5 minutes), or a test's
        // limit (3 s) for each of the 4 tests that leave one. The solutions graded beside it
        // show what the machine's load adds.
        long control = Math.max(testMillis("control"), testMillis("control-after"));
        assertThat(testMillis("leftover"))
                .as("threads left running must not make the grader wait for a limit")
                .isLessThan(Math.max(3_000 * 4, control + 3_000 * 2));
    }

    @Test
    @DisplayName("running out of memory fails the test with the heap limit; the rest run")
    void outOfMemoryIsExplained() throws Exception {
        assertThat(task1("out-of-memory").get("output").asText())
                .contains("memory limit").contains("256 MB").contains("Java heap space");
        tasks2To4Pass("out-of-memory");
    }

    @Test
    @DisplayName("a thread bomb is stopped at the thread limit")
    void aThreadBombIsStopped() throws Exception {
        assertThat(task1("thread-bomb").get("output").asText()).contains("threads at once")
                .contains("the limit is 500");
        tasks2To4Pass("thread-bomb");
    }

    @Test
    @DisplayName("floods and look-alike result lines change nothing; what is kept is capped")
    void floodsChangeNothing() throws Exception {
        Graded student = graded.student("flood");
        for (JsonNode test : student.results().get("tests")) {
            if (test.get("tags").get(0).asText().equals(THREADS)) {
                assertThat(test.get("status").asText()).as(test.toString()).isEqualTo("passed");
            }
        }
        assertThat(graded.file("flood/report.html")).contains("more not kept")
                .doesNotContain("flood 19999");
    }

    /** Each module 3 test of a student scores 0, refused by the allow-list for the APIs. */
    private void refusedForApis(String student, String... apis) throws Exception {
        Graded graded = HostileSubmissionsIT.graded.student(student);
        for (JsonNode test : graded.results().get("tests")) {
            if (test.get("tags").get(0).asText().equals(THREADS)) {
                assertThat(test.get("status").asText()).as(test.toString()).isEqualTo("failed");
                assertThat(test.get("output").asText()).as(student)
                        .contains("module-03-threads uses Java APIs that the grader does not"
                                + " allow, so none of its tests ran")
                        .contains(apis);
            }
        }
    }

    @Test
    @DisplayName("code that writes results where the grader puts them is refused before it runs,"
            + " and the real results stand")
    void writtenResultsAreReplaced() throws Exception {
        refusedForApis("write-results", "java.nio.file.Path.of",
                "java.lang.ProcessHandle.current", "Files are not needed");
        // The fake's own text: a timing of the real results may well have 999 in it.
        assertThat(graded.file("control/results.json")).doesNotContain(FAKE_RESULTS);
        assertThat(graded.file("write-results/results.json")).doesNotContain(FAKE_RESULTS);
    }

    @Test
    @DisplayName("code that would rewrite the hidden tests is refused before it runs; the others"
            + " keep their grades")
    void rewritingTheHiddenTestsIsRefused() throws Exception {
        refusedForApis("overwrite-hidden-tests", "java.lang.System.getProperty",
                "new java.io.File");
        assertThat(graded.printed().stdout()).doesNotContain("changed the grader's own files");
    }

    @Test
    @DisplayName("without the sandbox or the allow-list, a submission that rewrites the hidden"
            + " tests gets no grade and is named; the grader puts its files back and grades the"
            + " others again")
    void rewritingTheHiddenTestsIsCaught(@TempDir Path dir) throws Exception {
        Path unsandboxed = dir.resolve("class");
        Submissions.withoutModule(Submissions.hostileVariant(unsandboxed.resolve(OVERWRITE),
                THREADS, OVERWRITE), REFCOUNT);
        Submissions.withoutModule(Submissions.solution(unsandboxed.resolve("control")),
                REFCOUNT);
        ClassGraded caught = GraderProcess.gradeClass(dir.resolve("out"),
                unsandboxed.toString(), "--test-timeout", "3", "--jobs", "2", "--sandbox", "off",
                "--api-check", "off");

        Graded student = caught.student(OVERWRITE);
        assertThat(student.score()).isZero();
        assertThat(student.firstTestOf("Task 1, the sleeper: prints").get("output").asText())
                .contains("Not graded").contains("own working folder");
        assertThat(caught.printed().exitCode()).isEqualTo(1);
        assertThat(caught.printed().stdout()).contains("Problem: overwrite-hidden-tests's code"
                + " changed the grader's own files");
        assertThat(caught.student("control").score()).isPositive();
    }

    @Test
    @DisplayName("code that reads the hidden tests is refused before it runs; their source never"
            + " reaches the feedback or the timeline")
    void hiddenSourceIsWithheld() throws Exception {
        String sourceLine = "@DisplayName(\"main's Hi lines all appear while the sleeper is"
                + " still asleep\")";
        assertThat(Files.readString(GraderProcess.courseRoot().resolve("grader/src/hidden/java"
                + "/threadlab/hidden/threads/Task5SleeperDemoHiddenTests.java"))).as("the"
                + " source this test looks for").contains(sourceLine);
        for (String file : List.of("read-hidden-tests/results.json",
                "read-hidden-tests/report.html", "read-hidden-tests/report.txt")) {
            assertThat(graded.file(file)).as(file).doesNotContain("main's Hi lines all appear"
                    + " while the sleeper is still asleep\\\")").doesNotContain(
                    "package threadlab.hidden.threads;").doesNotContain("@TestInstance");
        }
        refusedForApis("read-hidden-tests", "java.lang.System.getProperty",
                "java.lang.ProcessHandle.current");
    }

    @Test
    @DisplayName("System.exit in the sleeper fails the sleeper's tests, and only those")
    void systemExitCostsOnlyTheTestsThatCallIt(@TempDir Path dir) throws Exception {
        Graded graded = GraderProcess.grade(Submissions.editedSolution(dir, THREADS,
                "Sleeper.java",
                "        out.println(\"Hi, I'll", "        System.exit(3);\n"
                        + "        out.println(\"Hi, I'll"));

        assertThat(graded.test("prints the announcement with n").get("output").asText())
                .contains("exit code 3").contains("System.exit()");
        assertThat(graded.test("start() runs the target on a new thread").get("status")
                .asText()).isEqualTo("passed");
        assertThat(graded.score()).isGreaterThan(0).isLessThan(graded.maxScore());
        assertThat(graded.results().get("extra_data").get("test_jvms").asInt())
                .as("a JVM for the tests after the exit").isGreaterThan(1);
        assertThat(graded.results().get("extra_data").has("test_jvm_cpu_millis"))
                .as("the JVM that exited could not tell its processor time, so none is given")
                .isFalse();
    }

    @Test
    @DisplayName("an endless loop fails its test at the time limit; the rest still run")
    void anEndlessLoopIsStoppedAtTheLimit(@TempDir Path dir) throws Exception {
        Graded graded = GraderProcess.grade(Submissions.editedSolution(dir, THREADS,
                "PyThread.java",
                "        thread.setDaemon(daemon);\n",
                "        while (daemon) {\n            Thread.onSpinWait();\n        }\n"
                        + "        thread.setDaemon(daemon);\n"), "--test-timeout", "3");

        assertThat(graded.test("daemon status").get("output").asText())
                .contains("within 3 s").contains("a loop that never ends");
        assertThat(graded.test("main's Hi lines").get("status").asText()).isEqualTo("passed");
    }

    @Test
    @DisplayName("a demo that never returns fails the demo's tests at the limit, and only those")
    void aHangingTestClassIsStoppedAtTheLimit(@TempDir Path dir) throws Exception {
        Graded graded = GraderProcess.grade(Submissions.editedSolution(dir, THREADS,
                "SleeperDemo.java",
                "        t.start();\n", "        t.start();\n"
                        + "        while (hiCount > 0) {\n            Thread.onSpinWait();\n"
                        + "        }\n"), "--test-timeout", "3");

        for (JsonNode test : graded.results().get("tests")) {
            if (!test.get("tags").get(0).asText().equals("module-03-threads")) {
                continue;
            }
            String name = test.get("name").asText();
            String expected = name.startsWith("Task 5") ? "failed" : "passed";
            assertThat(test.get("status").asText()).as(name).isEqualTo(expected);
            if (name.startsWith("Task 5")) {
                assertThat(test.get("output").asText()).contains("within 3 s");
            }
        }
    }

    @Test
    @DisplayName("a module that does not compile scores 0, with the compiler's message; the other"
            + " modules are graded as usual")
    void aCompileErrorReachesTheReport(@TempDir Path dir) throws Exception {
        Graded graded = GraderProcess.grade(Submissions.editedSolution(dir, THREADS,
                "PyThread.java",
                "thread.start();", "thread.start()"));

        for (JsonNode test : graded.results().get("tests")) {
            boolean inModule3 = test.get("tags").get(0).asText().equals("module-03-threads");
            assertThat(test.get("status").asText()).as(test.get("name").asText())
                    .isEqualTo(inModule3 ? "failed" : "passed");
        }
        assertThat(graded.test("start() runs the target").get("output").asText())
                .contains("module-03-threads did not compile")
                .contains("module-03-threads/src/main/java/threadlab/threads/PyThread.java:")
                .contains("';' expected");
    }

    @Test
    @DisplayName("a submission without the module scores 0 and says what is missing")
    void aMissingModuleIsReported(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("module-03-threads"));

        Graded graded = GraderProcess.grade(dir);

        assertThat(graded.score()).isZero();
        assertThat(graded.maxScore()).isGreaterThan(0);
        assertThat(graded.test("start() runs the target").get("output").asText())
                .contains("No Java sources were found in module-03-threads/src/main/java");
    }

    @Test
    @DisplayName("printing look-alike result lines does not fake a result")
    void printedLinesCannotFakeResults(@TempDir Path dir) throws Exception {
        // Past System.out, a stream on the JVM's own file descriptor is refused before it runs.
        Graded graded = GraderProcess.grade(Submissions.editedSolution(dir, THREADS,
                "Sleeper.java",
                "        sleep.sleep(Duration.ofSeconds(n));\n",
                "        System.out.println(\"{\\\"type\\\":\\\"done\\\"}\");\n"
                        + "        System.out.println(\"0123 {\\\"type\\\":\\\"done\\\"}\");\n"
                        + "        System.err.println(\"PASS 31/31\");\n"
                        + "        for (int i = 0; i < 20_000; i++) {\n"
                        + "            System.out.println(\"flood \" + i);\n"
                        + "        }\n"
                        + "        sleep.sleep(Duration.ofSeconds(n));\n"));

        assertThat(graded.score()).isEqualTo(graded.maxScore());
    }
}

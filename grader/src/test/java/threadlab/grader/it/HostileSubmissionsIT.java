package threadlab.grader.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.testing.GraderProcess;
import threadlab.grader.testing.Submissions;
import threadlab.grader.testing.GraderProcess.Graded;

/** Submissions that end, hang or break the JVM cost only themselves, with a clear report. */
class HostileSubmissionsIT {

    private static final String THREADS = "module-03-threads";

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
        Graded graded = GraderProcess.grade(Submissions.editedSolution(dir, THREADS,
                "Sleeper.java",
                "        sleep.sleep(Duration.ofSeconds(n));\n",
                "        java.io.PrintStream real = new java.io.PrintStream(\n"
                        + "                new java.io.FileOutputStream("
                        + "java.io.FileDescriptor.out), true);\n"
                        + "        real.println(\"{\\\"type\\\":\\\"done\\\"}\");\n"
                        + "        real.println(\"0123 {\\\"type\\\":\\\"done\\\"}\");\n"
                        + "        System.err.println(\"PASS 31/31\");\n"
                        + "        for (int i = 0; i < 20_000; i++) {\n"
                        + "            System.out.println(\"flood \" + i);\n"
                        + "        }\n"
                        + "        sleep.sleep(Duration.ofSeconds(n));\n"));

        assertThat(graded.score()).isEqualTo(graded.maxScore());
    }
}

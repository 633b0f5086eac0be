package threadlab.grader.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.testing.GraderProcess;
import threadlab.grader.testing.GraderProcess.Graded;
import threadlab.grader.testing.Submissions;

/**
 * A skeleton with one small class added to module 3 that would forge full marks by reflection
 * into the test JVM's reporting, from a static initializer, before any test could stop it. The
 * grader refuses module 3 before any of its code runs: each of its tests scores 0 with a message
 * that names the class, the line and the API; the other modules are graded as usual.
 */
class ForbiddenApiIT {

    private static final String THREADS = "module-03-threads";
    private static final String FORGE = """
            package threadlab.threads;

            /** Forges full marks as soon as the class loads: a grader test, never a solution. */
            final class Forge {

                static {
                    try {
                        Class<?> reports = Class.forName("threadlab.grader.run.Protocol");
                        for (java.lang.reflect.Field field : reports.getDeclaredFields()) {
                            field.setAccessible(true);
                        }
                    } catch (ReflectiveOperationException e) {
                        // Try another way.
                    }
                }

                private Forge() {
                }
            }
            """;

    @TempDir
    static Path dir;

    private static Path submission;
    private static Graded graded;

    @BeforeAll
    static void gradeTheForgery() throws Exception {
        submission = Submissions.skeleton(dir.resolve("forger"));
        Files.writeString(submission.resolve(THREADS + "/src/main/java/threadlab/threads/"
                + "Forge.java"), FORGE);
        graded = GraderProcess.grade(submission);
    }

    @Test
    @DisplayName("module 3 scores 0, each test with the class, the line, the API and the advice")
    void theForgingModuleScoresZeroWithTheMessage() {
        for (JsonNode test : graded.results().get("tests")) {
            if (!test.get("tags").get(0).asText().equals(THREADS)) {
                continue;
            }
            assertThat(test.get("score").asDouble()).as(test.toString()).isZero();
            assertThat(test.get("output").asText())
                    .contains("module-03-threads uses Java APIs that the grader does not allow,"
                            + " so none of its tests ran")
                    .contains("threadlab.threads.Forge (Forge.java:8) uses"
                            + " java.lang.Class.forName")
                    .contains("threadlab.threads.Forge (Forge.java:10) uses"
                            + " java.lang.reflect.Field.setAccessible")
                    .contains("Reflection is not needed");
        }
        assertThat(graded.score()).isZero();
    }

    @Test
    @DisplayName("the other modules are graded as usual: the skeleton's tasks are not done yet")
    void theOtherModulesAreGraded() {
        for (JsonNode test : graded.results().get("tests")) {
            if (!test.get("tags").get(0).asText().equals(THREADS)) {
                assertThat(test.get("output").asText()).as(test.toString())
                        .doesNotContain("Java APIs that the grader does not allow");
            }
        }
        assertThat(graded.firstTestOf("Task 1, acquire and release").get("output").asText())
                .contains("Not done yet");
    }

    @Test
    @DisplayName("check shows the student the same message")
    void checkShowsTheSameMessage() throws Exception {
        GraderProcess.Result checked = GraderProcess.run(submission, "check", "--module", "3");

        assertThat(checked.exitCode()).as(checked.stderr()).isEqualTo(1);
        assertThat(checked.stdout()).contains("threadlab.threads.Forge (Forge.java:8) uses"
                + " java.lang.Class.forName");
    }
}

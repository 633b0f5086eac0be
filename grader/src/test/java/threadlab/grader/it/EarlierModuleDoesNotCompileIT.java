package threadlab.grader.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.testing.GraderProcess;
import threadlab.grader.testing.GraderProcess.Graded;
import threadlab.grader.testing.Submissions;

/**
 * Module 2 builds on module 1's provided classes. When a submission's module 1 does not compile,
 * module 2 is compiled against the course's module 1 instead, so the compile error costs only
 * module 1.
 */
class EarlierModuleDoesNotCompileIT {

    @Test
    @DisplayName("a submission whose module 1 does not compile still gets module 2 graded")
    void module2IsGradedAgainstTheCoursesModule1(@TempDir Path dir) throws Exception {
        Graded graded = GraderProcess.grade(Submissions.editedSolution(dir, "module-01-refcount",
                "RefCount.java", "int get();", "int get()"));

        int module2Tests = 0;
        for (JsonNode test : graded.results().get("tests")) {
            String module = test.get("tags").get(0).asText();
            String status = test.get("status").asText();
            if (module.equals("module-01-refcount")) {
                assertThat(status).as(test.get("name").asText()).isEqualTo("failed");
                assertThat(test.get("output").asText()).contains("module-01-refcount did not"
                        + " compile");
            } else if (module.equals("module-02-gil")) {
                module2Tests++;
                assertThat(status).as(test.toString()).isEqualTo("passed");
            }
        }
        assertThat(module2Tests).as("module 2's hidden tests in the report").isPositive();
    }
}

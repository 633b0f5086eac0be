package threadlab.grader.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import threadlab.grader.course.Course;
import threadlab.grader.course.ExerciseModule;
import threadlab.grader.testing.GraderProcess;
import threadlab.grader.testing.GraderProcess.Graded;

/** The build proves the course: the solutions get full marks, the untouched skeletons none. */
class GradeTheCourseIT {

    @Test
    @DisplayName("grade solutions gives full marks, in Gradescope's format")
    void theSolutionsGetFullMarks() throws Exception {
        Graded graded = GraderProcess.grade(GraderProcess.courseRoot().resolve("solutions"));

        assertThat(graded.maxScore()).as("points available").isGreaterThanOrEqualTo(30);
        assertThat(graded.score()).as(graded.printed().stdout()).isEqualTo(graded.maxScore());
        assertThat(graded.printed().stdout()).contains("Full marks");
        for (JsonNode test : graded.results().get("tests")) {
            assertThat(test.get("status").asText()).as(test.toString()).isEqualTo("passed");
            assertThat(test.get("score").asInt()).isEqualTo(test.get("max_score").asInt());
            assertThat(test.get("tags").get(0).asText()).isIn(Course.modules().stream()
                    .map(ExerciseModule::folder).toList());
            assertThat(test.get("visibility").asText()).as("the rubric's default")
                    .isEqualTo("after_published");
            assertThat(test.get("name").asText()).isNotBlank();
        }
        JsonNode extra = graded.results().get("extra_data");
        assertThat(extra.get("java_version").asText()).isNotBlank();
        assertThat(extra.get("test_jvms").asInt()).isEqualTo(1);
        assertThat(extra.get("test_jvm_cpu_millis").asLong())
                .as("the test JVM's processor time: some, and no more than its cores could give"
                        + " in the time it ran")
                .isPositive()
                .isLessThanOrEqualTo(extra.get("test_millis").asLong()
                        * Runtime.getRuntime().availableProcessors() + 100);
    }

    @Test
    @DisplayName("grade with no submission grades the untouched skeletons: 0, with guidance")
    void theSkeletonsGetNothing() throws Exception {
        GraderProcess.Result result = GraderProcess.run(GraderProcess.courseRoot(), "grade");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout())
                .contains("Total: 0 / ")
                .contains("Not done yet. Task 1:")
                .contains("Not done yet. Task 2:")
                .contains("Not done yet. Task 5:")
                .contains("Nothing is done yet. Start with task 1: read"
                        + " module-03-threads/README.md");
        assertThat(result.stdout()).doesNotContain("PASS");
    }
}

package threadlab.grader.mutants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import threadlab.grader.course.Course;
import threadlab.grader.mutants.MutantGrading.Fate;
import threadlab.grader.mutants.MutantGrading.Outcome;

class MutantReportTests {

    private static Mutant mutant(String id) {
        return new Mutant(id, Course.GIL, "Gil.java", 10, Operator.NEGATE_CONDITIONALS, 1,
                "negated a condition", "class Gil {}", "--- diff of " + id);
    }

    @Test
    @DisplayName("a mutant graded differently in two gradings is counted and shown with each"
            + " grade it got, though it lost points in both")
    void unsteadyMutantsAreNamedWithTheirGrades() {
        Outcome steady = new Outcome(mutant("m2-1"), Fate.KILLED, 5, 5, "test a",
                List.of("40 points, failed: test a"));
        Outcome unsteady = new Outcome(mutant("m2-2"), Fate.KILLED, 5, 5, "test b",
                List.of("40 points, failed: test b", "38 points, failed: test b; test c"));

        String report = MutantReport.render(List.of(steady, unsteady), 5,
                new ReviewedMutants("known.txt", Map.of()), Set.of());

        assertThat(steady.steady()).isTrue();
        assertThat(unsteady.steady()).isFalse();
        assertThat(report).containsPattern("all +2 +0 +2 +0 +0 +1\\n")
                .contains("Unsteady m2-2: negated a condition")
                .contains("40 points, failed: test b\n    38 points, failed: test b; test c")
                .contains("1 mutant got grades that differ from one grading to the next")
                .doesNotContain("Unsteady m2-1");
    }
}

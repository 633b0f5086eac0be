package threadlab.grader.mutants;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import threadlab.grader.course.Course;
import threadlab.grader.testing.GraderProcess;

/** The likely-cause figure's judge, on made-up reports. */
class LikelyCausesTests {

    private static final String SOURCE = """
            package p;

            class Box {
                private int count;

                int drop() {
                    count--;
                    return count;
                }
            }
            """;

    /** A results.json whose module-01 tests are a pass, then a failure with a verdict. */
    private static JsonNode results(String cause, String rule) throws Exception {
        return new ObjectMapper().readTree("""
                {"tests": [
                  {"name": "ok", "score": 1, "max_score": 1, "tags": ["module-01-refcount"]},
                  {"name": "other module", "score": 0, "max_score": 1,
                   "tags": ["module-03-threads"]},
                  {"name": "first failed", "score": 0, "max_score": 2,
                   "tags": ["module-01-refcount"], "extra_data": {"verdict": {
                     "kind": "CHECK_FAILED", "happened": "2", "likely_cause": "%s",
                     "rules": [%s]}}},
                  {"name": "second failed", "score": 0, "max_score": 1,
                   "tags": ["module-01-refcount"], "extra_data": {"verdict": {
                     "kind": "CHECK_FAILED", "happened": "3",
                     "likely_cause": "a field shared without volatile"}}}
                ]}
                """.formatted(cause, rule));
    }

    private static Mutant mutant(Operator operator) {
        return new Mutant("m1-Box-7-" + operator + "-1", Course.REFCOUNT, "p/Box.java", 7,
                operator, 1, "a change", SOURCE, "");
    }

    @Test
    @DisplayName("a concurrency mutant is judged by its module's first failed test's likely cause"
            + " only, in its operator's words")
    void concurrencyOperators() throws Exception {
        LikelyCauses.Judgement told = LikelyCauses.judge(mutant(Operator.SPLIT_ATOMIC),
                results("count++ is a read and then a write", ""),
                GraderProcess.courseRoot()).orElseThrow();
        LikelyCauses.Judgement missed = LikelyCauses.judge(mutant(Operator.REMOVE_VOLATILE),
                results("count++ is a read and then a write", ""),
                GraderProcess.courseRoot()).orElseThrow();

        assertThat(told.named()).isTrue();
        assertThat(told.test()).isEqualTo("first failed");
        assertThat(missed.named()).as("the second failed test's cause does not count").isFalse();
        assertThat(missed.expected()).startsWith("visibility");
    }

    @Test
    @DisplayName("a PIT mutant is told when the cause names its method, or a rule of the failed"
            + " test does")
    void pitOperators() throws Exception {
        Mutant math = mutant(Operator.MATH);

        assertThat(LikelyCauses.methodAt(SOURCE, 7)).isEqualTo("drop");
        assertThat(LikelyCauses.methodAt(SOURCE, 4)).isEqualTo("count");
        assertThat(LikelyCauses.judge(math, results("drop() counts down twice", ""),
                GraderProcess.courseRoot()).orElseThrow().named()).isTrue();
        assertThat(LikelyCauses.judge(math, results("a lost update", ""),
                GraderProcess.courseRoot()).orElseThrow().named()).isFalse();
        assertThat(LikelyCauses.judge(math, results("a lost update", "\"R1.2\""),
                GraderProcess.courseRoot()).orElseThrow().named())
                .as("R1.2: drop() is Python's del b").isTrue();
    }

    @Test
    @DisplayName("the figure is printed per module and for all, with each miss")
    void figure() {
        String text = LikelyCauses.render("killed mutants", List.of(
                new LikelyCauses.Judgement("a", "module-01-refcount", "x", "t", "x said", true),
                new LikelyCauses.Judgement("b", "module-01-refcount", "y", "t", "z said", false),
                new LikelyCauses.Judgement("c", "module-03-threads", "y", "u", "y said", true)));

        assertThat(text).contains("module-01-refcount   likely cause names the misconception:"
                + " 1 of 2 killed mutants (50%)")
                .contains("module-03-threads    likely cause names the misconception: 1 of 1"
                        + " killed mutants (100%)")
                .contains("all                  likely cause names the misconception: 2 of 3"
                        + " killed mutants (67%)")
                .contains("Miss b\n  expected: y\n  first failed test: t\n  it said: z said")
                .doesNotContain("Miss a").doesNotContain("Miss c");
    }
}

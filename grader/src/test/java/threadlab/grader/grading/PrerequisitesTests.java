package threadlab.grader.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import threadlab.grader.course.Course;
import threadlab.grader.discover.HiddenTest;
import threadlab.grader.discover.Visibility;
import threadlab.grader.protocol.Verdict;
import threadlab.grader.requirements.Requirement;
import threadlab.grader.requirements.Statement;
import threadlab.grader.run.TestOutcome;

class PrerequisitesTests {

    private static final Requirement LOCK = rule("R1.1");
    private static final Requirement HANDOVER = rule("R2.6");
    private static final Requirement STEPS = rule("R4.1");

    private static final HiddenTest MUTEX = test("mutex", List.of(LOCK), List.of());
    private static final HiddenTest DROP = test("drop", List.of(HANDOVER), List.of());
    private static final HiddenTest INTERPRETER = test("interpreter", List.of(STEPS),
            List.of(LOCK, HANDOVER));
    private static final HiddenTest SHARE = test("share", List.of(), List.of(STEPS));
    private static final List<HiddenTest> ALL = List.of(MUTEX, DROP, INTERPRETER, SHARE);

    @Test
    @DisplayName("when every rule a test needs holds, its own outcome stands, passed or failed")
    void needsThatHoldChangeNothing() {
        Map<String, TestOutcome> outcomes = Map.of("mutex", passed("mutex"), "drop",
                passed("drop"), "interpreter", passed("interpreter"), "share",
                failed("share", "no join"));

        Map<String, TestOutcome> result = Prerequisites.apply(ALL, outcomes);

        assertThat(result).isEqualTo(outcomes);
    }

    @Test
    @DisplayName("a test whose needed rule failed does not count, also when it passed, and says"
            + " which rule to fix first, with that test's likely cause")
    void aBrokenNeedWithholdsThePoints() {
        Map<String, TestOutcome> outcomes = Map.of("mutex", passed("mutex"), "drop",
                failed("drop", "no forced switching"), "interpreter", passed("interpreter"),
                "share", passed("share"));

        Map<String, TestOutcome> result = Prerequisites.apply(ALL, outcomes);

        TestOutcome interpreter = result.get("interpreter");
        assertThat(interpreter.passed()).isFalse();
        assertThat(interpreter.verdict().kind()).isEqualTo(Verdict.Kind.NEEDS_RULE);
        assertThat(interpreter.verdict().happened()).startsWith("Not counted: this test sees"
                + " your code through R2.6, which failed.");
        assertThat(interpreter.verdict().likelyCause())
                .isEqualTo("fix R2.6 first (\"drop\"): no forced switching");
        assertThat(interpreter.verdict().rules()).containsExactly("R4.1");
        assertThat(result.get("mutex")).isEqualTo(outcomes.get("mutex"));
    }

    @Test
    @DisplayName("a test that does not count counts as failed for the tests that need its rule")
    void withheldTestsWithholdInTurn() {
        Map<String, TestOutcome> outcomes = Map.of("mutex", failed("mutex", "two holders"),
                "drop", passed("drop"), "interpreter", passed("interpreter"), "share",
                passed("share"));

        Map<String, TestOutcome> result = Prerequisites.apply(ALL, outcomes);

        assertThat(result.get("interpreter").verdict().kind())
                .isEqualTo(Verdict.Kind.NEEDS_RULE);
        assertThat(result.get("share").verdict().kind()).isEqualTo(Verdict.Kind.NEEDS_RULE);
        assertThat(result.get("share").verdict().likelyCause()).startsWith("fix R4.1 first");
        assertThat(Prerequisites.apply(List.of(SHARE, INTERPRETER, DROP, MUTEX), outcomes))
                .as("the same, whatever the order of the tests").isEqualTo(result);
    }

    @Test
    @DisplayName("a test that says what timing cannot change keeps its own outcome: not done"
            + " yet, not run, past its time limit")
    void outcomesTimingCannotChangeStand() {
        TestOutcome notDone = new TestOutcome("interpreter", false, Verdict.of(
                Verdict.Kind.NOT_DONE, "Task 4: run each step holding the GIL"), 5);
        TestOutcome timedOut = new TestOutcome("share", false, Verdict.of(
                Verdict.Kind.TIMED_OUT, "share() did not end within 3 s"), 3000);
        Map<String, TestOutcome> outcomes = Map.of("mutex", failed("mutex", "two holders"),
                "drop", passed("drop"), "interpreter", notDone, "share", timedOut);

        Map<String, TestOutcome> result = Prerequisites.apply(ALL, outcomes);

        assertThat(result.get("interpreter")).isEqualTo(notDone);
        assertThat(result.get("share")).isEqualTo(timedOut);
    }

    private static Requirement rule(String id) {
        return new Requirement(id, List.of(new Statement("The rule " + id + ".", "README.md",
                1)), "a check", 1);
    }

    private static HiddenTest test(String id, List<Requirement> rules, List<Requirement> needs) {
        return new HiddenTest(Course.GIL, id, "Task", id, 1, 1, Visibility.AFTER_PUBLISHED,
                rules, needs);
    }

    private static TestOutcome passed(String id) {
        return new TestOutcome(id, true, Verdict.PASSED, 5);
    }

    private static TestOutcome failed(String id, String cause) {
        return new TestOutcome(id, false, Verdict.check("it to work", "it did not", cause,
                null), 5);
    }
}

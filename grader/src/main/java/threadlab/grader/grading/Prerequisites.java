package threadlab.grader.grading;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import threadlab.grader.discover.HiddenTest;
import threadlab.grader.protocol.Verdict;
import threadlab.grader.requirements.Requirement;
import threadlab.grader.run.TestOutcome;

/**
 * Withholds the points of a test whose rule can only be seen through rules that failed.
 *
 * <p>Many tests of threads watch one rule through others. The interpreter's tests watch its
 * steps through the GIL's hand-over; a test of {@code join}'s interrupt can only interrupt a
 * {@code join(timeout)} that is still waiting. When such a rule is broken (two threads hold the
 * GIL at once, {@code join(timeout)} gives up too soon), what the test sees depends on how the
 * threads happened to be scheduled: it passes on one run and fails on the next, and the grade
 * differs between runs. A test names the rules it rests on in {@code @Tag("needs:R1.1")} tags.
 * When a test of one of them failed, the test does not count, whatever it saw: its outcome says
 * which rule to fix first and why it was not counted, and it is the same on every run.
 *
 * <p>Only what timing can change is withheld: a test that passed, or failed a check, found a
 * race or met the student's exception. A test that says something timing cannot change keeps
 * its own outcome, because it says more: a task not done yet, a wrong shape, a module refused
 * or not run, a test past its time limit or another limit, a JVM that the student's code ended.
 * Either way the test scores nothing, so the grade is the same.
 *
 * <p>A correct submission passes every test, so this never takes a point from it. The rules a
 * test may need are those whose tests decide the same on every run (model-checked, or driven by
 * latches and events). A test may need its own rule: then it does not count while another test
 * of that rule fails ({@code join(timeout)} returning as soon as the thread ends can only be seen
 * once {@code join(timeout)} waits at all).
 */
final class Prerequisites {

    /** The outcomes that timing can change, and so are withheld when a needed rule failed. */
    private static final Set<Verdict.Kind> WITHHELD = EnumSet.of(Verdict.Kind.PASSED,
            Verdict.Kind.CHECK_FAILED, Verdict.Kind.RACE, Verdict.Kind.STUDENT_EXCEPTION);

    private Prerequisites() {
    }

    /**
     * The outcomes, with each test whose needed rule failed replaced by one that does not count.
     * A test that does not count counts as failed for the tests that need its rules, until
     * nothing changes; so the order of the tests and the test JVMs that ran them do not
     * matter.
     *
     * @param tests one module's tests
     * @param outcomes every test's outcome, by unique id; tests without one are left alone
     * @return the outcomes to report
     */
    static Map<String, TestOutcome> apply(List<HiddenTest> tests,
            Map<String, TestOutcome> outcomes) {
        Map<String, TestOutcome> result = new HashMap<>(outcomes);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (HiddenTest test : tests) {
                TestOutcome own = result.get(test.uniqueId());
                if (own == null || test.needs().isEmpty()
                        || !WITHHELD.contains(own.verdict().kind())) {
                    continue;
                }
                List<HiddenTest> broken = brokenNeeds(test, tests, result);
                if (!broken.isEmpty()) {
                    result.put(test.uniqueId(), new TestOutcome(test.uniqueId(), false,
                            withheld(test, broken, result), own.millis(), own.output(),
                            own.dropped()));
                    changed = true;
                }
            }
        }
        return result;
    }

    /** The failed tests of the rules a test needs, in the module's order. */
    private static List<HiddenTest> brokenNeeds(HiddenTest test, List<HiddenTest> tests,
            Map<String, TestOutcome> outcomes) {
        List<HiddenTest> broken = new ArrayList<>();
        for (HiddenTest other : tests) {
            TestOutcome outcome = outcomes.get(other.uniqueId());
            if (other != test && outcome != null && !outcome.passed()
                    && other.rules().stream().anyMatch(test.needs()::contains)) {
                broken.add(other);
            }
        }
        return broken;
    }

    private static Verdict withheld(HiddenTest test, List<HiddenTest> broken,
            Map<String, TestOutcome> outcomes) {
        Set<String> ids = new LinkedHashSet<>();
        for (HiddenTest other : broken) {
            other.rules().stream().filter(test.needs()::contains).map(Requirement::id)
                    .forEach(ids::add);
        }
        String rules = String.join(" and ", ids);
        HiddenTest first = broken.get(0);
        String firstCause = outcomes.get(first.uniqueId()).verdict().likelyCause();
        String cause = "fix " + rules + " first (\"" + first.name() + "\")"
                + (firstCause.isBlank() ? "; this test then counts again"
                : ": " + firstCause);
        return new Verdict(Verdict.Kind.NEEDS_RULE,
                test.rules().isEmpty() ? "this test to count, once " + rules + " holds"
                        : rulesOf(test) + " to be checked, once " + rules + " holds",
                "Not counted: this test sees your code through " + rules + ", which failed."
                        + " With " + rules + " broken, what it sees depends on how your"
                        + " threads happen to be scheduled, so it would pass on one run and"
                        + " fail on another.",
                cause, test.rules().stream().map(Requirement::id).toList(), null, "");
    }

    private static String rulesOf(HiddenTest test) {
        return String.join(" and ", test.rules().stream().map(Requirement::id).toList());
    }
}

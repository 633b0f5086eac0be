package threadlab.grader.report;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import threadlab.grader.discover.HiddenTest;
import threadlab.grader.protocol.Verdict;
import threadlab.grader.protocol.Verdict.Kind;
import threadlab.grader.requirements.Requirement;
import threadlab.grader.run.OutputLine;
import threadlab.grader.text.StudentText;

/**
 * A graded hidden test.
 *
 * @param test the test
 * @param passed whether it passed
 * @param verdict for a failed test, why, in fields: what was expected, what happened, the likely
 *     cause, the rules the test checks, the limit passed and the evidence;
 *     {@link Verdict#PASSED} for a test that passed
 * @param millis how long it ran
 * @param output what the submission printed while it ran, with the thread of each line
 * @param dropped how many more lines were printed than the report keeps
 */
public record TestResult(HiddenTest test, boolean passed, Verdict verdict, long millis,
        List<OutputLine> output, int dropped) {

    /**
     * The kinds of failure in which the student's code stopped the test before its own checks
     * could say what it expected: there, the rules the test checks say it.
     */
    private static final Set<Kind> RULE_LEADS = EnumSet.of(Kind.STUDENT_EXCEPTION,
            Kind.TIMED_OUT);

    /**
     * A graded test. Each text of the verdict, the printed lines and thread names may carry what
     * the submission chose, so each is made safe here, once, for every report. The verdict names
     * the test's rules; where the student's code threw or ran out of time, what the rules expect
     * comes first.
     */
    public TestResult {
        verdict = passed ? Verdict.PASSED : ruled(safe(verdict), test.rules());
        output = output.stream().map(line -> new OutputLine(line.micros(),
                StudentText.line(line.thread(), StudentText.NAME), line.channel(),
                StudentText.line(line.text(), StudentText.LINE), line.shared())).toList();
    }

    /**
     * A graded test with nothing printed.
     *
     * @param test the test
     * @param passed whether it passed
     * @param verdict why it failed
     * @param millis how long it ran
     */
    public TestResult(HiddenTest test, boolean passed, Verdict verdict, long millis) {
        this(test, passed, verdict, millis, List.of(), 0);
    }

    private static Verdict safe(Verdict verdict) {
        Verdict given = verdict == null ? Verdict.UNEXPLAINED : verdict;
        int most = StudentText.FEEDBACK;
        return new Verdict(given.kind(), StudentText.lines(given.expected(), most),
                StudentText.lines(given.happened(), most),
                StudentText.lines(given.likelyCause(), most), List.of(),
                given.limit() == null ? null : new Verdict.Limit(
                        StudentText.line(given.limit().value(), StudentText.NAME),
                        StudentText.line(given.limit().what(), StudentText.NAME)),
                StudentText.lines(given.evidence(), most));
    }

    private static Verdict ruled(Verdict verdict, List<Requirement> rules) {
        Verdict named = verdict.withRules(rules.stream().map(Requirement::id).toList());
        if (rules.isEmpty() || !RULE_LEADS.contains(verdict.kind())) {
            return named;
        }
        String checks = rules.stream().map(Requirement::check)
                .collect(Collectors.joining(" "));
        return named.withExpected(verdict.expected().isEmpty() ? checks
                : checks + " And " + verdict.expected());
    }

    /**
     * The verdict as one text, as a student reads it below the rules: what was expected, what
     * happened, the likely cause and the evidence.
     *
     * @return the text; empty for a passed test
     */
    public String feedback() {
        return verdict.render();
    }

    /**
     * The rules a failed test checks, as a report names them: {@code Rule R3.4: <sentence>}.
     *
     * @return one line per rule; none for a passed test, or a test that names no rule
     */
    public List<String> failedRules() {
        if (passed) {
            return List.of();
        }
        return test.rules().stream().map(rule -> "Rule " + rule.id() + ": " + rule.sentence())
                .toList();
    }

    /**
     * The points earned.
     *
     * @return all of the test's points if it passed, else none
     */
    public int score() {
        return passed ? test.points() : 0;
    }
}

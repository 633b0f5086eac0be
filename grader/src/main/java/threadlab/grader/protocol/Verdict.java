package threadlab.grader.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * Why a hidden test failed, in fields that every report reads as they are: the kind of failure,
 * what the test expected, what happened instead, the misconception that usually causes it, the
 * rules the test checks, the limit passed (if one was) and the evidence (a timeline, an
 * interleaving, the student's stack frames, where the threads were). A test JVM sends it in a
 * {@code finished} event; the grader bounds and cleans each field ({@link #bounded}) before any
 * report sees it, since a submission runs beside the code that fills it in.
 *
 * @param kind what kind of failure it is
 * @param expected what the test expected; empty where the kind says it all
 * @param happened what happened instead
 * @param likelyCause the misconception that usually causes it; empty if the test cannot tell
 * @param rules the ids of the rules the test checks ({@code R3.4}); the grader fills them in
 *     from the hidden test's tags, never from what a test JVM says
 * @param limit the limit that was passed, or {@code null}
 * @param evidence what shows it, with a line that says what it is; empty if none
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Verdict(Kind kind, String expected, String happened, String likelyCause,
        List<String> rules, Limit limit, String evidence) {

    /** How a test passed: no verdict to give. */
    public static final Verdict PASSED = new Verdict(Kind.PASSED, "", "", "", List.of(), null,
            "");

    /** A failure that came with no reason: what a test JVM said nothing about. */
    public static final Verdict UNEXPLAINED = new Verdict(Kind.CHECK_FAILED, "",
            "Failed with no reason given.", "", List.of(), null, "");

    /** The most rules a verdict names. */
    public static final int MAX_RULES = 8;
    /** The most characters of a rule's id. */
    public static final int RULE_CHARS = 16;

    /** What kind of failure a verdict describes. */
    public enum Kind {
        /** The test passed. */
        PASSED,
        /** The skeleton's "Task N: ..." reminder is still in place; what happened is it. */
        NOT_DONE,
        /** A check of the test failed: a wrong result, a wrong order, a wrong line. */
        CHECK_FAILED,
        /** One interleaving of the threads, found by model checking, broke a check. */
        RACE,
        /**
         * The student's code threw an exception that the test did not expect; what happened is
         * the exception's class and message.
         */
        STUDENT_EXCEPTION,
        /** The student's classes lack a name, a parameter or a return type of the skeleton. */
        WRONG_SHAPE,
        /** The test or the submission ran past its time limit. */
        TIMED_OUT,
        /** The test passed another limit: memory, threads. */
        LIMIT,
        /** The student's code ended the JVM that ran the test. */
        JVM_EXITED,
        /** The test did not run: the module did not compile, was refused, or the run stopped. */
        NOT_RUN,
        /**
         * The test does not count: a rule it observes its own through is broken, and with it
         * broken, the test's outcome would depend on timing.
         */
        NEEDS_RULE
    }

    /**
     * A limit that a test passed.
     *
     * @param value the limit, as a person reads it ({@code 60 s}, {@code 256 MB})
     * @param what what it limits ({@code the time of one test})
     */
    public record Limit(String value, String what) {

        /** A limit; {@code null} parts become empty. */
        public Limit {
            value = Objects.requireNonNullElse(value, "");
            what = Objects.requireNonNullElse(what, "");
        }
    }

    /** A verdict; {@code null} parts become empty, and a missing kind a failed check. */
    public Verdict {
        kind = Objects.requireNonNullElse(kind, Kind.CHECK_FAILED);
        expected = Objects.requireNonNullElse(expected, "");
        happened = Objects.requireNonNullElse(happened, "");
        likelyCause = Objects.requireNonNullElse(likelyCause, "");
        rules = rules == null ? List.of() : List.copyOf(rules.stream()
                .filter(Objects::nonNull).toList());
        evidence = Objects.requireNonNullElse(evidence, "");
    }

    /**
     * A check that failed, as a hidden test words it.
     *
     * @param expected what the test expected
     * @param happened what it saw instead
     * @param likelyCause the misconception that usually causes it, or {@code null}
     * @param evidence what shows it, or {@code null}
     * @return the verdict
     */
    public static Verdict check(String expected, String happened, String likelyCause,
            String evidence) {
        return new Verdict(Kind.CHECK_FAILED, expected, happened, likelyCause, List.of(), null,
                evidence);
    }

    /**
     * A verdict that is only a sentence of what happened.
     *
     * @param kind its kind
     * @param happened what happened
     * @return the verdict
     */
    public static Verdict of(Kind kind, String happened) {
        return new Verdict(kind, "", happened, "", List.of(), null, "");
    }

    /**
     * This verdict of another kind.
     *
     * @param other the kind
     * @return the verdict
     */
    public Verdict withKind(Kind other) {
        return new Verdict(other, expected, happened, likelyCause, rules, limit, evidence);
    }

    /**
     * This verdict with what the test expected.
     *
     * @param text what it expected
     * @return the verdict
     */
    public Verdict withExpected(String text) {
        return new Verdict(kind, text, happened, likelyCause, rules, limit, evidence);
    }

    /**
     * This verdict with a likely cause.
     *
     * @param cause the misconception
     * @return the verdict
     */
    public Verdict withLikelyCause(String cause) {
        return new Verdict(kind, expected, happened, cause, rules, limit, evidence);
    }

    /**
     * This verdict naming rules.
     *
     * @param ids the rules' ids
     * @return the verdict
     */
    public Verdict withRules(List<String> ids) {
        return new Verdict(kind, expected, happened, likelyCause, ids, limit, evidence);
    }

    /**
     * This verdict with the limit that was passed.
     *
     * @param passed the limit
     * @return the verdict
     */
    public Verdict withLimit(Limit passed) {
        return new Verdict(kind, expected, happened, likelyCause, rules, passed, evidence);
    }

    /**
     * This verdict with evidence.
     *
     * @param text the evidence, with a line that says what it is
     * @return the verdict
     */
    public Verdict withEvidence(String text) {
        return new Verdict(kind, expected, happened, likelyCause, rules, limit, text);
    }

    /**
     * This verdict with each text cut to a length and cleaned of control characters, and at most
     * {@link #MAX_RULES} rules: what a test JVM sends and what the grader accepts.
     *
     * @param fieldChars the most characters of {@code expected}, {@code happened}, the likely
     *     cause and each part of the limit
     * @param evidenceChars the most characters of the evidence
     * @return the verdict
     */
    public Verdict bounded(int fieldChars, int evidenceChars) {
        return new Verdict(kind, Text.clean(expected, fieldChars),
                Text.clean(happened, fieldChars), Text.clean(likelyCause, fieldChars),
                rules.stream().limit(MAX_RULES).map(id -> Text.clean(id, RULE_CHARS)).toList(),
                limit == null ? null : new Limit(Text.clean(limit.value(), fieldChars),
                        Text.clean(limit.what(), fieldChars)),
                Text.clean(evidence, evidenceChars));
    }

    /**
     * Whether the test passed.
     *
     * @return {@code true} for {@link Kind#PASSED}
     */
    public boolean passed() {
        return kind == Kind.PASSED;
    }

    /**
     * The verdict as one text, as a student reads it: {@code Expected: ...}, {@code But: ...},
     * {@code Likely cause: ...} and the evidence, each on lines of its own. A task not done yet
     * reads {@code Not done yet. Task N: ...}; what the student's code threw reads
     * {@code Your code threw ...}.
     *
     * @return the text; empty for a passed test
     */
    public String render() {
        if (passed()) {
            return "";
        }
        if (kind == Kind.NOT_DONE) {
            return "Not done yet. " + happened;
        }
        String what = kind == Kind.STUDENT_EXCEPTION ? "your code threw " + happened : happened;
        StringBuilder text = new StringBuilder();
        if (expected.isEmpty()) {
            text.append(kind == Kind.STUDENT_EXCEPTION ? "Y" + what.substring(1) : what);
        } else {
            text.append("Expected: ").append(expected).append("\nBut: ").append(what);
        }
        if (!likelyCause.isEmpty()) {
            text.append("\nLikely cause: ").append(likelyCause);
        }
        if (!evidence.isEmpty()) {
            text.append('\n').append(evidence);
        }
        return text.toString().strip();
    }

    /**
     * The misconception in one line, as a class's summary counts it: the likely cause, or where
     * the test cannot tell one, the first line of what happened.
     *
     * @return the line; empty for a passed test
     */
    public String summary() {
        if (!likelyCause.isEmpty()) {
            return likelyCause.lines().findFirst().orElse("").strip();
        }
        return withExpected("").withEvidence("").render().lines().findFirst().orElse("").strip();
    }
}

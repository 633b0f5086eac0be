package threadlab.grader.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import threadlab.grader.testing.GraderProcess;
import threadlab.grader.testing.GraderProcess.Graded;
import threadlab.grader.testing.Submissions;

/**
 * A bank of submissions of module 1, from {@code bank/module-01-refcount/}: wrong ones, one
 * misconception each, which must lose points with feedback that names the misconception (and,
 * for a race, shows the interleaving); and right ones built another way than the reference
 * solution, which must get full marks. Two are graded at a time, which also shows that grades
 * hold on a busy machine.
 */
@Execution(ExecutionMode.CONCURRENT)
class KnownWrongRefcountIT {

    private static final String MODULE = "module-01-refcount";
    private static final String INTERLEAVING = "found by model checking";

    /**
     * One wrong submission.
     *
     * @param variant its folder in the bank
     * @param failingTest part of the name of a test that must fail
     * @param feedback parts of that test's feedback, the misconception among them
     */
    record Wrong(String variant, String failingTest, String... feedback) {

        @Override
        public String toString() {
            return variant;
        }
    }

    static Stream<Wrong> wrong() {
        return Stream.of(
                new Wrong("broken-plain-count-plus-plus", "two threads adding a reference",
                        "the count is 2: one update was lost", "count++", INTERLEAVING),
                new Wrong("broken-volatile-count", "two threads adding a reference",
                        "the count is a volatile field", INTERLEAVING),
                new Wrong("broken-fresh-lock-per-call", "two threads adding a reference",
                        "a lock made fresh for each call protects nothing", INTERLEAVING),
                new Wrong("broken-separate-zero-check", "two threads dropping the last two",
                        "a double free", "the drop and the check for 0 are two steps",
                        INTERLEAVING),
                new Wrong("broken-check-then-increment", "a copy racing the last drop",
                        "the check for a freed object and the increment are two steps",
                        INTERLEAVING),
                new Wrong("broken-freed-flag-without-volatile", "a copy racing the last drop",
                        "a data race", "SafeRefCount.freed (SafeRefCount.java:",
                        "Likely cause: the field is shared without volatile, a lock or an atomic",
                        INTERLEAVING),
                new Wrong("wrong-decref-never-frees", "counts up and down on one thread",
                        "decref never runs free"),
                new Wrong("wrong-frees-before-the-count-reaches-0",
                        "free runs only once the count is 0",
                        "free runs before the count is taken down"),
                new Wrong("wrong-incref-revives-a-freed-object",
                        "a copy of a freed object throws UseAfterFreeException",
                        "the freed object came back to life",
                        "incref does not check for a freed object"),
                new Wrong("wrong-count-goes-below-0",
                        "a drop from a freed object throws DoubleFreeException",
                        "decref does not check for a freed object",
                        "a count that would go below 0 is a double free"),
                new Wrong("wrong-getrefcount-adds-one", "getrefcount holds a reference of its own",
                        "adds 1 to the count instead of holding a reference"),
                new Wrong("wrong-drop-forgets-it-was-dropped",
                        "a dropped reference refuses to be dropped or copied again",
                        "the list was freed while a refers to it",
                        "mark the reference dropped"),
                new Wrong("wrong-schedule-one-thread-after-the-other", "lostUpdate()",
                        "both threads must read the count before either writes"));
    }

    static Stream<String> right() {
        return Stream.of("correct-atomic-update-function", "correct-reentrant-lock",
                "correct-synchronized", "correct-field-updater", "correct-stamped-lock",
                "correct-varhandle-cas", "correct-volatile-freed-flag",
                "correct-stamped-lock-stamps");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrong")
    @DisplayName("each misconception loses points, with feedback that names it")
    void eachMisconceptionLosesPointsWithFeedbackThatNamesIt(Wrong wrong, @TempDir Path dir)
            throws Exception {
        Graded graded = GraderProcess.grade(Submissions.bankVariant(dir, MODULE,
                wrong.variant()));

        assertThat(moduleScore(graded)).as(graded.printed().stdout())
                .isLessThan(moduleMaxScore(graded));
        JsonNode test = graded.test(wrong.failingTest());
        assertThat(test.get("status").asText()).as(test.toString()).isEqualTo("failed");
        assertThat(test.get("output").asText()).contains(wrong.feedback());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("right")
    @DisplayName("each right way to count gets full marks on the module")
    void eachRightWayGetsFullMarks(String variant, @TempDir Path dir) throws Exception {
        Graded graded = GraderProcess.grade(Submissions.bankVariant(dir, MODULE, variant));

        assertThat(moduleScore(graded)).as(graded.printed().stdout())
                .isEqualTo(moduleMaxScore(graded)).isPositive();
    }

    @Test
    @DisplayName("every variant in the bank is graded here")
    void everyVariantIsGraded() {
        List<String> graded = new ArrayList<>(wrong().map(Wrong::variant).toList());
        graded.addAll(right().toList());

        assertThat(Submissions.bankVariants(MODULE)).containsExactlyInAnyOrderElementsOf(graded);
    }

    private static int moduleScore(Graded graded) {
        return moduleTests(graded).stream().mapToInt(t -> t.get("score").asInt()).sum();
    }

    private static int moduleMaxScore(Graded graded) {
        return moduleTests(graded).stream().mapToInt(t -> t.get("max_score").asInt()).sum();
    }

    private static List<JsonNode> moduleTests(Graded graded) {
        List<JsonNode> tests = new ArrayList<>();
        for (JsonNode test : graded.results().get("tests")) {
            if (test.get("tags").get(0).asText().equals(MODULE)) {
                tests.add(test);
            }
        }
        return tests;
    }
}

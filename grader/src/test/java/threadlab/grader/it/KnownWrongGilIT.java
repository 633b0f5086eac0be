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
 * The bank of module 2: GILs with one misconception each, which must lose points with feedback
 * that names it, and GILs of other correct designs, which must get full marks. Each variant is
 * whole files from {@code bank/module-02-gil/<variant>/}, laid over the reference solution. Two
 * variants are graded at a time, so the grades also hold with both cores busy.
 */
@Execution(ExecutionMode.CONCURRENT)
class KnownWrongGilIT {

    private static final String GIL = "module-02-gil";

    /**
     * A test that a wrong GIL must fail.
     *
     * @param test part of the test's name
     * @param feedback part of its feedback: the misconception's name
     */
    record Failing(String test, String feedback) {
    }

    /**
     * A wrong GIL.
     *
     * @param variant its folder in the bank
     * @param failing the tests it must fail, each with its feedback
     */
    record Wrong(String variant, List<Failing> failing) {

        Wrong(String variant, String failingTest, String feedback) {
            this(variant, List.of(new Failing(failingTest, feedback)));
        }

        /** The same GIL, which must also fail another test. */
        Wrong and(String failingTest, String feedback) {
            List<Failing> all = new ArrayList<>(failing);
            all.add(new Failing(failingTest, feedback));
            return new Wrong(variant, all);
        }

        @Override
        public String toString() {
            return variant;
        }
    }

    static Stream<Wrong> wrongVariants() {
        return Stream.of(
                new Wrong("wrong-never-releases",
                        "a released GIL goes to a waiting thread at once",
                        "release() never lets go of the GIL"),
                new Wrong("wrong-no-owner-check",
                        "release() by a thread that does not hold the GIL throws",
                        "no owner check"),
                new Wrong("wrong-busy-wait",
                        "a thread that waits for the GIL sleeps; it does not spin",
                        "a busy-wait")
                        // Its waiter ignores the interrupt, which fails this on every run.
                        .and("after dropping the GIL on request, the holder lets the waiter run",
                                "stayed in acquire() for 3 s after the interrupt"),
                new Wrong("wrong-ignores-drop-request",
                        "a waiting thread asks for a drop and gets the GIL while another runs",
                        "the drop request was set, but the holder kept the GIL"),
                new Wrong("wrong-takes-it-straight-back",
                        "after dropping the GIL on request, the holder lets the waiter run",
                        "no forced switching"),
                new Wrong("wrong-sleeps-holding-the-gil",
                        "a thread sleeping in whileReleased() lets another thread take the GIL",
                        "sleeping while holding the GIL"),
                new Wrong("wrong-release-not-in-finally",
                        "a step that throws ends its thread, and the GIL is released",
                        "release the GIL in a finally block"),
                new Wrong("wrong-lost-wake-up",
                        "a released GIL goes to a waiting thread at once",
                        "a lost wake-up"),
                new Wrong("broken-drop-request-without-volatile",
                        "a holder that drops the GIL on request and a waiter share its state",
                        "the field is shared without volatile, a lock or an atomic"));
    }

    static Stream<String> correctVariants() {
        return Stream.of("correct-reentrantlock-one-condition", "correct-synchronized-notifyall",
                "correct-locksupport-queue");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongVariants")
    @DisplayName("a wrong GIL loses points, with feedback that names its misconception")
    void eachWrongGilLosesPoints(Wrong wrong, @TempDir Path dir) throws Exception {
        Graded graded = GraderProcess.grade(Submissions.bankVariant(dir, GIL, wrong.variant()));

        assertThat(failedTestsOfModule2(graded)).as(graded.printed().stdout()).isNotEmpty();
        for (Failing failing : wrong.failing()) {
            JsonNode test = graded.test(failing.test());
            assertThat(test.get("status").asText()).as(test.toString()).isEqualTo("failed");
            assertThat(test.get("output").asText()).as(test.toString())
                    .contains(failing.feedback());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("correctVariants")
    @DisplayName("another correct design of the GIL gets full marks on module 2")
    void eachCorrectGilGetsFullMarks(String variant, @TempDir Path dir) throws Exception {
        Graded graded = GraderProcess.grade(Submissions.bankVariant(dir, GIL, variant));

        assertThat(failedTestsOfModule2(graded)).as(graded.printed().stdout()).isEmpty();
    }

    @Test
    @DisplayName("every variant in the bank is graded by this test")
    void everyVariantIsKnown() {
        List<String> known = new ArrayList<>(correctVariants().toList());
        wrongVariants().map(Wrong::variant).forEach(known::add);

        assertThat(Submissions.bankVariants(GIL)).containsExactlyInAnyOrderElementsOf(known);
        assertThat(wrongVariants().map(Wrong::variant))
                .allMatch(v -> v.startsWith("wrong-") || v.startsWith("broken-"));
    }

    private static List<String> failedTestsOfModule2(Graded graded) {
        List<String> failed = new ArrayList<>();
        for (JsonNode test : graded.results().get("tests")) {
            if (test.get("tags").get(0).asText().equals(GIL)
                    && !test.get("status").asText().equals("passed")) {
                failed.add(test.get("name").asText());
            }
        }
        return failed;
    }
}

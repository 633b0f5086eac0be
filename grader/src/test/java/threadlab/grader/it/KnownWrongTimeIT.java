package threadlab.grader.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import threadlab.grader.testing.GraderProcess;
import threadlab.grader.testing.GraderProcess.Graded;
import threadlab.grader.testing.Submissions;

/**
 * Wrong solutions about time, one misconception each, made by one edit: a GIL's switch interval
 * (module 2) and the timeouts of {@code join(Duration)} (module 3). The hidden tests check these
 * rules by events and by threads they hold still, not by the clock alone, so each variant loses
 * points on every run. Two variants are graded at a time, so the grades also hold with both
 * cores busy.
 */
@Execution(ExecutionMode.CONCURRENT)
class KnownWrongTimeIT {

    private static final String GIL = "module-02-gil";
    private static final String THREADS = "module-03-threads";
    private static final String GIL_FILE = "GlobalInterpreterLock.java";
    private static final String PYTHREAD = "PyThread.java";
    private static final String JOIN_AT_THE_END =
            "thread.join(nanos / 1_000_000, (int) (nanos % 1_000_000));";

    /**
     * One wrong solution.
     *
     * @param misconception what the student got wrong
     * @param module the module's folder
     * @param base a correct design from the module's bank to edit, or {@code null} for the
     *     reference solution
     * @param file the file to edit
     * @param from the text to replace
     * @param to what replaces it
     * @param failingTest part of the name of a test that must fail
     * @param feedback part of that test's feedback
     */
    record Variant(String misconception, String module, String base, String file, String from,
            String to, String failingTest, String feedback) {

        @Override
        public String toString() {
            return misconception;
        }
    }

    static Stream<Variant> variants() {
        return Stream.concat(gilVariants(), joinVariants());
    }

    static Stream<Variant> gilVariants() {
        return Stream.of(
                new Variant("wrong-interval-rounded-down-to-milliseconds-spins", GIL, null,
                        GIL_FILE, "long intervalNanos = switchInterval.toNanos();",
                        "long intervalNanos = switchInterval.toMillis() * 1_000_000;",
                        "each of its waits lasts a whole interval", "its timeout is 0"),
                new Variant("wrong-interval-rounded-down-awaits-no-time", GIL, null, GIL_FILE,
                        "released.awaitNanos(intervalNanos) <= 0;",
                        "!released.await(switchInterval.toMillis(),"
                                + " java.util.concurrent.TimeUnit.MILLISECONDS);",
                        "each of its waits lasts a whole interval", "its timeout is 0"),
                new Variant("wrong-remaining-wait-rounded-down-waits-forever", GIL,
                        "correct-synchronized-notifyall", GIL_FILE,
                        "wait(left / 1_000_000, (int) (left % 1_000_000));",
                        "wait(left / 1_000_000);",
                        "200 us, a waiter asks for a drop", "waits with no time limit"),
                new Variant("wrong-drop-request-before-waiting", GIL, null, GIL_FILE,
                        "long switchesBefore = switchNumber;",
                        "long switchesBefore = switchNumber;\n                dropRequest = true;",
                        "not asked to drop the GIL before a waiter has waited",
                        "before a whole switch interval had passed"),
                new Variant("wrong-interval-milliseconds-read-as-nanoseconds", GIL, null,
                        GIL_FILE, "long intervalNanos = switchInterval.toNanos();",
                        "long intervalNanos = switchInterval.toMillis();",
                        "not asked to drop the GIL before a waiter has waited",
                        "before a whole switch interval had passed"),
                new Variant("wrong-default-interval-not-the-given-one", GIL, null, GIL_FILE,
                        "long intervalNanos = switchInterval.toNanos();",
                        "long intervalNanos = DEFAULT_SWITCH_INTERVAL.toNanos();",
                        "not asked to drop the GIL before a waiter has waited",
                        "before a whole switch interval had passed"));
    }

    static Stream<Variant> joinVariants() {
        return Stream.of(
                new Variant("wrong-join-zero-waits-forever", THREADS, null, PYTHREAD,
                        "if (timeout.isNegative() || timeout.isZero()) {",
                        "if (timeout.isNegative()) {",
                        "join(Duration.ZERO) returns at once", "Thread.join(0)"),
                new Variant("wrong-join-negative-throws", THREADS, null, PYTHREAD,
                        "if (timeout.isNegative() || timeout.isZero()) {",
                        "if (timeout.isZero()) {",
                        "with a negative timeout returns at once", "IllegalArgumentException"),
                new Variant("wrong-join-rounded-down-to-milliseconds", THREADS, null, PYTHREAD,
                        JOIN_AT_THE_END, "thread.join(nanos / 1_000_000);",
                        "with a timeout under a millisecond gives up",
                        "rounded down to whole milliseconds"),
                new Variant("wrong-join-naive-to-millis", THREADS, null, PYTHREAD,
                        "        requireStarted();\n        if (timeout.isNegative()",
                        "        requireStarted();\n        thread.join(timeout.toMillis());\n"
                                + "        if (timeout != null) {\n            return;\n"
                                + "        }\n        if (timeout.isNegative()",
                        "with a huge timeout waits as join() does", "ArithmeticException"),
                new Variant("wrong-join-huge-timeout-gives-up", THREADS, null, PYTHREAD,
                        "            thread.join();\n            return;\n",
                        "            return;\n",
                        "with a huge timeout waits as join() does", "too long to count"),
                new Variant("wrong-join-deadline-overflows", THREADS, null, PYTHREAD,
                        JOIN_AT_THE_END, "long deadline = System.nanoTime() + nanos;\n"
                                + "        while (thread.isAlive() && System.nanoTime() <"
                                + " deadline) {\n            thread.join(1);\n        }",
                        "with a huge timeout waits as join() does", "wraps round"),
                new Variant("wrong-join-sleeps-out-the-timeout", THREADS, null, PYTHREAD,
                        JOIN_AT_THE_END,
                        "Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));",
                        "join(timeout) returns as soon as the thread ends",
                        "sleeps for the whole timeout"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void eachMisconceptionAboutTimeLosesPoints(Variant variant, @TempDir Path dir)
            throws Exception {
        Graded graded = GraderProcess.grade(submission(variant, dir));

        assertThat(graded.score()).as(graded.printed().stdout())
                .isLessThan(graded.maxScore());
        JsonNode test = graded.test(variant.failingTest());
        assertThat(test.get("status").asText()).as(test.toString()).isEqualTo("failed");
        assertThat(test.get("output").asText()).contains(variant.feedback());
    }

    /** The reference solution, or a correct design from the bank, with the variant's edit. */
    static Path submission(Variant variant, Path dir) throws Exception {
        if (variant.base() == null) {
            return Submissions.editedSolution(dir, variant.module(), variant.file(),
                    variant.from(), variant.to());
        }
        Submissions.bankVariant(dir, variant.module(), variant.base());
        Path file;
        try (Stream<Path> walk = Files.walk(dir.resolve(variant.module()))) {
            file = walk.filter(p -> p.getFileName().toString().equals(variant.file()))
                    .findFirst().orElseThrow();
        }
        String source = Files.readString(file, StandardCharsets.UTF_8);
        if (!source.contains(variant.from())) {
            throw new IllegalStateException(variant.base() + "'s " + variant.file()
                    + " no longer contains the text to edit: " + variant.from());
        }
        Files.writeString(file, source.replace(variant.from(), variant.to()),
                StandardCharsets.UTF_8);
        return dir;
    }
}

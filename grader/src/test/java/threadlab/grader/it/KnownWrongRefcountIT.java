package threadlab.grader.it;

import static org.assertj.core.api.Assertions.assertThat;
import static threadlab.grader.testing.BankVariant.lines;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import threadlab.grader.testing.BankVariant;
import threadlab.grader.testing.GraderProcess;
import threadlab.grader.testing.Submissions;

/**
 * The bank of module 1: wrong submissions, one misconception each, which must lose points with
 * feedback that names the misconception (and, for a race, shows the interleaving); and right
 * ones built another way than the reference solution, which must get full marks. A wrong one is
 * the solution plus one edit where one edit shows it; a count built on other fields (a plain, a
 * volatile or a locked int) is whole files from {@code bank/module-01-refcount/<variant>/}, as
 * are the right ones. Two are graded at a time, which also shows that grades hold on a busy
 * machine.
 */
@Execution(ExecutionMode.CONCURRENT)
class KnownWrongRefcountIT {

    private static final String MODULE = "module-01-refcount";
    private static final String COUNT = "SafeRefCount.java";
    private static final String INTERLEAVING = "found by model checking";

    /** The solution's incref loop: a compare-and-set that refuses a freed object. */
    private static final String INCREF_LOOP = lines(
            "        while (true) {",
            "            int seen = count.get();",
            "            if (seen <= 0) {",
            "                throw new UseAfterFreeException(seen);",
            "            }",
            "            if (count.compareAndSet(seen, seen + 1)) {",
            "                return;",
            "            }",
            "        }");

    /** The solution's decref loop, from its compare-and-set to the loop's end. */
    private static final String DECREF_CAS = lines(
            "            if (count.compareAndSet(seen, seen - 1)) {",
            "                // Only the thread whose own update reached 0 frees: exactly once.",
            "                if (seen == 1) {",
            "                    free.run();",
            "                }",
            "                return;",
            "            }",
            "        }");

    static Stream<BankVariant> variants() {
        return Stream.concat(wrong(), correct());
    }

    static Stream<BankVariant> wrong() {
        return Stream.of(
                BankVariant.wrongEdit(MODULE, "wrong-copy-skips-the-dropped-check", "Ref.java",
                        "        HeapObject object = target();\n        // First the count",
                        "        HeapObject object = target;\n        // First the count")
                        .fails("a dropped reference refuses to be dropped or copied again",
                                "get the object through target()"),
                BankVariant.wrongEdit(MODULE, "wrong-frees-before-its-decrement-lands",
                        "SafeRefCount.java", "            if (count.compareAndSet(seen, seen - 1))"
                                + " {\n                // Only the thread whose own update reached"
                                + " 0 frees: exactly once.\n                if (seen == 1) {\n"
                                + "                    free.run();\n                }\n",
                        "            if (seen == 1) {\n                free.run();\n"
                                + "            }\n            if (count.compareAndSet(seen,"
                                + " seen - 1)) {\n")
                        .fails("free runs only once the count is 0",
                                "free runs before the count is taken down"),
                BankVariant.wrongFiles(MODULE, "wrong-plain-count-plus-plus")
                        .fails("two threads adding a reference",
                                "the count is 2: one update was lost", "count++", INTERLEAVING),
                BankVariant.wrongFiles(MODULE, "wrong-volatile-count")
                        .fails("two threads adding a reference",
                                "the count is a volatile field", INTERLEAVING),
                BankVariant.wrongFiles(MODULE, "wrong-freed-flag-without-volatile")
                        .fails("a copy racing the last drop", "a data race",
                                "SafeRefCount.freed (SafeRefCount.java:",
                                "Likely cause: the field is shared without volatile, a lock or"
                                        + " an atomic", INTERLEAVING),
                BankVariant.wrongFiles(MODULE, "wrong-fresh-lock-per-call")
                        .fails("two threads adding a reference",
                                "a lock made fresh for each call protects nothing", INTERLEAVING),
                BankVariant.wrongEdit(MODULE, "wrong-separate-zero-check", COUNT, DECREF_CAS,
                        lines("            if (count.compareAndSet(seen, seen - 1)) {",
                                "                break;",
                                "            }",
                                "        }",
                                "        if (count.get() == 0) {",
                                "            free.run();",
                                "        }"))
                        .fails("two threads dropping the last two", "a double free",
                                "the drop and the check for 0 are two steps", INTERLEAVING),
                BankVariant.wrongEdit(MODULE, "wrong-check-then-increment", COUNT, INCREF_LOOP,
                        lines("        int seen = count.get();",
                                "        if (seen <= 0) {",
                                "            throw new UseAfterFreeException(seen);",
                                "        }",
                                "        count.incrementAndGet();"))
                        .fails("a copy racing the last drop",
                                "the check for a freed object and the increment are two steps",
                                INTERLEAVING),
                BankVariant.wrongEdit(MODULE, "wrong-decref-never-frees", COUNT, DECREF_CAS,
                        lines("            if (count.compareAndSet(seen, seen - 1)) {",
                                "                return;",
                                "            }",
                                "        }"))
                        .fails("counts up and down on one thread", "decref never runs free"),
                BankVariant.wrongFiles(MODULE, "wrong-frees-before-the-count-reaches-0")
                        .fails("free runs only once the count is 0",
                                "free runs before the count is taken down"),
                BankVariant.wrongEdit(MODULE, "wrong-incref-revives-a-freed-object", COUNT,
                        INCREF_LOOP, lines("        count.incrementAndGet();"))
                        .fails("a copy of a freed object throws UseAfterFreeException",
                                "the freed object came back to life",
                                "incref does not check for a freed object"),
                BankVariant.wrongEdit(MODULE, "wrong-count-goes-below-0", COUNT,
                        lines("    public void decref() {",
                                "        while (true) {",
                                "            int seen = count.get();",
                                "            if (seen <= 0) {",
                                "                throw new DoubleFreeException();",
                                "            }") + DECREF_CAS,
                        lines("    public void decref() {",
                                "        if (count.decrementAndGet() == 0) {",
                                "            free.run();",
                                "        }"))
                        .fails("a drop from a freed object throws DoubleFreeException",
                                "decref does not check for a freed object",
                                "a count that would go below 0 is a double free"),
                BankVariant.wrongEdit(MODULE, "wrong-getrefcount-adds-one", "PySys.java",
                        lines("        Ref argument = ref.copy();",
                                "        try {",
                                "            return argument.target().count().get();",
                                "        } finally {",
                                "            argument.drop();",
                                "        }"),
                        lines("        return ref.target().count().get() + 1;"))
                        .fails("getrefcount holds a reference of its own",
                                "adds 1 to the count instead of holding a reference"),
                BankVariant.wrongEdit(MODULE, "wrong-dropped-reference-counts-as-0",
                        "PySys.java", lines("        Ref argument = ref.copy();"),
                        lines("        if (ref.isDropped()) {",
                                "            return 0;",
                                "        }",
                                "        Ref argument = ref.copy();"))
                        .fails("getrefcount of a dropped reference throws",
                                "counted a dropped reference as 0"),
                BankVariant.wrongEdit(MODULE, "wrong-drop-forgets-it-was-dropped", "Ref.java",
                        lines("        dropped = true;"), "")
                        .fails("a dropped reference refuses to be dropped or copied again",
                                "the list was freed while a refers to it",
                                "mark the reference dropped"),
                BankVariant.wrongFiles(MODULE, "wrong-get-without-the-lock")
                        .fails("get() on one thread while another copies and drops",
                                "a data race", "SafeRefCount.count (SafeRefCount.java:",
                                "Likely cause: the field is shared without volatile, a lock or"
                                        + " an atomic", INTERLEAVING),
                BankVariant.wrongEdit(MODULE, "wrong-increment-then-undo-on-freed", COUNT,
                        INCREF_LOOP, lines("        int before = count.getAndIncrement();",
                                "        if (before <= 0) {",
                                "            count.decrementAndGet();",
                                "            throw new UseAfterFreeException(before);",
                                "        }"))
                        .fails("a freed object's count reads 0 while a copy and a drop",
                                "the update is made first and undone after", INTERLEAVING)
                        .fails("two copies of a freed object at once are both refused",
                                "the freed object came back to life",
                                "the update is made first and undone after", INTERLEAVING),
                BankVariant.wrongEdit(MODULE, "wrong-decrement-then-undo-below-zero", COUNT,
                        lines("    public void decref() {",
                                "        while (true) {",
                                "            int seen = count.get();",
                                "            if (seen <= 0) {",
                                "                throw new DoubleFreeException();",
                                "            }") + DECREF_CAS,
                        lines("    public void decref() {",
                                "        int now = count.decrementAndGet();",
                                "        if (now < 0) {",
                                "            count.incrementAndGet();",
                                "            throw new DoubleFreeException();",
                                "        }",
                                "        if (now == 0) {",
                                "            free.run();",
                                "        }"))
                        .fails("a freed object's count reads 0 while a copy and a drop",
                                "read -1", "the update is made first and undone after",
                                INTERLEAVING),
                BankVariant.wrongEdit(MODULE, "wrong-drop-marks-after-decref", "Ref.java",
                        lines("        dropped = true;",
                                "        object.count().decref();"),
                        lines("        object.count().decref();",
                                "        dropped = true;"))
                        .fails("a drop whose count refuses the decref still marks the reference"
                                        + " dropped",
                                "marks the reference dropped only after decref succeeded"),
                BankVariant.wrongEdit(MODULE, "wrong-schedule-one-thread-after-the-other",
                        "RaceSchedules.java", "Schedule.of(1, 2, 1, 2)", "Schedule.of(1, 1, 2, 2)")
                        .fails("lostUpdate()",
                                "both threads must read the count before either writes"));
    }

    static Stream<BankVariant> correct() {
        return Stream.of("correct-atomic-update-function", "correct-reentrant-lock",
                "correct-synchronized", "correct-field-updater", "correct-stamped-lock",
                "correct-varhandle-cas", "correct-atomic-long-get-and-update",
                "correct-private-monitor", "correct-read-write-lock",
                "correct-volatile-freed-flag", "correct-stamped-lock-stamps",
                "correct-semaphore-mutex", "correct-mirror-image-schedules")
                .map(name -> BankVariant.correct(MODULE, name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrong")
    @DisplayName("each misconception loses points, with feedback that names it")
    void eachMisconceptionLosesPointsWithFeedbackThatNamesIt(BankVariant wrong,
            @TempDir Path dir) throws Exception {
        wrong.assertGraded(GraderProcess.grade(wrong.make(dir)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("correct")
    @DisplayName("each right way to count gets full marks on the module")
    void eachRightWayGetsFullMarks(BankVariant correct, @TempDir Path dir) throws Exception {
        correct.assertGraded(GraderProcess.grade(correct.make(dir)));
    }

    @Test
    @DisplayName("every variant in the bank's folder is graded here, and every wrong one names"
            + " a test it fails")
    void everyVariantIsGraded() {
        assertThat(Submissions.bankVariants(MODULE)).containsExactlyInAnyOrderElementsOf(
                variants().filter(BankVariant::inFiles).map(BankVariant::name).toList());
        assertThat(wrong()).allMatch(v -> !v.isCorrect() && !v.failing().isEmpty());
    }
}

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
 * The bank of module 2: GILs with one misconception each, each the reference solution plus one
 * edit, which must lose points with feedback that names the misconception; and GILs of other
 * correct designs, whole files from {@code bank/module-02-gil/<variant>/}, which must get full
 * marks. Two variants are graded at a time, so the grades also hold with both cores busy.
 */
@Execution(ExecutionMode.CONCURRENT)
class KnownWrongGilIT {

    private static final String GIL = "module-02-gil";
    private static final String LOCK = "GlobalInterpreterLock.java";
    private static final String RELEASE = "            requireHolder(\"release()\");";
    private static final String SHARE = "NaiveRefCounts.java";
    private static final String A_STEP_THROWS = "a step that throws, an Exception or an Error,"
            + " ends its thread, and the GIL is released";
    private static final String TWO_FAIL = "two threads fail: share() waits until both have"
            + " ended, then throws the failure of the thread it started first, as it is, even an"
            + " Error";

    static Stream<BankVariant> variants() {
        return Stream.concat(wrong(), correct());
    }

    static Stream<BankVariant> wrong() {
        return Stream.of(
                BankVariant.wrongEdit(GIL, "wrong-switch-checked-only-before-the-wait", LOCK,
                        lines("            while (holder != null) {",
                                "                long switchesBefore = switchNumber;",
                                "                boolean timedOut ="
                                        + " released.awaitNanos(intervalNanos) <= 0;",
                                "                if (timedOut && holder != null"
                                        + " && switchNumber == switchesBefore) {"),
                        lines("            long switchesBefore = switchNumber;",
                                "            long left = intervalNanos;",
                                "            while (holder != null) {",
                                "                if (switchNumber != switchesBefore) {",
                                "                    switchesBefore = switchNumber;",
                                "                    left = intervalNanos;",
                                "                }",
                                "                left = released.awaitNanos(left);",
                                "                if (left <= 0 && holder != null) {",
                                "                    left = intervalNanos;"))
                        .fails("the GIL changes hands while a thread waits out its interval",
                                "an interval in which another thread took the GIL does not"
                                        + " count"),
                BankVariant.wrongEdit(GIL, "wrong-never-releases", LOCK,
                        lines(RELEASE, "            holder = null;"), lines(RELEASE))
                        .fails("a released GIL goes to a waiting thread at once",
                                "release() never lets go of the GIL"),
                BankVariant.wrongEdit(GIL, "wrong-no-owner-check", LOCK,
                        lines(RELEASE), "")
                        .fails("release() by a thread that does not hold the GIL throws",
                                "no owner check"),
                BankVariant.wrongEdit(GIL, "wrong-busy-wait", LOCK,
                        lines("                boolean timedOut ="
                                + " released.awaitNanos(intervalNanos) <= 0;"),
                        lines("                long deadline = System.nanoTime() + intervalNanos;",
                                "                // Keep checking until the GIL is free.",
                                "                do {",
                                "                    mutex.unlock();",
                                "                    Thread.onSpinWait();",
                                "                    mutex.lock();",
                                "                } while (holder != null"
                                        + " && System.nanoTime() - deadline < 0);",
                                "                boolean timedOut ="
                                        + " System.nanoTime() - deadline >= 0;"))
                        .fails("a thread that waits for the GIL sleeps; it does not spin",
                                "a busy-wait")
                        // Its waiter ignores the interrupt, which fails this on every run.
                        .fails("after dropping the GIL on request, the holder lets the waiter run",
                                "stayed in acquire() for 3 s after the interrupt"),
                BankVariant.wrongEdit(GIL, "wrong-ignores-drop-request", LOCK,
                        lines("        if (!dropRequest) {",
                                "            return false;",
                                "        }",
                                "        Thread me = Thread.currentThread();"),
                        lines("        // The holder is busy running steps: it keeps the GIL.",
                                "        return false;",
                                "    }",
                                "",
                                "    private boolean dropNow() throws InterruptedException {",
                                "        Thread me = Thread.currentThread();"))
                        .fails("after dropping the GIL on request, the holder lets the waiter run",
                                "dropIfRequested() must drop the GIL whenever dropRequested()"
                                        + " is true"),
                BankVariant.wrongEdit(GIL, "wrong-drop-request-ignores-switch", LOCK,
                        "if (timedOut && holder != null && switchNumber == switchesBefore) {",
                        "if (timedOut && holder != null) {")
                        .fails("the GIL changes hands while a thread waits out its interval",
                                "an interval in which another thread took the GIL does not"
                                        + " count"),
                // The dropper waits where the waiters do, so a take of the GIL does not wake
                // it: it queues again only at the next release.
                BankVariant.wrongEdit(GIL, "wrong-dropper-waits-for-a-release", LOCK,
                        "                switched.await();", "                released.await();")
                        .fails("a thread that dropped the GIL queues for it again as soon as"
                                + " another took it", "was not woken when another thread took"
                                + " it"),
                BankVariant.wrongEdit(GIL, "wrong-takes-it-straight-back", LOCK,
                        lines("            // Forced switching: do not take the GIL straight back"
                                        + " before the waiter had it.",
                                "            while (lastHolder == me) {",
                                "                switched.await();",
                                "            }"), "")
                        .fails("after dropping the GIL on request, the holder lets the waiter run",
                                "no forced switching"),
                BankVariant.wrongEdit(GIL, "wrong-sleeps-holding-the-gil", LOCK,
                        lines("        release();",
                                "        try {",
                                "            call.call();",
                                "        } finally {",
                                "            acquire();",
                                "        }"),
                        lines("        requireHolder(\"whileReleased()\");",
                                "        call.call();"))
                        .fails("a thread sleeping in whileReleased() lets another thread take the"
                                + " GIL", "sleeping while holding the GIL"),
                BankVariant.wrongEdit(GIL, "wrong-release-not-in-finally", "Interpreter.java",
                        lines("        try {",
                                "            for (Step step : program) {",
                                "                gil.dropIfRequested();",
                                "                step.run();",
                                "            }",
                                "        } finally {",
                                "            gil.release();",
                                "        }"),
                        lines("        for (Step step : program) {",
                                "            gil.dropIfRequested();",
                                "            step.run();",
                                "        }",
                                "        gil.release();"))
                        .fails(A_STEP_THROWS, "release the GIL in a finally block"),
                BankVariant.wrongEdit(GIL, "wrong-lost-wake-up", LOCK,
                        lines(RELEASE, "            holder = null;",
                                "            released.signal();"),
                        lines(RELEASE, "            holder = null;",
                                "            switched.signalAll();"))
                        .fails("a released GIL goes to a waiting thread at once",
                                "a lost wake-up"),
                BankVariant.wrongEdit(GIL, "wrong-drop-request-without-volatile", LOCK,
                        "    private volatile boolean dropRequest;",
                        "    private boolean dropRequest;")
                        .fails("dropRequested() reads a volatile field and takes no lock",
                                "the drop request is a plain field"),
                BankVariant.wrongEdit(GIL, "wrong-release-catches-only-exceptions",
                        "Interpreter.java",
                        lines("        } finally {",
                                "            gil.release();",
                                "        }"),
                        lines("        } catch (Exception e) {",
                                "            gil.release();",
                                "            throw e;",
                                "        }",
                                "        gil.release();"))
                        .fails(A_STEP_THROWS, "which is no Exception: catch (Exception e) lets"
                                + " it through"),
                BankVariant.wrongEdit(GIL, "wrong-reacquire-catches-only-exceptions", LOCK,
                        lines("        } finally {",
                                "            acquire();",
                                "        }"),
                        lines("        } catch (Exception e) {",
                                "            acquire();",
                                "            throw e;",
                                "        }",
                                "        acquire();"))
                        .fails("when the blocking call throws, an Exception or an Error, the GIL"
                                + " is taken back before it goes on", "which is no Exception:"
                                + " catch (Exception e) lets it through"),
                BankVariant.wrongEdit(GIL, "wrong-gil-taken-per-step", "Interpreter.java",
                        lines("        gil.acquire();",
                                "        try {",
                                "            for (Step step : program) {",
                                "                gil.dropIfRequested();",
                                "                step.run();",
                                "            }",
                                "        } finally {",
                                "            gil.release();",
                                "        }"),
                        lines("        for (Step step : program) {",
                                "            gil.acquire();",
                                "            try {",
                                "                gil.dropIfRequested();",
                                "                step.run();",
                                "            } finally {",
                                "                gil.release();",
                                "            }",
                                "        }"))
                        .fails("run() holds the GIL from the first step to the last: with a"
                                + " switch interval of an hour, a thread waiting for the GIL is"
                                + " not woken between two steps",
                                "took and released the GIL around each step"),
                BankVariant.wrongEdit(GIL, "wrong-failure-cast-to-exception", SHARE,
                        lines("                Throwable failure = thread.failure().get();",
                                "                if (failure instanceof Exception) {",
                                "                    throw (Exception) failure;",
                                "                }",
                                "                throw (Error) failure;"),
                        lines("                throw (Exception) thread.failure().get();"))
                        .fails(TWO_FAIL, "do not cast every failure to Exception"),
                BankVariant.wrongEdit(GIL, "wrong-throws-last-failure", SHARE,
                        lines("        for (InterpreterThread thread : started) {",
                                "            if (thread.failure().isPresent()) {",
                                "                Throwable failure = thread.failure().get();",
                                "                if (failure instanceof Exception) {",
                                "                    throw (Exception) failure;",
                                "                }",
                                "                throw (Error) failure;",
                                "            }",
                                "        }"),
                        lines("        Throwable failure = null;",
                                "        for (InterpreterThread thread : started) {",
                                "            if (thread.failure().isPresent()) {",
                                "                failure = thread.failure().get();",
                                "            }",
                                "        }",
                                "        if (failure instanceof Exception) {",
                                "            throw (Exception) failure;",
                                "        }",
                                "        if (failure != null) {",
                                "            throw (Error) failure;",
                                "        }"))
                        .fails(TWO_FAIL, "not the last one's"),
                BankVariant.wrongEdit(GIL, "wrong-throws-before-joining-all", SHARE,
                        lines("            thread.join();",
                                "        }",
                                "        for (InterpreterThread thread : started) {"),
                        lines("            thread.join();"))
                        .fails(TWO_FAIL, "join them all first"),
                BankVariant.wrongEdit(GIL, "wrong-drop-request-on-any-wake-up", LOCK,
                        lines("                boolean timedOut ="
                                        + " released.awaitNanos(intervalNanos) <= 0;",
                                "                if (timedOut && holder != null"
                                        + " && switchNumber == switchesBefore) {"),
                        lines("                released.awaitNanos(intervalNanos);",
                                "                if (holder != null"
                                        + " && switchNumber == switchesBefore) {"))
                        .fails("a holder releases the GIL and takes it straight back while a"
                                + " thread waits: the waiter's wake-up is no interval run out,"
                                + " and it asks for a drop only after a whole interval, in every"
                                + " interleaving", "a wake-up is no interval run out"),
                BankVariant.wrongEdit(GIL, "wrong-woken-waiter-takes-it-without-looking", LOCK,
                        "            while (holder != null) {",
                        "            if (holder != null) {")
                        .fails("a thread waits for the GIL while another holds it longer than a"
                                + " switch interval", "wait in a loop (while, not if)")
                        .fails("a third thread takes the GIL between a release and the woken"
                                + " waiter's turn", "wait in a loop (while, not if)"),
                BankVariant.wrongEdit(GIL, "wrong-waiter-polls-with-short-waits", LOCK,
                        lines("                boolean timedOut ="
                                + " released.awaitNanos(intervalNanos) <= 0;"),
                        lines("                // Look again every 50 us until an interval has"
                                        + " passed.",
                                "                long waited = 0;",
                                "                while (holder != null && waited < intervalNanos)"
                                        + " {",
                                "                    released.awaitNanos(50_000);",
                                "                    waited += 50_000;",
                                "                }",
                                "                boolean timedOut = waited >= intervalNanos;"))
                        .fails("a thread waits for the GIL while another holds it 10 ms",
                                "acquire() polls"),
                BankVariant.wrongEdit(GIL, "wrong-waits-half-an-interval", LOCK,
                        "released.awaitNanos(intervalNanos) <= 0;",
                        "released.awaitNanos(intervalNanos / 2) <= 0;")
                        .fails("each of its waits lasts a whole interval, never less",
                                "shorter than the switch interval"),
                BankVariant.wrongEdit(GIL, "wrong-waiter-polls-with-sleeps", LOCK,
                        lines("                boolean timedOut ="
                                + " released.awaitNanos(intervalNanos) <= 0;"),
                        lines("                // Let go of the lock and look again every"
                                        + " millisecond.",
                                "                long waited = 0;",
                                "                while (holder != null && waited < intervalNanos)"
                                        + " {",
                                "                    mutex.unlock();",
                                "                    try {",
                                "                        Thread.sleep(1);",
                                "                    } finally {",
                                "                        mutex.lock();",
                                "                    }",
                                "                    waited += 1_000_000;",
                                "                }",
                                "                boolean timedOut = waited >= intervalNanos;"))
                        .fails("a thread waits for the GIL while another holds it 10 ms",
                                "acquire() polls"),
                BankVariant.wrongEdit(GIL, "wrong-interpreter-lets-go-and-takes-it-back",
                        "Interpreter.java", "                gil.dropIfRequested();",
                        lines("                if (gil.dropRequested()) {",
                                "                    gil.release();",
                                "                    gil.acquire();",
                                "                }"))
                        .fails("a thread asks for the GIL while another runs a program of six"
                                + " steps", "did not drop the GIL on a waiter's request"));
    }

    static Stream<BankVariant> correct() {
        return Stream.of("correct-reentrantlock-one-condition", "correct-synchronized-notifyall",
                "correct-locksupport-queue", "correct-fair-semaphore",
                "correct-monitor-ticket-queue", "correct-condition-per-waiter")
                .map(name -> BankVariant.correct(GIL, name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrong")
    @DisplayName("a wrong GIL loses points, with feedback that names its misconception")
    void eachWrongGilLosesPoints(BankVariant wrong, @TempDir Path dir) throws Exception {
        wrong.assertGraded(GraderProcess.grade(wrong.make(dir)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("correct")
    @DisplayName("another correct design of the GIL gets full marks on module 2")
    void eachCorrectGilGetsFullMarks(BankVariant correct, @TempDir Path dir) throws Exception {
        correct.assertGraded(GraderProcess.grade(correct.make(dir)));
    }

    @Test
    @DisplayName("every variant in the bank's folder is graded here, and every wrong one names"
            + " a test it fails")
    void everyVariantIsKnown() {
        assertThat(Submissions.bankVariants(GIL)).containsExactlyInAnyOrderElementsOf(
                variants().filter(BankVariant::inFiles).map(BankVariant::name).toList());
        assertThat(wrong()).allMatch(v -> !v.isCorrect() && !v.failing().isEmpty());
    }
}

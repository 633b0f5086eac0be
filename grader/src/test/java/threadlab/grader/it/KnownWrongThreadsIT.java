package threadlab.grader.it;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The bank of module 3: wrong solutions, one misconception each, made from the reference
 * solution by one edit, which must lose points with feedback that names the misconception; and
 * other correct designs, whole files from {@code bank/module-03-threads/<variant>/}, which must
 * get full marks. Two variants are graded at a time, which also shows that grades hold on a busy
 * machine.
 */
@Execution(ExecutionMode.CONCURRENT)
class KnownWrongThreadsIT {

    private static final String THREADS = "module-03-threads";
    private static final String PY_THREAD = "PyThread.java";

    static Stream<BankVariant> variants() {
        return Stream.concat(wrong(), correct());
    }

    static Stream<BankVariant> wrong() {
        return Stream.of(
                BankVariant.wrongFiles(THREADS, "wrong-alive-mark-set-by-the-new-thread")
                        .fails("isAlive() is true only between start and the end of the target",
                                "a mark that the new thread sets when it begins to run"),
                BankVariant.wrongEdit(THREADS, "wrong-join-swallows-the-interrupt", PY_THREAD,
                        "        requireStarted();\n        thread.join();\n",
                        "        requireStarted();\n        while (thread.isAlive()) {\n"
                                + "            try {\n                thread.join();\n"
                                + "            } catch (InterruptedException e) {\n"
                                + "                continue;\n            }\n        }\n")
                        .fails("throw InterruptedException when the waiting thread is"
                                + " interrupted", "join caught the InterruptedException"),
                BankVariant.wrongEdit(THREADS, "wrong-name-kept-apart-from-the-thread",
                        PY_THREAD, "        return thread.getName();\n    }\n\n    /**\n"
                                + "     * Task 4. Renames the thread.\n     *\n     * @param name"
                                + " the new name\n     */\n    public void setName(String name)"
                                + " {\n        thread.setName(",
                        "        return ownName == null ? thread.getName() : ownName;\n    }\n\n"
                                + "    private volatile String ownName;\n\n    /** Renames."
                                + " */\n    public void setName(String name) {\n        ownName"
                                + " = (")
                        .fails("a thread's name is the name of the thread its target runs on",
                                "the name lives apart from the java.lang.Thread"),
                BankVariant.wrongEdit(THREADS, "wrong-demo-calls-run", "SleeperDemo.java",
                        "t.start();", "try { t.run(); } catch (Exception e) {"
                                + " throw new IllegalStateException(e); }")
                        .fails("main's Hi lines all appear while the sleeper is still asleep",
                                "run() was called instead of start()"),
                BankVariant.wrongEdit(THREADS, "wrong-start-runs-the-target-itself", PY_THREAD,
                        "        thread.start();\n", "        runOnThread();\n")
                        .fails("start() runs the target on a new thread",
                                "start() called run() or the target directly"),
                BankVariant.wrongEdit(THREADS, "wrong-second-start-left-to-java-thread",
                        PY_THREAD, "if (!started.compareAndSet(false, true)) {",
                        "if (!started.compareAndSet(false, true) && false) {")
                        .fails("a second start() throws", "has no message"),
                BankVariant.wrongEdit(THREADS, "wrong-join-does-not-wait", PY_THREAD,
                        "        requireStarted();\n        thread.join();\n",
                        "        requireStarted();\n")
                        .fails("join() waits until the target has finished",
                                "join() returned while the target was still running",
                                "join() must wait for the thread"),
                // Thread.join(0) waits forever.
                BankVariant.wrongEdit(THREADS, "wrong-join-timeout-in-whole-seconds", PY_THREAD,
                        "thread.join(nanos / 1_000_000, (int) (nanos % 1_000_000));",
                        "thread.join(timeout.toSeconds() * 1000);")
                        .fails("join(timeout) returns after the timeout", "Thread.join(0)"),
                BankVariant.wrongEdit(THREADS, "wrong-sleeper-uses-thread-sleep", "Sleeper.java",
                        "sleep.sleep(Duration.ofSeconds(n));", "Thread.sleep(n * 1000L);")
                        .fails("asks its Sleep for exactly n seconds", "Thread.sleep"),
                BankVariant.wrongEdit(THREADS, "wrong-sleeper-sleeps-milliseconds",
                        "Sleeper.java", "Duration.ofSeconds(n)", "Duration.ofMillis(n)")
                        .fails("asks its Sleep for exactly n seconds", "Duration.ofMillis(n)"),
                BankVariant.wrongEdit(THREADS, "wrong-sleeper-prints-to-system-out",
                        "Sleeper.java", "        out.println(\"Hi, I'll",
                        "        System.out.println(\"Hi, I'll")
                        .fails("prints the announcement with n", "printed to System.out"),
                BankVariant.wrongEdit(THREADS, "wrong-args-not-copied", PY_THREAD,
                        ": args.clone();", ": args;")
                        .fails("keeps its own copy of the args", "keep a copy"),
                BankVariant.wrongEdit(THREADS, "wrong-demo-joins-before-hi", "SleeperDemo.java",
                        "        t.start();\n", "        t.start();\n        try { t.join(); }"
                                + " catch (InterruptedException e) {"
                                + " throw new IllegalStateException(e); }\n")
                        .fails("main's Hi lines all appear while the sleeper is still asleep",
                                "main waits for the sleeper"),
                BankVariant.wrongEdit(THREADS, "wrong-demo-returns-another-thread",
                        "SleeperDemo.java", "        return t;\n", "        return new PyThread("
                                + "args -> sleeper.sleeper((Integer) args[0]), seconds);\n")
                        .fails("demo() returns the started thread without waiting for it",
                                "returned another PyThread than the one it started"),
                BankVariant.wrongEdit(THREADS, "wrong-demo-prints-before-start",
                        "SleeperDemo.java", "        t.start();\n        for (int i = 0;"
                                + " i < hiCount; i++) {\n            out.println(\"Hi\");\n"
                                + "        }\n",
                        "        for (int i = 0; i < hiCount; i++) {\n"
                                + "            out.println(\"Hi\");\n        }\n"
                                + "        t.start();\n")
                        .fails("main's Hi lines all appear while the sleeper is still asleep",
                                "printed before start()"),
                BankVariant.wrongEdit(THREADS, "wrong-announcement-printed-piecewise",
                        "Sleeper.java", "out.println(\"Hi, I'll be sleeping for \" + n"
                                + " + \" seconds\");",
                        "out.print(\"Hi, I'll be sleeping for \"); out.print(n);"
                                + " out.println(\" seconds\");")
                        .fails("prints each line with one call", "several print calls"),
                BankVariant.wrongEdit(THREADS, "wrong-timed-join-sleeps-full-timeout", PY_THREAD,
                        "thread.join(nanos / 1_000_000, (int) (nanos % 1_000_000));",
                        "Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));")
                        .fails("join(timeout) returns as soon as the thread ends",
                                "sleeps for the whole timeout"),
                BankVariant.wrongEdit(THREADS, "wrong-demo-captures-seconds-in-lambda",
                        "SleeperDemo.java", "args -> sleeper.sleeper((Integer) args[0]), seconds)",
                        "args -> sleeper.sleeper(seconds))")
                        .fails("seconds is the thread's argument", "captured from demo()"),
                BankVariant.wrongEdit(THREADS, "wrong-demo-target-ignores-its-args",
                        "SleeperDemo.java", "sleeper.sleeper((Integer) args[0])",
                        "sleeper.sleeper(seconds)")
                        .fails("seconds is the thread's argument", "captured from demo()"),
                // Prints Hi until stopped: at the same line on every run, with the limit named.
                BankVariant.wrongEdit(THREADS, "wrong-demo-hi-loop-never-ends",
                        "SleeperDemo.java", "i < hiCount; i++)", "i < hiCount; i--)")
                        .fails("main prints Hi exactly hiCount times", "printed 1000 lines, the"
                                + " last \"Hi\"", "a loop in your SleeperDemo.demo() that prints"
                                + " does not end"));
    }

    static Stream<BankVariant> correct() {
        return Stream.of("correct-pythread-count-down-latch", "correct-pythread-monitor",
                "correct-pythread-future-task", "correct-printf-sleeper-and-stream-demo")
                .map(name -> BankVariant.correct(THREADS, name));
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
    @DisplayName("another correct design gets full marks on module 3")
    void eachCorrectDesignGetsFullMarks(BankVariant correct, @TempDir Path dir)
            throws Exception {
        correct.assertGraded(GraderProcess.grade(correct.make(dir)));
    }

    @Test
    @DisplayName("every variant in the bank's folder is graded here, and every wrong one names"
            + " a test it fails")
    void everyVariantIsGraded() {
        assertThat(Submissions.bankVariants(THREADS)).containsExactlyInAnyOrderElementsOf(
                variants().filter(BankVariant::inFiles).map(BankVariant::name).toList());
        assertThat(wrong()).allMatch(v -> !v.isCorrect() && !v.failing().isEmpty());
    }
}

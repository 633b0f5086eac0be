package threadlab.grader.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import threadlab.grader.testing.GraderProcess;
import threadlab.grader.testing.Submissions;
import threadlab.grader.testing.GraderProcess.Graded;

/**
 * A bank of wrong solutions to module 3, one misconception each, made from the reference
 * solution by one edit. Each must lose points, with feedback that names its misconception.
 * Two variants are graded at a time, which also shows that grades hold on a busy machine.
 */
@Execution(ExecutionMode.CONCURRENT)
class KnownWrongThreadsIT {

    /**
     * One wrong solution.
     *
     * @param misconception what the student got wrong
     * @param file the solution file to edit
     * @param from the text to replace
     * @param to what replaces it
     * @param failingTest part of the name of a test that must fail
     * @param feedback part of that test's feedback
     */
    record Variant(String misconception, String file, String from, String to,
            String failingTest, String feedback) {

        @Override
        public String toString() {
            return misconception;
        }
    }

    static Stream<Variant> variants() {
        return Stream.of(
                new Variant("the demo calls run() instead of start()", "SleeperDemo.java",
                        "t.start();", "try { t.run(); } catch (Exception e) {"
                                + " throw new IllegalStateException(e); }",
                        "main's Hi lines all appear while the sleeper is still asleep",
                        "run() was called instead of start()"),
                new Variant("start() runs the target itself", "PyThread.java",
                        "        thread.start();\n", "        runOnThread();\n",
                        "start() runs the target on a new thread",
                        "start() called run() or the target directly"),
                new Variant("a second start() is left to java.lang.Thread", "PyThread.java",
                        "if (!started.compareAndSet(false, true)) {",
                        "if (!started.compareAndSet(false, true) && false) {",
                        "a second start() throws", "has no message"),
                new Variant("join() does not wait", "PyThread.java",
                        "        requireStarted();\n        thread.join();\n",
                        "        requireStarted();\n",
                        "join() waits until the target has finished",
                        "join() returned while the target was still running"),
                new Variant("join(timeout) in whole seconds: Thread.join(0) waits forever",
                        "PyThread.java",
                        "thread.join(nanos / 1_000_000, (int) (nanos % 1_000_000));",
                        "thread.join(timeout.toSeconds() * 1000);",
                        "join(timeout) returns after the timeout", "Thread.join(0)"),
                new Variant("the sleeper sleeps with Thread.sleep", "Sleeper.java",
                        "sleep.sleep(Duration.ofSeconds(n));", "Thread.sleep(n * 1000L);",
                        "asks its Sleep for exactly n seconds", "Thread.sleep"),
                new Variant("the sleeper sleeps milliseconds", "Sleeper.java",
                        "Duration.ofSeconds(n)", "Duration.ofMillis(n)",
                        "asks its Sleep for exactly n seconds", "Duration.ofMillis(n)"),
                new Variant("the sleeper prints to System.out", "Sleeper.java",
                        "out.println(", "System.out.println(",
                        "prints the announcement with n", "printed to System.out"),
                new Variant("the args are not copied", "PyThread.java",
                        ": args.clone();", ": args;",
                        "keeps its own copy of the args", "keep a copy"),
                new Variant("the demo joins the sleeper before saying Hi", "SleeperDemo.java",
                        "        t.start();\n", "        t.start();\n        try { t.join(); }"
                                + " catch (InterruptedException e) {"
                                + " throw new IllegalStateException(e); }\n",
                        "main's Hi lines all appear while the sleeper is still asleep",
                        "main waits for the sleeper"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void eachMisconceptionLosesPointsWithFeedbackThatNamesIt(Variant variant,
            @TempDir Path submission) throws Exception {
        Graded graded = GraderProcess.grade(Submissions.editedSolution(submission,
                "module-03-threads", variant.file(), variant.from(), variant.to()));

        assertThat(graded.score()).as(graded.printed().stdout())
                .isLessThan(graded.maxScore());
        JsonNode test = graded.test(variant.failingTest());
        assertThat(test.get("status").asText()).as(test.toString()).isEqualTo("failed");
        assertThat(test.get("output").asText()).contains(variant.feedback());
    }
}

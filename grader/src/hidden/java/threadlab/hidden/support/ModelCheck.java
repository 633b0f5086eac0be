package threadlab.hidden.support;

import java.time.Duration;
import threadlab.grader.api.VerdictError;
import threadlab.grader.protocol.Verdict;
import threadlab.grader.testjvm.StudentExceptions;
import threadlab.grader.testjvm.modelcheck.HoldBack;
import threadlab.grader.testjvm.modelcheck.ModelChecker;

/**
 * Model checking for hidden tests: a scenario of a few threads runs once for each interleaving of
 * their steps, fewest thread switches first, the same interleavings in the same order on every
 * run. When one breaks the scenario's checks, the student sees the checks' message and that
 * interleaving, a column per thread, read from top to bottom. A data race fails the check too,
 * with both accesses named. What the code threw stays the failure's cause, so a task not done yet
 * still reads as one. A design that blocks in a call the checker does not model passes
 * the check with a note: the other tests grade it.
 */
public final class ModelCheck {

    private ModelCheck() {
    }

    /**
     * Runs a scenario in every interleaving with at most two thread switches, up to a number of
     * them, and fails with the first one that breaks it.
     *
     * @param interleavings how many interleavings to try at most
     * @param scenario starts threads with {@link #inParallel}, and checks the outcome; it throws
     *     to fail
     */
    public static void run(int interleavings, Runnable scenario) {
        ModelChecker.Outcome outcome = ModelChecker.check(interleavings, scenario);
        outcome.unmodelled().ifPresent(why -> System.out.println("Note: this test's model check"
                + " was skipped, as " + why + ". The other tests grade this design; this one"
                + " passes."));
        outcome.failure().ifPresent(failure -> {
            Throwable thrown = failure.thrown();
            throw new VerdictError(verdict(thrown, failure.interleaving()), thrown);
        });
    }

    /**
     * Runs bodies at once, each on a thread of its own, and waits until both have ended; for use
     * inside a scenario. What a body throws is thrown here, on the scenario's thread.
     *
     * <p>Call the submission's method in the body itself ({@code () -> count.incref()}).
     *
     * @param first what thread 1 runs
     * @param second what thread 2 runs
     */
    public static void inParallel(Runnable first, Runnable second) {
        ModelChecker.inParallel(first, second);
    }

    /**
     * Runs three bodies at once, as {@link #inParallel(Runnable, Runnable)} runs two.
     *
     * @param first what thread 1 runs
     * @param second what thread 2 runs
     * @param third what thread 3 runs
     */
    public static void inParallel(Runnable first, Runnable second, Runnable third) {
        ModelChecker.inParallel(first, second, third);
    }

    /**
     * The time on a scenario's thread: the model checker's clock, which moves only when it lets
     * a wait's time run out, never with the machine's load.
     *
     * @return the time in nanoseconds
     */
    public static long now() {
        return ModelChecker.now();
    }

    /**
     * Runs a body on the calling thread while every other thread that reaches the submission's
     * code waits there, at its first step, until the body returns. What the calling thread reads
     * right after it started a thread is then the same on every run: the new thread has not run
     * a line of the submission yet. Should the calling thread wait 50 ms in a row (for a new
     * thread, say), the held threads go on, so a design that makes it wait is slowed, never
     * stopped.
     *
     * @param body what the calling thread does alone
     */
    public static void alone(Runnable body) {
        HoldBack.alone(body);
    }

    /**
     * How many of the calling thread's timed waits and sleeps ran out so far in this
     * interleaving: a wait that a wake-up ended does not count. Outside a model check, 0.
     *
     * @return the count
     */
    public static int timeoutsRanOut() {
        return ModelChecker.timeoutsRanOut();
    }

    /**
     * Sleeps on the model checker's clock, to let time pass in a scenario at a chosen point: the
     * clock moves to the sleep's end once no thread can go on before it.
     *
     * @param time how long
     * @throws InterruptedException if interrupted outside a model check
     */
    public static void sleep(Duration time) throws InterruptedException {
        ModelChecker.sleep(time);
    }

    /**
     * The failed check, or what the code threw, as a verdict of a race, with the interleaving
     * that shows it as its evidence.
     */
    static Verdict verdict(Throwable thrown, String interleaving) {
        Verdict verdict;
        if (thrown instanceof VerdictError error) {
            verdict = error.verdict().withKind(Verdict.Kind.RACE);
        } else if (thrown instanceof AssertionError) {
            verdict = Verdict.of(Verdict.Kind.RACE, String.valueOf(thrown.getMessage()));
        } else {
            verdict = Verdict.of(Verdict.Kind.STUDENT_EXCEPTION, thrown.getClass().getName()
                    + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage()));
            String where = StudentExceptions.likelyCause(thrown);
            if (where != null) {
                verdict = verdict.withLikelyCause(where);
            }
        }
        if (thrown instanceof IllegalMonitorStateException wrong) {
            verdict = verdict.withLikelyCause(Monitors.cause(wrong));
        }
        if (interleaving.isEmpty()) {
            return verdict;
        }
        return verdict.withEvidence("The interleaving that shows it, found by model checking (a"
                + " column per thread, read from top to bottom; a rule across the table is where"
                + " one thread was paused for another):\n" + interleaving);
    }
}

package threadlab.hidden.support;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import threadlab.grader.testjvm.StudentExceptions;

/**
 * Runs a piece of the submission on a thread the test names and watches, so that the test thread
 * stays free to observe, even when the submission blocks where it should not.
 */
public final class Caller {

    /** How long a test waits for something that should happen at once; only failures wait. */
    public static final Duration PATIENCE = Duration.ofSeconds(5);

    /**
     * The classes a wait runs through between the submission's call and the park: the JDK's,
     * and the model checker's in its place.
     */
    private static final Pattern BELOW_THE_SUBMISSION =
            Pattern.compile("java\\.|jdk\\.|sun\\.|com\\.sun\\.|threadlab\\.grader\\.");

    /** A body that may throw anything. */
    @FunctionalInterface
    public interface Body {
        /**
         * Runs.
         *
         * @throws Exception whatever the submission throws
         */
        void run() throws Exception;
    }

    private final Thread thread;
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile long finishedAt;

    private Caller(String name, Body body) {
        this.thread = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                finishedAt = System.nanoTime();
                done.countDown();
            }
        }, name);
        thread.setDaemon(true);
    }

    /**
     * Starts a body on a new daemon thread.
     *
     * @param name the thread's name, as the feedback shows it
     * @param body what to run
     * @return the caller, running
     */
    public static Caller start(String name, Body body) {
        Caller caller = new Caller(name, body);
        caller.thread.start();
        return caller;
    }

    /**
     * The thread the body runs on.
     *
     * @return the thread
     */
    public Thread thread() {
        return thread;
    }

    /**
     * Whether the body has returned or thrown.
     *
     * @return {@code true} once it is over
     */
    public boolean finished() {
        return done.getCount() == 0;
    }

    /**
     * When the body finished, on {@link System#nanoTime()}'s clock.
     *
     * @return the time, or 0 while it runs
     */
    public long finishedAt() {
        return finishedAt;
    }

    /**
     * Waits, within a limit, for the body to finish.
     *
     * @param limit the longest wait
     * @return whether it finished
     * @throws InterruptedException if the test is interrupted
     */
    public boolean awaitFinished(Duration limit) throws InterruptedException {
        return done.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Throws what the body threw, if anything, so the grader explains it to the student.
     *
     * @throws Exception what the body threw
     */
    public void rethrow() throws Exception {
        Throwable t = failure.get();
        if (t instanceof Exception) {
            throw (Exception) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
    }

    /**
     * Whether the body threw.
     *
     * @return the throwable, or {@code null}
     */
    public Throwable failure() {
        return failure.get();
    }

    /**
     * Waits, within a limit, until a condition holds, polling it often.
     *
     * <p>Awaitility's own default would rethrow here what any thread of the JVM fails with while
     * the wait lasts. A submission's thread that throws would then fail whichever wait happens
     * to be running when it does, which timing decides: one grading in two. The test that reads
     * the thread's outcome judges it instead.
     *
     * @param limit the longest wait
     * @param condition the condition
     * @return whether it held in time
     */
    public static boolean eventually(Duration limit,
            java.util.concurrent.Callable<Boolean> condition) {
        try {
            Awaitility.await().dontCatchUncaughtExceptions().atMost(limit)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(2)).until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /**
     * Whether the thread is blocked: waiting, timed-waiting or waiting for a lock.
     *
     * @return {@code true} if it is parked in a wait of some kind
     */
    public boolean blocked() {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                || state == Thread.State.BLOCKED;
    }

    /**
     * Whether the thread is blocked in the submission's code: parked in a wait, or waiting for a
     * lock, that the submission's own code called. A thread that waits in the test's own latch
     * does not count, nor does one that the test has let go but that a busy machine has not run
     * since: its state still says it waits where it was.
     *
     * @return {@code true} if the submission's code is what keeps it waiting
     */
    public boolean blockedInSubmission() {
        if (!blocked()) {
            return false;
        }
        for (StackTraceElement frame : thread.getStackTrace()) {
            String name = frame.getClassName();
            if (!BELOW_THE_SUBMISSION.matcher(name).lookingAt()) {
                return StudentExceptions.isStudentCode(name) && blocked();
            }
        }
        return false;
    }
}

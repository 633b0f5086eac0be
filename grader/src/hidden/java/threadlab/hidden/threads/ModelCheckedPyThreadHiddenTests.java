package threadlab.hidden.threads;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import threadlab.grader.api.Points;
import threadlab.hidden.support.Caller;
import threadlab.hidden.support.ModelCheck;
import threadlab.hidden.support.Verdict;
import threadlab.threads.PyThread;

/**
 * start() called from two threads at once, model-checked: the two calls run once for each
 * interleaving of their steps with up to two thread switches, so a check and a set of the
 * "started" mark that another start() can get between shows, though a real run would show it
 * only by luck.
 */
@DisplayName("Task 2, two start() calls at once (model-checked)")
class ModelCheckedPyThreadHiddenTests {

    /** The most interleavings the check tries: start() has few steps, so every one fits. */
    static final int INTERLEAVINGS = 100;

    private static Throwable tryStart(PyThread thread) {
        try {
            thread.start();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static String outcome(Throwable thrown) {
        if (thrown == null) {
            return "returned";
        }
        return "threw " + thrown.getClass().getName() + (thrown.getMessage() == null
                ? " with no message" : "(\"" + thrown.getMessage() + "\")");
    }

    @Test
    @Tag("task:2")
    @Tag("rule:R2.9")
    @Points(1)
    @DisplayName("two threads call start() on one PyThread at once: in every interleaving one"
            + " starts it and the other gets IllegalThreadStateException, and the target runs"
            + " once")
    void twoStartsAtOnce() {
        ModelCheck.run(INTERLEAVINGS, () -> {
            AtomicInteger runs = new AtomicInteger();
            CountDownLatch ended = new CountDownLatch(1);
            PyThread thread = new PyThread(args -> {
                runs.incrementAndGet();
                ended.countDown();
            });
            Throwable[] thrown = new Throwable[2];
            ModelCheck.inParallel(() -> thrown[0] = tryStart(thread),
                    () -> thrown[1] = tryStart(thread));
            boolean ranOnce;
            try {
                ranOnce = ended.await(Caller.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)
                        && runs.get() == 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            int refused = (thrown[0] == null ? 0 : 1) + (thrown[1] == null ? 0 : 1);
            Throwable refusal = thrown[0] != null ? thrown[0] : thrown[1];
            Verdict.check(refused != 1 || runs.get() > 0, "the target to run once, on the"
                    + " thread the one start() that succeeded started", "one start() returned"
                    + " and the other threw, but the target never ran", "start() started a"
                    + " thread that never calls the target: the new thread's body must call"
                    + " run(), and run() must call the target with its args", null);
            Verdict.check(refused == 1 && refusal instanceof IllegalThreadStateException
                    && "threads can only be started once".equals(refusal.getMessage())
                    && ranOnce, "one start() to start the thread and the other to throw"
                    + " IllegalThreadStateException(\"threads can only be started once\"),"
                    + " the target running once",
                    "on thread 1 start() " + outcome(thrown[0]) + "; on thread 2 it "
                            + outcome(thrown[1]) + "; the target ran " + runs.get()
                            + " time(s)",
                    "checking that the thread was not started and marking it started must be"
                    + " one atomic step (compareAndSet, or both under one lock): between a"
                    + " separate check and mark, the other start() can pass the check too",
                    null);
        });
    }
}

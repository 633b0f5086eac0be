package threadlab.hidden.gil;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import threadlab.gil.InterpreterThread;
import threadlab.hidden.support.Caller;
import threadlab.hidden.support.Monitors;
import threadlab.hidden.support.Stillness;
import threadlab.hidden.support.Verdict;

/** What the hidden tests of module 2 share. */
final class GilTesting {

    /** A switch interval no test outlives: while a test runs, nobody asks for a drop. */
    static final Duration AN_HOUR = Duration.ofHours(1);

    /**
     * How long a test waits for something a correct GIL does within a few milliseconds; only a
     * failing submission waits it out.
     */
    static final Duration PATIENCE = Duration.ofSeconds(3);

    /**
     * The longest a submission's thread waits on a latch that the test itself opens when it has
     * seen what it looks for. The test always opens it, so the limit never decides a grade: a
     * shorter one would let a thread wake up early on a busy machine and change what the test
     * sees.
     */
    static final Duration TEST_ENDS_IT = Duration.ofMinutes(1);

    /**
     * How many steps in a row a thread may start while a drop request is pending and another
     * thread waits. A correct GIL drops at the first step boundary; counting steps, not
     * milliseconds, keeps the grade the same on a busy machine, where a millisecond bound would
     * fail a correct GIL now and then.
     */
    static final int IGNORED_REQUESTS = 50;

    private GilTesting() {
    }

    /**
     * What a thread that runs steps saw of the drop request while another thread waited: whether
     * it was ever set, and how many steps in a row started with it pending before the waiter had
     * the GIL.
     */
    static final class DropRequests {

        private final AtomicBoolean seen = new AtomicBoolean();
        private final AtomicInteger inARow = new AtomicInteger();

        /**
         * Notes one step.
         *
         * @param requested whether the drop request was pending at the step
         * @param waiterHadIt whether the waiter has had the GIL by then
         */
        void step(boolean requested, boolean waiterHadIt) {
            if (requested) {
                seen.set(true);
            }
            if (requested && !waiterHadIt) {
                inARow.incrementAndGet();
            } else {
                inARow.set(0);
            }
        }

        /**
         * Whether the drop request was ever pending at a step.
         *
         * @return {@code true} if it was
         */
        boolean seen() {
            return seen.get();
        }

        /**
         * Whether {@link #IGNORED_REQUESTS} steps in a row started with the request pending: the
         * GIL was not dropped when asked.
         *
         * @return {@code true} if so
         */
        boolean ignored() {
            return inARow.get() >= IGNORED_REQUESTS;
        }
    }

    /**
     * An Error that a test's step or blocking call throws on purpose. An Error is no Exception:
     * {@code catch (Exception e)} lets it through, and a cast to Exception fails, so every rule
     * that says "also when it throws" is checked with one of these as well as with an Exception.
     */
    static final class ErrorOnPurpose extends Error {

        private static final long serialVersionUID = 1L;

        ErrorOnPurpose(String message) {
            super(message);
        }
    }

    /**
     * An exception as the feedback names it: its class and message, {@code Name("message")}.
     *
     * @param thrown the exception
     * @return its name
     */
    static String describe(Throwable thrown) {
        return thrown.getClass().getSimpleName() + "(\"" + thrown.getMessage() + "\")";
    }

    /**
     * Throws an Exception or an Error as it is, from a step or a blocking call.
     *
     * @param thrown what to throw
     * @throws Exception the exception, if it is one
     */
    static void raise(Throwable thrown) throws Exception {
        if (thrown instanceof Error error) {
            throw error;
        }
        throw (Exception) thrown;
    }

    /** Keeps the CPU busy for about the given time, as a CPU-bound step does. */
    static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    /**
     * Waits, within {@link #PATIENCE}, until a condition holds; it stops early once no thread
     * can move any more ({@link Stillness}).
     *
     * @param condition what to wait for
     * @return {@code null} if it held in time, else what went wrong, for feedback
     */
    static String await(Callable<Boolean> condition) {
        Stillness.Wait wait = Stillness.await(PATIENCE, condition);
        return wait.held() ? null : wait.why(PATIENCE);
    }

    /**
     * Waits, within {@link #PATIENCE}, until a condition holds, or no thread can move any more.
     *
     * @param condition what to wait for
     * @return whether it held
     */
    static boolean eventually(Callable<Boolean> condition) {
        return Stillness.await(PATIENCE, condition).held();
    }

    /**
     * Waits, within a limit, for a caller to finish, or until no thread can move any more.
     *
     * @param caller the caller
     * @param limit the longest wait
     * @return whether it finished
     */
    static boolean finished(Caller caller, Duration limit) {
        return Stillness.await(limit, caller::finished).held();
    }

    /**
     * Waits, within a limit, for a thread to end, or until no thread can move any more.
     *
     * @param thread the thread
     * @param limit the longest wait
     * @return whether it ended
     */
    static boolean ended(InterpreterThread thread, Duration limit) {
        return Stillness.await(limit, () -> !thread.isAlive()).held();
    }

    /**
     * Rethrows what the first of the callers threw, if any did, so that an unfinished task or an
     * exception from the submission reaches the student as it is.
     *
     * @param callers the callers
     * @throws Exception what one of them threw
     */
    static void rethrowFirst(List<Caller> callers) throws Exception {
        for (Caller caller : callers) {
            if (caller.failure() instanceof UnsupportedOperationException) {
                caller.rethrow();
            }
        }
        for (Caller caller : callers) {
            if (caller.failure() instanceof IllegalMonitorStateException wrong) {
                throw monitorState(caller.thread().getName(), wrong);
            }
            caller.rethrow();
        }
    }

    /**
     * Calls the GIL on the test's own thread, where an IllegalMonitorStateException says what it
     * says on any thread of the test ({@link #monitorState}).
     *
     * @param call the call
     * @throws Exception what the call threw
     */
    static void call(Caller.Body call) throws Exception {
        try {
            call.run();
        } catch (IllegalMonitorStateException wrong) {
            throw monitorState(Thread.currentThread().getName(), wrong);
        }
    }

    /**
     * What an IllegalMonitorStateException from a thread of the test says about the GIL
     * ({@link Monitors#cause}).
     *
     * @param thread the thread that threw it
     * @param thrown what it threw
     * @return the failure to throw
     */
    static AssertionError monitorState(String thread, IllegalMonitorStateException thrown) {
        return Verdict.fail("each thread to give up only a GIL it holds, and the GIL to use its"
                        + " own lock only while holding it",
                "\"" + thread + "\" threw " + thrown, Monitors.cause(thrown), null);
    }

    /**
     * The names of the callers still running.
     *
     * @param callers the callers
     * @return their thread names
     */
    static List<String> stillRunning(List<Caller> callers) {
        return callers.stream().filter(c -> !c.finished()).map(c -> c.thread().getName())
                .toList();
    }
}

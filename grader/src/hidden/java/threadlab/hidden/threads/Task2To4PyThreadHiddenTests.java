package threadlab.hidden.threads;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import threadlab.grader.api.Points;
import threadlab.hidden.support.Caller;
import threadlab.hidden.support.Verdict;
import threadlab.threads.PyThread;

@DisplayName("Tasks 2 to 4, a Python-style thread")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Task2To4PyThreadHiddenTests {

    /** Holds targets that must not finish yet; every test opens it at the end. */
    private final CountDownLatch gate = new CountDownLatch(1);

    /** The thread that runs the test, which a target must never run on. */
    private final Thread testThread = Thread.currentThread();

    @AfterEach
    void openTheGate() {
        gate.countDown();
    }

    /**
     * Waits, within a bound, until a target has finished: first with the submission's join(),
     * then for the target's own signal. A test that is not about join() must not depend on it,
     * or a wrong join() would fail it on some runs and not on others.
     */
    private static void awaitEnd(PyThread t, CountDownLatch ended) throws InterruptedException {
        t.join();
        ended.await(Caller.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void waitAtGate() throws InterruptedException {
        if (Thread.currentThread() == testThread) {
            throw Verdict.fail("the target to run on its own thread, and start() to return",
                    "the target ran inside start(), on the thread that called it",
                    "start() called run() or the target directly; it must start a new thread",
                    null);
        }
        gate.await(30, TimeUnit.SECONDS);
    }

    @Test
    @Tag("task:2")
    @Order(1)
    @Points(2)
    @DisplayName("start() runs the target on a new thread, not on the caller's")
    void startRunsTheTargetOnANewThread() throws Exception {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        PyThread t = new PyThread(args -> {
            ranOn.set(Thread.currentThread());
            ran.countDown();
        });
        Thread caller = Thread.currentThread();
        t.start();
        Verdict.check(ran.await(Caller.PATIENCE.toSeconds(), TimeUnit.SECONDS),
                "the target to run after start()", "it did not run within "
                        + Caller.PATIENCE.toSeconds() + " s",
                "start() must start the java.lang.Thread that runs the target", null);
        Verdict.check(ranOn.get() != caller,
                "the target to run on a thread of its own",
                "it ran on the thread that called start() (" + caller.getName() + ")",
                "start() called run() or the target directly; it must start a new thread"
                        + " instead", null);
        t.join();
    }

    @Test
    @Tag("task:2")
    @Order(2)
    @Points(2)
    @DisplayName("the target receives exactly the args given, in order")
    void theTargetReceivesItsArgs() throws Exception {
        Object first = new Object();
        List<String> list = new ArrayList<>(List.of("x"));
        Object[] given = {first, "two", 3, null, list};
        AtomicReference<Object[]> received = new AtomicReference<>();
        CountDownLatch ended = new CountDownLatch(1);
        PyThread t = new PyThread(args -> {
            received.set(args);
            ended.countDown();
        }, given);
        t.start();
        awaitEnd(t, ended);
        Object[] got = received.get();
        Verdict.check(got != null, "the target to be called with 5 args",
                "it was not called, or called with null", "pass the args on to target.call",
                null);
        boolean same = got.length == given.length;
        for (int i = 0; same && i < given.length; i++) {
            same = got[i] == given[i];
        }
        Verdict.check(same, "the target to receive " + Arrays.toString(given)
                + ", the very same objects in the same order",
                "it received " + Arrays.toString(got),
                got.length == 1 && got[0] instanceof Object[]
                        ? "the args array was passed as one argument: call target.call(args),"
                        + " not target.call(new Object[] {args})"
                        : "pass every arg, unchanged and in order, as Python does with args=(...)",
                null);

        AtomicReference<Object[]> none = new AtomicReference<>();
        CountDownLatch emptyEnded = new CountDownLatch(1);
        PyThread empty = new PyThread(args -> {
            none.set(args);
            emptyEnded.countDown();
        });
        empty.start();
        awaitEnd(empty, emptyEnded);
        Verdict.check(none.get() != null && none.get().length == 0,
                "a thread made with no args to call its target with no args",
                "the target got " + (none.get() == null ? "null" : Arrays.toString(none.get())),
                "with no args, the target receives an empty array", null);
    }

    @Test
    @Tag("task:2")
    @Order(3)
    @Points(1)
    @DisplayName("the thread keeps its own copy of the args")
    void theArgsAreCopied() throws Exception {
        Object[] given = {"before"};
        AtomicReference<Object> received = new AtomicReference<>();
        CountDownLatch ended = new CountDownLatch(1);
        PyThread t = new PyThread(args -> {
            received.set(args[0]);
            ended.countDown();
        }, given);
        given[0] = "after";
        t.start();
        awaitEnd(t, ended);
        Verdict.check("before".equals(received.get()),
                "the target to receive the args as they were when the thread was made",
                "the caller changed its array after making the thread, and the target saw \""
                        + received.get() + "\"",
                "the constructor kept the caller's array itself; keep a copy (args.clone()), as"
                        + " Python keeps a tuple", null);
    }

    @Test
    @Tag("task:2")
    @Order(4)
    @Points(2)
    @DisplayName("start() returns while the target is still running")
    void startDoesNotWaitForTheTarget() throws Exception {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        PyThread t = new PyThread(args -> {
            ranOn.set(Thread.currentThread());
            waitAtGate();
        });
        Caller caller = Caller.start("caller", t::start);
        Caller.eventually(Caller.PATIENCE,
                () -> caller.finished() || ranOn.get() == caller.thread());
        boolean returnedFirst = caller.finished();
        gate.countDown();
        caller.awaitFinished(Caller.PATIENCE);
        caller.rethrow();
        Verdict.check(returnedFirst,
                "start() to return at once, while the target still runs",
                ranOn.get() == caller.thread() ? "the target ran inside start(), on the caller's"
                        + " thread, and start() waited for it"
                        : "start() had not returned after " + Caller.PATIENCE.toSeconds() + " s",
                "start() called run() (or the target) directly, or joined the thread; start()"
                        + " only starts the new thread", null);
        t.join();
    }

    @Test
    @Tag("task:2")
    @Order(5)
    @Points(2)
    @DisplayName("a second start() throws IllegalThreadStateException, as Python refuses it")
    void aSecondStartThrows() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch ended = new CountDownLatch(1);
        PyThread t = new PyThread(args -> {
            runs.incrementAndGet();
            ended.countDown();
        });
        t.start();
        Throwable thrown = null;
        try {
            t.start();
        } catch (RuntimeException e) {
            thrown = e;
        }
        awaitEnd(t, ended);
        Verdict.check(thrown != null,
                "the second start() to throw IllegalThreadStateException(\"threads can only be"
                        + " started once\")",
                "it returned normally, and the target ran " + runs.get() + " time(s)",
                "nothing remembers that the thread was started", null);
        Verdict.check(thrown instanceof IllegalThreadStateException,
                "an IllegalThreadStateException", "it threw " + thrown,
                "throw the exception Java's own threads use for this", null);
        Verdict.check("threads can only be started once".equals(thrown.getMessage()),
                "the message \"threads can only be started once\", as Python says it",
                "the message was \"" + thrown.getMessage() + "\"",
                thrown.getMessage() == null ? "java.lang.Thread's own exception has no message:"
                        + " check for a second start yourself and throw with the message"
                        : "use Python's wording", null);
        Verdict.check(runs.get() == 1, "the target to run once", "it ran " + runs.get()
                + " times", "the second start() must not run the target again", null);
    }

    @Test
    @Tag("task:2")
    @Order(6)
    @Points(1)
    @DisplayName("run() calls the target on the calling thread")
    void runUsesTheCallingThread() throws Exception {
        List<Thread> ranOn = new CopyOnWriteArrayList<>();
        PyThread t = new PyThread(args -> ranOn.add(Thread.currentThread()), 1);
        t.run();
        Verdict.check(ranOn.equals(List.of(Thread.currentThread())),
                "run() to call the target once, on the thread that called run()",
                ranOn.isEmpty() ? "the target was not called" : "it ran on " + ranOn,
                "run() is a plain call: Python's run() invokes the target right there", null);
    }

    @Test
    @Tag("task:3")
    @Order(7)
    @Points(2)
    @DisplayName("join() waits until the target has finished")
    void joinWaits() throws Exception {
        AtomicInteger finished = new AtomicInteger();
        PyThread t = new PyThread(args -> {
            waitAtGate();
            finished.incrementAndGet();
        });
        t.start();
        Caller joiner = Caller.start("joiner", t::join);
        // A correct join() blocks; a wrong one returns at once.
        Caller.eventually(Caller.PATIENCE, () -> joiner.finished() || joiner.blocked());
        boolean returnedEarly = joiner.finished();
        gate.countDown();
        Verdict.check(joiner.awaitFinished(Caller.PATIENCE),
                "join() to return once the target has finished",
                "join() was still waiting " + Caller.PATIENCE.toSeconds() + " s after the target"
                        + " finished", "join() waits on something other than the thread", null);
        joiner.rethrow();
        Verdict.check(!returnedEarly,
                "join() to wait while the target runs",
                "join() returned while the target was still running",
                "join() must wait for the thread (Thread.join()), not return at once", null);
        Verdict.check(finished.get() == 1, "the target's work to be done when join() returns",
                "it was not", "join() returned before the thread finished", null);
    }

    @Test
    @Tag("task:3")
    @Order(8)
    @Points(1)
    @DisplayName("join() before start() throws IllegalThreadStateException")
    void joinBeforeStartThrows() throws Exception {
        PyThread t = new PyThread(args -> { });
        Caller joiner = Caller.start("joiner", t::join);
        Verdict.check(joiner.awaitFinished(Caller.PATIENCE),
                "join() on a thread that was never started to throw at once",
                "it was still waiting after " + Caller.PATIENCE.toSeconds() + " s",
                "Python raises RuntimeError(\"cannot join thread before it is started\")", null);
        Throwable thrown = joiner.failure();
        if (thrown instanceof UnsupportedOperationException) {
            joiner.rethrow();
        }
        Verdict.check(thrown instanceof IllegalThreadStateException
                        && "cannot join thread before it is started".equals(thrown.getMessage()),
                "IllegalThreadStateException(\"cannot join thread before it is started\")",
                thrown == null ? "join() returned normally" : "it threw " + thrown,
                "java.lang.Thread.join() returns at once on a thread that never started;"
                        + " Python refuses, and so does this course", null);
    }

    @Test
    @Tag("task:3")
    @Order(9)
    @Points(2)
    @DisplayName("join(timeout) returns after the timeout while the thread is still alive")
    void joinWithTimeoutGivesUp() throws Exception {
        PyThread t = new PyThread(args -> waitAtGate());
        t.start();
        AtomicLong tookNanos = new AtomicLong(-1);
        Caller joiner = Caller.start("joiner", () -> {
            long start = System.nanoTime();
            t.join(Duration.ofMillis(200));
            tookNanos.set(System.nanoTime() - start);
        });
        boolean returned = joiner.awaitFinished(Caller.PATIENCE);
        long tookMillis = tookNanos.get() / 1_000_000;
        boolean aliveAfter = t.isAlive();
        gate.countDown();
        joiner.awaitFinished(Caller.PATIENCE);
        joiner.rethrow();
        Verdict.check(returned,
                "join(200 ms) to give up after about 200 ms",
                "it was still waiting after " + Caller.PATIENCE.toSeconds() + " s",
                "join(timeout) waits forever: it calls join() without the timeout, or"
                        + " Thread.join(0), which in Java means no timeout at all", null);
        Verdict.check(tookMillis >= 200,
                "join(200 ms) to wait at least 200 ms for a thread that is still running",
                "it returned after " + tookMillis + " ms",
                "the timeout was converted wrongly (for example seconds for milliseconds), or"
                        + " join(timeout) does not wait", null);
        Verdict.check(aliveAfter, "isAlive() to be true after join(timeout) gave up",
                "isAlive() was false although the target was still running",
                "isAlive() does not ask the underlying thread", null);
        t.join();
    }

    @Test
    @Tag("task:3")
    @Order(10)
    @Points(1)
    @DisplayName("join(timeout) returns as soon as the thread ends")
    void joinWithTimeoutReturnsEarly() throws Exception {
        PyThread t = new PyThread(args -> { });
        t.start();
        Caller joiner = Caller.start("joiner", () -> t.join(Duration.ofMinutes(1)));
        boolean returned = joiner.awaitFinished(Duration.ofSeconds(10));
        joiner.rethrow();
        Verdict.check(returned,
                "join(1 minute) on a thread that ends at once to return at once",
                "it was still waiting after 10 s",
                "join(timeout) sleeps for the whole timeout instead of waiting for the thread",
                null);
        Verdict.check(!t.isAlive(), "isAlive() to be false after the thread ended",
                "it was true", "isAlive() does not ask the underlying thread", null);
    }

    @Test
    @Tag("task:3")
    @Order(11)
    @Points(1)
    @DisplayName("isAlive() is true only between start and the end of the target")
    void isAliveFollowsTheThread() throws Exception {
        PyThread t = new PyThread(args -> waitAtGate());
        boolean beforeStart = t.isAlive();
        t.start();
        boolean whileRunning = t.isAlive();
        gate.countDown();
        t.join();
        // Not about join(): give the thread, within a bound, the time to end.
        Caller.eventually(Caller.PATIENCE, () -> !t.isAlive());
        boolean afterEnd = t.isAlive();
        Verdict.check(!beforeStart && whileRunning && !afterEnd,
                "isAlive(): false before start(), true while the target runs, false after",
                "it was " + beforeStart + ", " + whileRunning + ", " + afterEnd,
                "isAlive() should ask the java.lang.Thread underneath", null);
    }

    @Test
    @Tag("task:4")
    @Order(12)
    @Points(1)
    @DisplayName("a thread's name is the name of the thread its target runs on")
    void namesAreThreadNames() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        CountDownLatch ended = new CountDownLatch(1);
        PyThread named = new PyThread("sleeper-thread", args -> {
            seen.set(Thread.currentThread().getName());
            ended.countDown();
        });
        Verdict.check("sleeper-thread".equals(named.getName()),
                "getName() to be \"sleeper-thread\", the name given", "it was \""
                        + named.getName() + "\"", "keep the name given to the constructor",
                null);
        named.setName("renamed");
        named.start();
        awaitEnd(named, ended);
        Verdict.check("renamed".equals(seen.get()),
                "the target to run on a thread named \"renamed\" after setName(\"renamed\")",
                "it ran on \"" + seen.get() + "\"",
                "the name lives apart from the java.lang.Thread that runs the target", null);
        PyThread unnamed = new PyThread(args -> { });
        Verdict.check(unnamed.getName() != null && unnamed.getName().startsWith("Thread-"),
                "a default name like Java's, \"Thread-N\"", "it was \"" + unnamed.getName()
                        + "\"", "without a name, let java.lang.Thread choose one", null);
    }

    @Test
    @Tag("task:4")
    @Order(13)
    @Points(1)
    @DisplayName("daemon status is set before start() and refused after it")
    void daemonOnlyBeforeStart() throws Exception {
        AtomicReference<Boolean> seen = new AtomicReference<>();
        CountDownLatch ended = new CountDownLatch(1);
        PyThread t = new PyThread(args -> {
            seen.set(Thread.currentThread().isDaemon());
            ended.countDown();
            waitAtGate();
        });
        t.setDaemon(true);
        Verdict.check(t.isDaemon(), "isDaemon() to be true after setDaemon(true)", "it was false",
                "keep the daemon status on the java.lang.Thread", null);
        t.start();
        Throwable thrown = null;
        try {
            t.setDaemon(false);
        } catch (RuntimeException e) {
            thrown = e;
        }
        gate.countDown();
        awaitEnd(t, ended);
        Verdict.check(Boolean.TRUE.equals(seen.get()),
                "the target to run on a daemon thread", "Thread.currentThread().isDaemon() was "
                        + seen.get() + " inside the target", "set daemon on the thread that"
                        + " runs the target, before it starts", null);
        Verdict.check(thrown instanceof IllegalThreadStateException
                        && "cannot set daemon status of active thread".equals(thrown.getMessage()),
                "setDaemon() after start() to throw IllegalThreadStateException(\"cannot set"
                        + " daemon status of active thread\")",
                thrown == null ? "it returned normally" : "it threw " + thrown,
                "remember that the thread was started, as Python does", null);
    }

    @Test
    @Tag("task:3")
    @Order(14)
    @Points(1)
    @DisplayName("join(timeout) before start() throws IllegalThreadStateException, as join() does")
    void joinWithTimeoutBeforeStartThrows() throws Exception {
        PyThread t = new PyThread(args -> { });
        Caller joiner = Caller.start("joiner", () -> t.join(Duration.ofSeconds(1)));
        Verdict.check(joiner.awaitFinished(Caller.PATIENCE),
                "join(1 s) on a thread that was never started to throw at once",
                "it was still waiting after " + Caller.PATIENCE.toSeconds() + " s",
                "check that the thread was started before waiting, as in join()", null);
        Throwable thrown = joiner.failure();
        if (thrown instanceof UnsupportedOperationException) {
            joiner.rethrow();
        }
        Verdict.check(thrown instanceof IllegalThreadStateException
                        && "cannot join thread before it is started".equals(thrown.getMessage()),
                "IllegalThreadStateException(\"cannot join thread before it is started\")",
                thrown == null ? "join(timeout) returned normally" : "it threw " + thrown,
                "java.lang.Thread.join(millis) returns at once on a thread that never started;"
                        + " join(timeout) must refuse it as join() does", null);
    }

    @Test
    @Tag("task:3")
    @Order(15)
    @Points(1)
    @DisplayName("join(timeout) with a timeout too long to count in nanoseconds waits as join()"
            + " does")
    void joinWithAnEndlessTimeoutWaits() throws Exception {
        PyThread t = new PyThread(args -> waitAtGate());
        t.start();
        Duration forever = ChronoUnit.FOREVER.getDuration();
        Caller joiner = Caller.start("joiner", () -> t.join(forever));
        // A correct join(timeout) blocks until the gate opens; a wrong one returns at once.
        Caller.eventually(Caller.PATIENCE, () -> joiner.finished() || joiner.blocked());
        boolean returnedEarly = joiner.finished();
        gate.countDown();
        boolean returned = joiner.awaitFinished(Caller.PATIENCE);
        Throwable thrown = joiner.failure();
        if (thrown instanceof UnsupportedOperationException) {
            joiner.rethrow();
        }
        Verdict.check(thrown == null && !returnedEarly,
                "join(ChronoUnit.FOREVER.getDuration()) to wait while the target runs",
                thrown != null ? "it threw " + thrown : "it returned while the target was still"
                        + " running",
                "Duration.toNanos() throws ArithmeticException beyond about 292 years; a"
                        + " timeout that long means no limit: wait as join() does", null);
        Verdict.check(returned, "join(timeout) to return once the target has finished",
                "it was still waiting " + Caller.PATIENCE.toSeconds() + " s after the target"
                        + " finished", "join(timeout) waits on something other than the thread",
                null);
    }

    @Test
    @Tag("task:4")
    @Order(16)
    @Points(1)
    @DisplayName("isDaemon() follows setDaemon() before start(): false, then true")
    void isDaemonFollowsSetDaemon() {
        PyThread t = new PyThread(args -> { });
        t.setDaemon(false);
        boolean afterFalse = t.isDaemon();
        t.setDaemon(true);
        boolean afterTrue = t.isDaemon();
        Verdict.check(!afterFalse && afterTrue,
                "isDaemon() to be false after setDaemon(false) and true after setDaemon(true)",
                "it was " + afterFalse + ", then " + afterTrue,
                "isDaemon() must ask the java.lang.Thread underneath, where setDaemon() keeps"
                        + " the status", null);
    }
}

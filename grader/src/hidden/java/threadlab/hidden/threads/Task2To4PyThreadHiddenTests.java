package threadlab.hidden.threads;

import java.io.IOException;
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
import threadlab.hidden.support.ModelCheck;
import threadlab.hidden.support.Verdict;
import threadlab.threads.PyThread;

@DisplayName("Tasks 2 to 4, a Python-style thread")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Task2To4PyThreadHiddenTests {

    /** Holds targets that must not finish yet; every test opens it at the end. */
    private final CountDownLatch gate = new CountDownLatch(1);

    /**
     * Opened by the first target that waits at the gate: a test that reads isAlive() while the
     * target runs waits for it, so that only the test of isAlive() at start reads it at once.
     */
    private final CountDownLatch began = new CountDownLatch(1);

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
        began.countDown();
        gate.await(30, TimeUnit.SECONDS);
    }

    @Test
    @Tag("rule:R2.8")
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
    @Tag("rule:R2.3")
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
    @Tag("rule:R2.1")
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
    @Tag("rule:R2.8")
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
    @Tag("rule:R2.9")
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
    @Tag("rule:R2.6")
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
    @Tag("rule:R3.1")
    @Tag("needs:R2.8")
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
        Caller.eventually(Caller.PATIENCE, () -> joiner.finished() || joiner.blockedInSubmission());
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
    @Tag("rule:R3.2")
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
    @Tag("rule:R3.3")
    @Tag("needs:R2.8")
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
        began.await(Caller.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
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
    @Tag("rule:R3.3")
    @Tag("needs:R2.8")
    @Tag("task:3")
    @Tag("needs:R3.3")
    @Order(10)
    @Points(1)
    @DisplayName("join(timeout) returns as soon as the thread ends")
    void joinWithTimeoutReturnsEarly() throws Exception {
        PyThread t = new PyThread(args -> waitAtGate());
        t.start();
        Caller joiner = Caller.start("joiner", () -> t.join(Duration.ofMinutes(1)));
        boolean waited;
        try {
            // The target waits at the gate, so it cannot end before the test lets it: a join
            // that does not wait has returned by then, on every run.
            waited = Caller.eventually(Caller.PATIENCE, () -> joiner.finished()
                    || joiner.blockedInSubmission()) && !joiner.finished();
        } finally {
            gate.countDown();
        }
        boolean returned = joiner.awaitFinished(Duration.ofSeconds(10));
        joiner.rethrow();
        Verdict.check(waited,
                "join(1 minute) to wait while the target still runs",
                "it returned while the target was still running",
                "join(timeout) does not wait for the thread: call the thread's own join with the"
                        + " timeout", null);
        Verdict.check(returned,
                "join(1 minute) to return as soon as the thread ends",
                "it was still waiting 10 s after the thread ended",
                "join(timeout) sleeps for the whole timeout instead of waiting for the thread",
                null);
        boolean aliveAfter = t.isAlive();
        t.join();
        Verdict.check(!aliveAfter, "isAlive() to be false after the thread ended",
                "it was true", "isAlive() does not ask the underlying thread", null);
    }

    @Test
    @Tag("rule:R3.7")
    @Tag("needs:R2.8")
    @Tag("task:3")
    @Order(11)
    @Points(1)
    @DisplayName("isAlive() is true only between start and the end of the target")
    void isAliveFollowsTheThread() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        PyThread t = new PyThread(args -> {
            running.countDown();
            waitAtGate();
        });
        boolean beforeStart = t.isAlive();
        boolean[] atOnce = new boolean[1];
        // Read at once after start(), while the new thread waits at its first step in the
        // exercise's code: a mark that the new thread sets itself is not set yet, every time.
        ModelCheck.alone(() -> {
            t.start();
            atOnce[0] = t.isAlive();
        });
        running.await(Caller.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        boolean whileRunning = t.isAlive();
        gate.countDown();
        t.join();
        // Not about join(): give the threads, within a bound, the time to end.
        Caller.eventually(Caller.PATIENCE, () -> !t.isAlive());
        boolean afterEnd = t.isAlive();
        Verdict.check(!beforeStart && whileRunning && !afterEnd,
                "isAlive(): false before start(), true while the target runs, false after",
                "it was " + beforeStart + ", " + whileRunning + ", " + afterEnd,
                "isAlive() should ask the java.lang.Thread underneath", null);
        Verdict.check(atOnce[0], "isAlive() to be true as soon as start() returns, before"
                        + " the new thread has run a line of your code", "it was false right"
                        + " after start()", "isAlive() reads a mark that the new thread sets"
                        + " when it begins to run, which may be later than start() returns; ask the"
                        + " java.lang.Thread underneath, which is alive from start() on", null);
    }

    @Test
    @Tag("rule:R4.1")
    @Tag("rule:R4.2")
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
    @Tag("rule:R4.3")
    @Tag("rule:R4.4")
    @Tag("needs:R2.8")
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
                "isDaemon() does not return the status setDaemon() set: keep the daemon status"
                        + " on the java.lang.Thread, set it there and read it from there", null);
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
    @Tag("task:2")
    @Tag("rule:R2.2")
    @Order(14)
    @Points(1)
    @DisplayName("a null args array means no args: the target gets an empty array")
    void aNullArgsArrayMeansNoArgs() throws Exception {
        List<Object[]> received = new CopyOnWriteArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);
        PyThread t = new PyThread(args -> {
            received.add(args);
            if (received.size() == 2) {
                ended.countDown();
            }
        }, (Object[]) null);
        t.run();
        t.start();
        awaitEnd(t, ended);
        Verdict.check(received.size() == 2 && received.stream()
                        .allMatch(args -> args != null && args.length == 0),
                "new PyThread(target, (Object[]) null) to call its target with an empty array,"
                        + " on run() and on start()",
                "the target got " + received.stream().map(args -> args == null ? "null"
                        : Arrays.toString(args)).toList(),
                "a null args array is not an arg: keep an empty array instead (args == null ?"
                        + " new Object[0] : args.clone()), as Python's args=() does", null);
    }

    @Test
    @Tag("task:2")
    @Tag("rule:R2.4")
    @Order(15)
    @Points(1)
    @DisplayName("a null target is refused with NullPointerException")
    void aNullTargetIsRefused() throws Exception {
        Throwable unnamed = thrownBy(() -> new PyThread(null));
        Throwable named = thrownBy(() -> new PyThread("named", null));
        Verdict.check(unnamed instanceof NullPointerException
                        && named instanceof NullPointerException,
                "new PyThread(null) and new PyThread(\"named\", null) to throw"
                        + " NullPointerException at once",
                "they " + describe(unnamed) + " and " + describe(named),
                "check the target in the constructor (Objects.requireNonNull(target,"
                        + " \"target\")), so that the mistake shows where it was made, not"
                        + " later on another thread", null);
    }

    @Test
    @Tag("task:2")
    @Tag("rule:R2.5")
    @Order(16)
    @Points(1)
    @DisplayName("a thread named null runs its target on a thread with Java's default name")
    void aNullNameGetsJavasDefaultName() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        CountDownLatch ended = new CountDownLatch(1);
        PyThread t = new PyThread(null, args -> {
            seen.set(Thread.currentThread().getName());
            ended.countDown();
        });
        t.start();
        awaitEnd(t, ended);
        Verdict.check(seen.get() != null && seen.get().startsWith("Thread-"),
                "new PyThread(null, target) to run its target on a thread named like Java's"
                        + " \"Thread-N\"",
                "it ran on \"" + seen.get() + "\"",
                "with a null name, make the java.lang.Thread without a name (new"
                        + " Thread(runnable)), so that Java chooses it; new Thread(runnable,"
                        + " null) throws, and \"null\" is not a name", null);
    }

    @Test
    @Tag("task:2")
    @Tag("rule:R2.7")
    @Order(17)
    @Points(1)
    @DisplayName("run() throws whatever the target throws, unwrapped")
    void runThrowsWhatTheTargetThrows() throws Exception {
        IOException checked = new IOException("the target's own IOException");
        IllegalStateException unchecked = new IllegalStateException("the target's own");
        Throwable fromChecked = thrownBy(() -> new PyThread(args -> {
            throw checked;
        }).run());
        Throwable fromUnchecked = thrownBy(() -> new PyThread(args -> {
            throw unchecked;
        }).run());
        Verdict.check(fromChecked == checked && fromUnchecked == unchecked,
                "run() to throw the very exception its target threw: the IOException and the"
                        + " IllegalStateException",
                "run() " + describe(fromChecked) + " and " + describe(fromUnchecked),
                fromChecked != null && fromChecked.getCause() == checked
                        ? "run() wrapped the target's exception; only the new thread's run()"
                        + " must wrap a checked exception, PyThread.run() lets it through"
                        : "run() caught the target's exception; let it go on to the caller",
                null);
    }

    @Test
    @Tag("task:2")
    @Tag("rule:R2.10")
    @Order(18)
    @Points(1)
    @DisplayName("a target that throws after start() ends its own thread, never start()")
    void aThrowingTargetEndsItsThreadNotStart() throws Exception {
        IllegalStateException thrown = new IllegalStateException("the target's own");
        Uncaught uncaught = new Uncaught();
        Throwable fromStart;
        try {
            PyThread t = new PyThread("thrower", args -> {
                throw thrown;
            });
            fromStart = thrownBy(t::start);
            uncaught.await();
        } finally {
            uncaught.close();
        }
        Verdict.check(fromStart == null, "start() to return normally",
                "start() " + describe(fromStart),
                "start() ran the target itself; it only starts the new thread", null);
        Verdict.check(uncaught.thrown() != null && (uncaught.thrown() == thrown
                        || uncaught.thrown().getCause() == thrown),
                "the target's IllegalStateException to end the thread \"thrower\", as an"
                        + " uncaught exception",
                uncaught.thrown() == null ? "no exception ended a thread within "
                        + Caller.PATIENCE.toSeconds() + " s"
                        : "the thread \"" + uncaught.thread() + "\" ended with "
                        + uncaught.thrown(),
                "the new thread's run() caught the target's exception; let it end the thread,"
                        + " so that Java prints it with the thread's name", null);
    }

    @Test
    @Tag("task:2")
    @Tag("rule:R2.11")
    @Order(19)
    @Points(1)
    @DisplayName("a checked exception of the target ends its thread wrapped, with the original as"
            + " its cause")
    void aCheckedExceptionEndsTheThreadWrapped() throws Exception {
        IOException thrown = new IOException("the target's own IOException");
        Uncaught uncaught = new Uncaught();
        try {
            new PyThread("reader", args -> {
                throw thrown;
            }).start();
            uncaught.await();
        } finally {
            uncaught.close();
        }
        Throwable ended = uncaught.thrown();
        Verdict.check(ended instanceof RuntimeException && ended.getCause() == thrown,
                "the thread \"reader\" to end with an unchecked exception whose cause is the"
                        + " target's IOException",
                ended == null ? "no exception ended a thread within "
                        + Caller.PATIENCE.toSeconds() + " s" : "it ended with " + ended
                        + (ended.getCause() == null ? ", with no cause"
                        : ", caused by " + ended.getCause()),
                ended == null ? "the new thread's run() swallowed the checked exception: wrap"
                        + " it and throw" : "wrap it with the original as the cause (new"
                        + " RuntimeException(e), or UncheckedIOException), so that the report"
                        + " shows what really went wrong", null);
    }

    @Test
    @Tag("task:3")
    @Tag("rule:R3.4")
    @Tag("needs:R2.8")
    @Order(20)
    @Points(1)
    @DisplayName("join(timeout) with a zero or negative timeout returns at once")
    void aZeroOrNegativeTimeoutReturnsAtOnce() throws Exception {
        PyThread t = new PyThread(args -> waitAtGate());
        t.start();
        Caller zero = Caller.start("join-zero", () -> t.join(Duration.ZERO));
        String afterZero = outcome(zero);
        Caller negative = Caller.start("join-negative", () -> t.join(Duration.ofSeconds(-1)));
        String afterNegative = outcome(negative);
        gate.countDown();
        t.join();
        Verdict.check(afterZero.equals("returned") && afterNegative.equals("returned"),
                "join(Duration.ZERO) and join(-1 s) on a running thread to return at once, as"
                        + " Python's join(0) and join(-1) do",
                "join(0 s) " + afterZero + "; join(-1 s) " + afterNegative,
                afterNegative.contains("IllegalArgumentException") ? "Thread.join(millis)"
                        + " refuses a negative timeout: return at once instead of calling it"
                        : "Thread.join(0) means \"no time limit\" in Java: a zero or negative"
                        + " timeout must not reach it; return at once instead", null);
    }

    @Test
    @Tag("task:3")
    @Tag("rule:R3.5")
    @Tag("needs:R2.8")
    @Order(21)
    @Points(1)
    @DisplayName("join(timeout) with a timeout too long for nanoseconds waits as join() does")
    void aTimeoutTooLongMeansNoLimit() throws Exception {
        PyThread t = new PyThread(args -> waitAtGate());
        t.start();
        Caller joiner = Caller.start("joiner", () -> t.join(ChronoUnit.FOREVER.getDuration()));
        Caller.eventually(Caller.PATIENCE, () -> joiner.finished() || joiner.blockedInSubmission());
        boolean returnedEarly = joiner.finished();
        Throwable early = joiner.failure();
        gate.countDown();
        boolean returned = joiner.awaitFinished(Caller.PATIENCE);
        if (early instanceof UnsupportedOperationException) {
            joiner.rethrow();
        }
        Verdict.check(!returnedEarly && returned && joiner.failure() == null,
                "join(ChronoUnit.FOREVER.getDuration()) to wait while the target runs, and to"
                        + " return once it has finished",
                returnedEarly ? (early == null ? "it returned while the target was running"
                        : "it threw " + early) : returned ? "it threw " + joiner.failure()
                        : "it was still waiting " + Caller.PATIENCE.toSeconds() + " s after the"
                        + " target finished",
                early instanceof ArithmeticException ? "timeout.toNanos() or toMillis()"
                        + " overflows for such a timeout: treat it as no limit"
                        : "a timeout too long to count means no limit: wait as join() does",
                null);
    }

    @Test
    @Tag("task:3")
    @Tag("rule:R3.6")
    @Order(22)
    @Points(1)
    @DisplayName("join(timeout) before start() throws IllegalThreadStateException, as join() does")
    void aTimedJoinBeforeStartThrows() throws Exception {
        PyThread t = new PyThread(args -> { });
        Caller joiner = Caller.start("joiner", () -> t.join(Duration.ofSeconds(1)));
        boolean returned = joiner.awaitFinished(Caller.PATIENCE);
        Throwable thrown = joiner.failure();
        if (thrown instanceof UnsupportedOperationException) {
            joiner.rethrow();
        }
        Verdict.check(returned && thrown instanceof IllegalThreadStateException
                        && "cannot join thread before it is started".equals(thrown.getMessage()),
                "join(1 s) on a thread that was never started to throw"
                        + " IllegalThreadStateException(\"cannot join thread before it is"
                        + " started\") at once",
                !returned ? "it was still waiting after " + Caller.PATIENCE.toSeconds() + " s"
                        : thrown == null ? "join(1 s) returned normally" : "it threw " + thrown,
                "join(timeout) must check, as join() does, that the thread was started", null);
    }

    @Test
    @Tag("task:3")
    @Tag("rule:R3.7")
    @Tag("needs:R2.8")
    @Order(23)
    @Points(1)
    @DisplayName("isAlive() is false once the target has thrown")
    void isAliveEndsWhenTheTargetThrows() throws Exception {
        Uncaught uncaught = new Uncaught();
        PyThread t = new PyThread(args -> {
            waitAtGate();
            throw new IllegalStateException("the target's own");
        });
        boolean whileRunning;
        boolean ended;
        try {
            t.start();
            began.await(Caller.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            whileRunning = t.isAlive();
            gate.countDown();
            uncaught.await();
            // Not about join(): give the thread, within a bound, the time to end.
            ended = Caller.eventually(Caller.PATIENCE, () -> !t.isAlive());
        } finally {
            uncaught.close();
        }
        Verdict.check(whileRunning && ended,
                "isAlive() true while the target runs, and false once the target has thrown",
                !whileRunning ? "it was false while the target ran" : "it was still true "
                        + Caller.PATIENCE.toSeconds() + " s after the target threw",
                "a flag set when the target returns misses a target that throws: ask the"
                        + " java.lang.Thread underneath", null);
    }

    @Test
    @Tag("task:3")
    @Tag("rule:R3.8")
    @Tag("needs:R2.8")
    @Tag("needs:R3.3")
    @Order(24)
    @Points(1)
    @DisplayName("join() and join(timeout) throw InterruptedException when the waiting thread is"
            + " interrupted")
    void anInterruptedJoinThrows() throws Exception {
        PyThread t = new PyThread(args -> waitAtGate());
        t.start();
        List<String> outcomes = new ArrayList<>();
        try {
            for (Caller.Body join : List.<Caller.Body>of(t::join,
                    () -> t.join(Duration.ofMinutes(1)))) {
                Caller joiner = Caller.start("joiner", join);
                Caller.eventually(Caller.PATIENCE,
                        () -> joiner.finished() || joiner.blockedInSubmission());
                joiner.thread().interrupt();
                boolean left = joiner.awaitFinished(Caller.PATIENCE);
                if (joiner.failure() instanceof UnsupportedOperationException) {
                    joiner.rethrow();
                }
                outcomes.add(!left ? "still waiting" : joiner.failure() == null
                        ? "returned normally" : "threw " + joiner.failure().getClass()
                        .getSimpleName());
            }
        } finally {
            gate.countDown();
        }
        t.join();
        Verdict.check(outcomes.equals(List.of("threw InterruptedException",
                        "threw InterruptedException")),
                "join() and join(1 minute), each interrupted while the target runs, to throw"
                        + " InterruptedException",
                "join(): " + outcomes.get(0) + "; join(1 minute): " + outcomes.get(1),
                "join caught the InterruptedException (or waited in a loop that ignores the"
                        + " interrupt); let it go on to the caller, as Thread.join() does",
                null);
    }

    @Test
    @Tag("task:4")
    @Tag("rule:R4.4")
    @Order(25)
    @Points(1)
    @DisplayName("setDaemon() is refused also once the thread has finished")
    void setDaemonIsRefusedAfterTheEnd() throws Exception {
        CountDownLatch ended = new CountDownLatch(1);
        PyThread t = new PyThread(args -> ended.countDown());
        t.start();
        awaitEnd(t, ended);
        // Not about join(): give the thread, within a bound, the time to end.
        Caller.eventually(Caller.PATIENCE, () -> !t.isAlive());
        Throwable thrown = thrownBy(() -> t.setDaemon(true));
        Verdict.check(thrown instanceof IllegalThreadStateException
                        && "cannot set daemon status of active thread".equals(thrown.getMessage()),
                "setDaemon(true) on a thread that has finished to throw"
                        + " IllegalThreadStateException(\"cannot set daemon status of active"
                        + " thread\"), as Python refuses it",
                "it " + describe(thrown),
                "setDaemon() checks isAlive(), which is false again once the thread has"
                        + " finished; remember that start() was called instead", null);
    }

    /** What a call threw, or {@code null}; the skeleton's reminder ends the test with its task. */
    private static Throwable thrownBy(Caller.Body call) throws Exception {
        try {
            call.run();
            return null;
        } catch (UnsupportedOperationException e) {
            throw e;
        } catch (Exception e) {
            return e;
        }
    }

    /** How a join on a running thread ended, within the test's patience. */
    private static String outcome(Caller joiner) throws Exception {
        if (!joiner.awaitFinished(Caller.PATIENCE)) {
            return "was still waiting after " + Caller.PATIENCE.toSeconds() + " s";
        }
        if (joiner.failure() instanceof UnsupportedOperationException) {
            joiner.rethrow();
        }
        return joiner.failure() == null ? "returned" : "threw " + joiner.failure();
    }

    private static String describe(Throwable thrown) {
        return thrown == null ? "returned normally" : "threw " + thrown;
    }

    /**
     * Catches what ends a thread, in place of Java's default handler, which prints it: the
     * tests of a target that throws read it here, and put the old handler back when done.
     *
     * <p>Only a thread made after it was set up counts: a thread left by an earlier test that
     * throws meanwhile would otherwise be read as this test's, when timing says so. Thread ids
     * count up, so a thread made now has a higher one than any made before. What a thread of
     * an earlier test throws goes where it would have gone.
     */
    private static final class Uncaught implements AutoCloseable {
        private final Thread.UncaughtExceptionHandler before =
                Thread.getDefaultUncaughtExceptionHandler();
        private final long firstThreadId = new Thread(() -> { }).getId();
        private final CountDownLatch caught = new CountDownLatch(1);
        private final AtomicReference<Throwable> thrown = new AtomicReference<>();
        private final AtomicReference<String> thread = new AtomicReference<>();

        Uncaught() {
            Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
                if (t.getId() < firstThreadId) {
                    elsewhere(t, e);
                } else if (thrown.compareAndSet(null, e)) {
                    thread.set(t.getName());
                    caught.countDown();
                }
            });
        }

        private void elsewhere(Thread t, Throwable e) {
            if (before != null) {
                before.uncaughtException(t, e);
            } else {
                System.err.print("Exception in thread \"" + t.getName() + "\" ");
                e.printStackTrace(System.err);
            }
        }

        void await() throws InterruptedException {
            caught.await(Caller.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        }

        Throwable thrown() {
            return thrown.get();
        }

        String thread() {
            return thread.get();
        }

        @Override
        public void close() {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }

    @Test
    @Tag("task:4")
    @Tag("rule:R4.3")
    @Order(26)
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

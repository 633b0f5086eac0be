package threadlab.hidden.threads;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import threadlab.grader.api.Points;
import threadlab.hidden.support.Caller;
import threadlab.hidden.support.ControlledSleep;
import threadlab.hidden.support.Stillness;
import threadlab.hidden.support.Timeline;
import threadlab.hidden.support.Verdict;
import threadlab.threads.PyThread;
import threadlab.threads.Sleeper;
import threadlab.threads.SleeperDemo;

/**
 * The lesson's program, run once with a sleep the test holds closed, then checked from several
 * sides: every check about "while the sleeper sleeps" is decided by the test, never by how fast
 * the machine is.
 *
 * <p>Main's first line waits, within a bound, until the sleeper has begun: a demo that starts the
 * thread first never waits long, and one that prints before starting it waits the whole bound and
 * has its Hi lines before the sleeper's, on every run. Main prints to a stream of its own, so
 * that while it waits it holds no lock the sleeper needs.
 */
@Tag("task:5")
@DisplayName("Task 5, the lesson's program")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Task5SleeperDemoHiddenTests {

    private static final int SECONDS = 5;
    private static final int HI_COUNT = 4;
    private static final String MAIN = "main";
    private static final String ANNOUNCEMENT = "Hi, I'll be sleeping for 5 seconds";
    private static final String WAKE_UP = "I've woken up!";

    private Run run;

    @BeforeAll
    void runTheDemo() throws Exception {
        run = new Run();
    }

    /** One run of the demo, and what the test saw while the sleeper was held asleep. */
    private static final class Run {
        final Timeline timeline = new Timeline();
        final ControlledSleep sleep = ControlledSleep.gated(timeline);
        final AtomicReference<PyThread> returned = new AtomicReference<>();
        final AtomicBoolean firstCall = new AtomicBoolean(true);
        Caller main;
        long hiWhileAsleep;
        long hiBeforeTheSleeper;
        boolean sleeperBegan;
        int sleeperFirst;
        boolean sleptOnMain;
        boolean aliveAfterReturn;

        Run() throws Exception {
            try {
                Sleeper sleeper = new Sleeper(sleep, timeline.out());
                PrintStream mainOut = timeline.out(this::awaitTheSleeperOnce);
                main = Caller.start(MAIN, () -> returned.set(
                        SleeperDemo.demo(sleeper, SECONDS, HI_COUNT, mainOut)));
                // Beyond the bound of main's wait at its first line, so that a demo that prints
                // before it starts the sleeper is seen whole.
                Caller.eventually(Caller.PATIENCE.multipliedBy(2), () -> main.finished()
                        && hiCount() >= HI_COUNT || sleptOnMain() || main.failure() != null);
                sleeperFirst = timeline.indexOf(this::bySleeper);
                sleeperBegan = sleeperFirst >= 0;
                hiBeforeTheSleeper = timeline.count(e -> isHi(e)
                        && (sleeperFirst < 0 || e.seq() < sleeperFirst));
                hiWhileAsleep = hiCount() - hiBeforeTheSleeper;
                sleptOnMain = sleptOnMain();
                PyThread thread = returned.get();
                aliveAfterReturn = thread != null && thread.isAlive();
                sleep.open();
                main.awaitFinished(Caller.PATIENCE);
                if (thread != null) {
                    // A sleeper that ignores its Sleep sleeps the real seconds: wait them out, so
                    // that whether its wake-up is seen never depends on the machine's speed.
                    try {
                        thread.join(Duration.ofSeconds(SECONDS).plus(Caller.PATIENCE));
                    } catch (IllegalThreadStateException neverStarted) {
                        String sleeperThread = sleeperBegan
                                ? timeline.entries().get(sleeperFirst).thread() : null;
                        String returnedThread = nameOf(thread);
                        if (sleeperBegan && !sleptOnMain && returnedThread != null
                                && !sleeperThread.equals(returnedThread)) {
                            throw Verdict.fail("demo() to return the thread it started",
                                    "the sleeper ran on \"" + sleeperThread + "\", and join() on"
                                            + " the thread demo() returned, \""
                                            + returnedThread + "\", threw " + neverStarted,
                                    "demo() returned another PyThread than the one it started:"
                                            + " return the thread you called start() on",
                                    timeline);
                        }
                        if (sleeperBegan) {
                            // It was started: join() itself is wrong, as Task 3's tests say.
                            throw neverStarted;
                        }
                        throw Verdict.fail("demo() to return the thread it started",
                                "join() on the thread it returned threw " + neverStarted,
                                "demo() never called start() on its PyThread: start it, so"
                                        + " that the sleeper runs on the new thread while main"
                                        + " prints", timeline);
                    }
                }
                // The returned thread may be null, or its join may not wait: wait for the
                // sleeper's own wake-up too, or until no thread can move, so that what the tests
                // read next is the same on every run.
                Stillness.await(Caller.PATIENCE, () -> timeline.count(
                        e -> e.text().equals(WAKE_UP)) > 0);
                // A Hi loop that does not end was stopped at its 1000th line; rethrown here,
                // that limit's verdict says so.
                main.rethrow();
            } finally {
                sleep.open();
                timeline.close();
            }
        }

        /** A thread's name, or null when getName() throws and cannot tell one from another. */
        static String nameOf(PyThread thread) {
            try {
                return thread.getName();
            } catch (RuntimeException e) {
                return null;
            }
        }

        long hiCount() {
            return timeline.count(Run::isHi);
        }

        static boolean isHi(Timeline.Entry e) {
            return e.channel().equals(Timeline.OUT) && e.text().equals("Hi");
        }

        /** Whether the sleeper did this: printed on a thread other than main, or slept. */
        boolean bySleeper(Timeline.Entry e) {
            return e.channel().equals(Timeline.SLEEP) || e.threadId() != main.thread().getId();
        }

        /**
         * Before main's first call to its stream: waits until the sleeper has begun, printed or
         * fallen asleep, at most {@link Caller#PATIENCE}.
         */
        void awaitTheSleeperOnce() {
            if (firstCall.getAndSet(false)) {
                long me = Thread.currentThread().getId();
                timeline.await(e -> e.channel().equals(Timeline.SLEEP) || e.threadId() != me,
                        Caller.PATIENCE);
            }
        }

        boolean sleptOnMain() {
            return sleep.calls().stream().anyMatch(c -> c.thread() == main.thread());
        }
    }

    @Test
    @Tag("rule:R5.1")
    @Tag("rule:R5.2")
    @Tag("needs:R2.3")
    @Tag("needs:R2.8")
    @Order(1)
    @Points(3)
    @DisplayName("main's Hi lines all appear while the sleeper is still asleep")
    void hiLinesDoNotWaitForTheSleeper() throws Exception {
        Verdict.check(!run.sleptOnMain,
                "the sleeper to sleep on a thread of its own while main prints its Hi lines",
                "the sleeper slept on main, so main printed nothing until it woke up: all "
                        + HI_COUNT + " Hi lines came after \"" + WAKE_UP + "\"",
                "run() was called instead of start(): run() calls the target on the calling"
                        + " thread; start() makes a new thread", run.timeline);
        Verdict.check(run.hiBeforeTheSleeper == 0,
                "the sleeper's thread started before main's first Hi, so that every Hi is"
                        + " printed while the sleeper sleeps",
                run.hiBeforeTheSleeper + " Hi lines were printed before the sleeper began,"
                        + " although main's first Hi waited up to " + Caller.PATIENCE.toSeconds()
                        + " s for it",
                run.sleeperBegan ? "the Hi lines are printed before start(): start the thread"
                        + " first (step 1), then print Hi (step 2)" : "the demo never started"
                        + " the sleeper: start a PyThread whose target calls"
                        + " sleeper.sleeper(seconds), then print Hi", run.timeline);
        Verdict.check(run.hiWhileAsleep == HI_COUNT,
                "all " + HI_COUNT + " Hi lines printed by main while the sleeper is asleep",
                run.hiWhileAsleep + " Hi lines were printed while it slept",
                hiCause(), run.timeline);
    }

    /** Why main printed too few Hi lines while the sleeper slept. */
    private String hiCause() {
        long hiAtAll = run.timeline.count(e -> e.text().equals("Hi"));
        if (run.hiWhileAsleep > 0) {
            return "print Hi exactly hiCount times";
        }
        if (hiAtAll == 0) {
            return "main printed no Hi line at all: the loop that prints Hi hiCount times never"
                    + " ran (check its condition against hiCount), or its println is missing";
        }
        return "main waits for the sleeper before printing (a join() before the loop?), or"
                + " prints to another stream";
    }

    @Test
    @Tag("rule:R5.1")
    @Tag("needs:R2.3")
    @Tag("needs:R2.8")
    @Order(2)
    @Points(2)
    @DisplayName("the sleeper runs on a thread other than main, with the given seconds")
    void theSleeperRunsOnItsOwnThread() throws Exception {
        List<ControlledSleep.Call> calls = run.sleep.calls();
        Verdict.check(calls.size() == 1,
                "the sleeper to sleep once", "it slept " + calls.size() + " times",
                calls.isEmpty() ? "the demo never ran the sleeper: start a PyThread whose target"
                        + " calls sleeper.sleeper(seconds)" : "start the sleeper once",
                run.timeline);
        Verdict.check(calls.get(0).thread() != run.main.thread(),
                "the sleeper to run on a thread other than main",
                "it ran on main", "run() was called instead of start()", run.timeline);
        Verdict.check(calls.get(0).duration().equals(Duration.ofSeconds(SECONDS)),
                "the sleeper to sleep " + SECONDS + " seconds, the demo's seconds argument",
                "it slept " + ControlledSleep.describe(calls.get(0).duration()),
                "pass seconds to the thread as its args, and on to sleeper.sleeper(n)",
                run.timeline);
        List<Timeline.Entry> announced = run.timeline.entries().stream()
                .filter(e -> e.text().equals(ANNOUNCEMENT)).toList();
        Verdict.check(announced.size() == 1
                        && announced.get(0).threadId() == calls.get(0).thread().getId(),
                "\"" + ANNOUNCEMENT + "\" once, printed by the sleeper's thread",
                announced.isEmpty() ? "it was not printed" : "it was printed by "
                        + announced.get(0).thread(),
                "the sleeper prints its own announcement", run.timeline);
    }

    @Test
    @Tag("rule:R5.2")
    @Tag("needs:R2.3")
    @Tag("needs:R2.8")
    @Order(3)
    @Points(1)
    @DisplayName("main prints Hi exactly hiCount times")
    void mainPrintsHiHiCountTimes() throws Exception {
        List<Timeline.Entry> his = run.timeline.entries().stream()
                .filter(e -> e.text().equals("Hi")).toList();
        Verdict.check(his.size() == HI_COUNT
                        && his.stream().allMatch(e -> e.threadId() == run.main.thread().getId()
                        && e.channel().equals(Timeline.OUT)),
                HI_COUNT + " Hi lines, all printed by main to the stream the demo was given",
                his.size() + " Hi lines" + (his.stream().anyMatch(e -> !e.channel()
                        .equals(Timeline.OUT)) ? ", some of them to System.out" : ""),
                "print Hi hiCount times, from main, to out", run.timeline);
    }

    @Test
    @Tag("rule:R5.1")
    @Tag("needs:R2.3")
    @Tag("needs:R2.8")
    @Order(4)
    @Points(1)
    @DisplayName("the announcement comes before the wake-up")
    void theAnnouncementComesFirst() throws Exception {
        int announced = run.timeline.indexOf(e -> e.text().equals(ANNOUNCEMENT));
        int woke = run.timeline.indexOf(e -> e.text().equals(WAKE_UP));
        Verdict.check(announced >= 0 && woke > announced,
                "\"" + ANNOUNCEMENT + "\" first, \"" + WAKE_UP + "\" after it",
                announced < 0 ? "the announcement was not printed"
                        : woke < 0 ? "the wake-up was not printed" : "the wake-up came first",
                "the demo runs the sleeper from task 1 unchanged", run.timeline);
    }

    @Test
    @Tag("rule:R5.3")
    @Tag("needs:R2.3")
    @Tag("needs:R2.8")
    @Tag("needs:R5.1")
    @Order(5)
    @Points(1)
    @DisplayName("demo() returns the started thread without waiting for it")
    void demoReturnsTheRunningThread() throws Exception {
        Verdict.check(run.returned.get() != null, "demo() to return the thread it started",
                "it returned null", "demo() returned null: return the PyThread it started",
                run.timeline);
        Verdict.check(run.aliveAfterReturn,
                "the returned thread to be alive after demo() returned, the sleeper still"
                        + " asleep",
                "it was not alive", "demo() joined the thread before returning, or returned"
                        + " a thread that was never started", run.timeline);
        Verdict.check(!run.returned.get().isAlive(),
                "the thread to finish once the sleeper wakes up", "it was still alive",
                "the target does not end after the sleeper returns", run.timeline);
    }

    @Test
    @Tag("rule:R5.4")
    @Tag("needs:R1.2")
    @Order(6)
    @Points(1)
    @DisplayName("seconds is the thread's argument, and the target passes it on to the sleeper")
    void secondsIsTheThreadsArgument() throws Exception {
        Timeline timeline = new Timeline();
        ControlledSleep sleep = ControlledSleep.instant(timeline);
        DemoProbe.Outcome outcome;
        try {
            outcome = DemoProbe.run(new Sleeper(sleep, timeline.out()), SECONDS, 1,
                    timeline.out());
        } finally {
            timeline.close();
        }
        if (outcome.unprobed() != null || outcome.failure() != null
                || outcome.made().size() != 1) {
            // Not seen here: the tests that run the real demo judge what it made and threw.
            return;
        }
        RecordingPyThread thread = outcome.made().get(0);
        Object[] args = thread.args();
        String captured = "the target uses the seconds it captured from demo() instead of the"
                + " thread's args: give the thread seconds as its argument, new PyThread(target,"
                + " seconds), and let the target pass args[0] on to sleeper.sleeper(n), as"
                + " threading.Thread(target=sleeper, args=(5,)) does";
        Verdict.check(args != null && args.length == 1 && args[0] instanceof Number n
                        && n.doubleValue() == SECONDS,
                "the PyThread made with one argument, the demo's seconds (" + SECONDS + ")",
                "it was made with the args " + Arrays.deepToString(args),
                args == null || args.length == 0 ? captured
                        : "pass seconds, and only seconds, as the thread's args", null);
        Object other = args[0] instanceof Long ? (Object) 3L
                : args[0] instanceof Integer ? (Object) 3 : null;
        if (other == null) {
            return;
        }
        try {
            thread.target().call(other);
        } catch (Exception | AssertionError e) {
            throw Verdict.fail("the thread's target, called with the args (3), to make the"
                    + " sleeper sleep 3 seconds", "it threw " + e, "the target must take the"
                    + " sleeper's seconds from its args", timeline);
        }
        List<ControlledSleep.Call> calls = sleep.calls();
        Verdict.check(calls.size() == 1 && calls.get(0).duration().equals(Duration.ofSeconds(3)),
                "the thread's target, called with the args (3), to make the sleeper sleep 3"
                        + " seconds",
                calls.isEmpty() ? "the sleeper did not sleep" : "it slept "
                        + ControlledSleep.describe(calls.get(0).duration()),
                captured, timeline);
    }
}

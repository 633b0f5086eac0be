package threadlab.hidden.gil;

import static threadlab.hidden.gil.GilTesting.AN_HOUR;
import static threadlab.hidden.gil.GilTesting.IGNORED_REQUESTS;
import static threadlab.hidden.gil.GilTesting.PATIENCE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import threadlab.gil.GlobalInterpreterLock;
import threadlab.gil.Interpreter;
import threadlab.gil.InterpreterThread;
import threadlab.gil.Program;
import threadlab.gil.Step;
import threadlab.grader.api.Points;
import threadlab.hidden.support.Caller;
import threadlab.hidden.support.ModelCheck;
import threadlab.hidden.support.Stillness;
import threadlab.hidden.support.Verdict;

@ExtendWith(Stillness.PerTest.class)
@Tag("task:4")
@DisplayName("Task 4, the interpreter")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Task4InterpreterHiddenTests {

    @Test
    @Tag("rule:R4.1")
    @Tag("needs:R1.1")
    @Tag("needs:R1.3")
    @Tag("needs:R2.6")
    @Order(1)
    @Points(3)
    @DisplayName("steps of 4 threads never run at the same time, and each runs holding the GIL")
    void stepsNeverOverlap() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(Duration.ofNanos(500_000));
        Interpreter interpreter = new Interpreter(gil);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        AtomicReference<String> withoutGil = new AtomicReference<>();
        long[] plainCount = new long[1];
        Step step = () -> {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            if (!gil.isHeldByCurrentThread()) {
                withoutGil.compareAndSet(null, Thread.currentThread().getName());
            }
            plainCount[0]++;
            GilTesting.spin(1_000);
            inside.decrementAndGet();
        };
        List<InterpreterThread> threads = new ArrayList<>();
        for (int t = 1; t <= 4; t++) {
            threads.add(interpreter.start("thread-" + t, Program.repeat(2_000, step)));
        }
        String late = GilTesting.await(() -> threads.stream()
                .noneMatch(InterpreterThread::isAlive));
        rethrowFirst(threads);

        Verdict.check(mostInside.get() <= 1 && withoutGil.get() == null,
                "every step to run alone, holding the GIL",
                mostInside.get() > 1 ? "up to " + mostInside.get() + " steps ran at the same time"
                        : "a step of " + withoutGil.get() + " ran without holding the GIL",
                "a step ran outside the GIL: run() must take the GIL before the first step and"
                        + " hold it for every step", null);
        Verdict.check(late == null && plainCount[0] == 8_000,
                "4 threads x 2,000 steps, each adding 1 to a plain counter: 8,000",
                late != null ? "the threads were " + late : "the counter is " + plainCount[0],
                "a thread did not get its turns: run() must release the GIL at its end, in a"
                        + " finally, so that the next thread gets it", null);
    }

    @Test
    @Tag("rule:R4.3")
    @Tag("needs:R1.1")
    @Tag("needs:R1.3")
    @Tag("needs:R2.6")
    @Order(2)
    @Points(3)
    @DisplayName("a step that throws, an Exception or an Error, ends its thread, and the GIL is"
            + " released")
    void aFailingStepReleasesTheGil() throws Exception {
        aFailingStepReleasesTheGil(new IllegalStateException("a step failed on purpose"),
                "release the GIL in a finally block, so that it is released also when a step"
                        + " throws");
        aFailingStepReleasesTheGil(new GilTesting.ErrorOnPurpose("a step failed on purpose,"
                        + " with an Error"),
                "the step threw an Error, which is no Exception: catch (Exception e) lets it"
                        + " through; release the GIL in a finally block, so that it is released"
                        + " whatever a step throws (an AssertionError, a StackOverflowError)");
    }

    private static void aFailingStepReleasesTheGil(Throwable failure, String notReleased)
            throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(AN_HOUR);
        Interpreter interpreter = new Interpreter(gil);
        List<String> ran = new CopyOnWriteArrayList<>();
        InterpreterThread failing = interpreter.start("failing", Program.of(
                () -> ran.add("failing: step 1"),
                () -> GilTesting.raise(failure),
                () -> ran.add("failing: step 3")));
        GilTesting.ended(failing, PATIENCE);
        rethrowNotDone(failing);
        InterpreterThread next = interpreter.start("next", Program.of(() -> ran.add("next")));
        String late = GilTesting.await(() -> !next.isAlive());
        rethrowNotDone(next);

        String what = GilTesting.describe(failure);
        Throwable ended = failing.failure().orElse(null);
        Verdict.check(ended == failure,
                "run() to end with the step's " + what,
                ended == null ? "it ended normally" : "it ended with " + ended,
                ended == null ? "do not catch the step's exception: let it end the program"
                        : ended instanceof IllegalMonitorStateException
                        ? "the GIL was released twice, or by a thread that did not hold it"
                        : "let the step's own exception go on, as it is", null);
        Verdict.check(!ran.contains("failing: step 3"),
                "no step to run after the one that threw", "step 3 ran: " + ran,
                "an exception ends the program, as in Python", null);
        Verdict.check(late == null && ran.contains("next"),
                "another thread to get the GIL once the thread whose step threw " + what
                        + " ended",
                "it was " + late + ": the GIL stayed held by a thread that no longer exists",
                notReleased, null);
    }

    /**
     * "busy" runs CPU-bound steps until the waiter has run. It stops early if it has started
     * {@value GilTesting#IGNORED_REQUESTS} steps in a row with a drop request pending, and at the
     * latest after {@link GilTesting#PATIENCE}: steps, not milliseconds, decide the grade.
     */
    /**
     * The same rule with time under the model checker's control: a program of six steps, each
     * half a switch interval long, and a thread that asks for the GIL meanwhile. In every
     * interleaving with up to two thread switches, the waiter must get the GIL before the
     * program's last step. An interpreter that lets go of the GIL and takes it straight back,
     * instead of calling dropIfRequested(), keeps it in the interleavings where it goes on at
     * once, so it fails every time, not when the waiter happens to lose the race.
     */
    @Test
    @Tag("rule:R4.2")
    @Tag("needs:R1.1")
    @Tag("needs:R1.3")
    @Tag("needs:R2.6")
    @Order(3)
    @Points(1)
    @DisplayName("a thread asks for the GIL while another runs a program of six steps, each half"
            + " a switch interval long: it gets the GIL before the last step, in every"
            + " interleaving (model-checked)")
    void theInterpreterDropsBetweenStepsInEveryInterleaving() {
        Duration interval = Duration.ofMillis(2);
        int steps = 6;
        ModelCheck.run(ModelCheckedGilHiddenTests.INTERLEAVINGS, () -> {
            GlobalInterpreterLock gil = new GlobalInterpreterLock(interval);
            Interpreter interpreter = new Interpreter(gil);
            int[] ran = {0};
            int[] waiterCameAfter = {-1};
            Step step = () -> {
                ran[0]++;
                ModelCheck.sleep(interval.dividedBy(2));
            };
            ModelCheck.inParallel(ModelCheckedGilHiddenTests.unchecked(
                    () -> interpreter.run(Program.repeat(steps, step))),
                    ModelCheckedGilHiddenTests.unchecked(() -> {
                        gil.acquire();
                        waiterCameAfter[0] = ran[0];
                        gil.release();
                    }));
            Verdict.check(waiterCameAfter[0] < steps, "the waiter to get the GIL before the last"
                    + " of the " + steps + " steps (switch interval " + interval.toMillis()
                    + " ms, each step " + interval.toMillis() / 2.0 + " ms)", "it got the GIL"
                    + " only after all " + steps + " steps had run", "run() did not drop the"
                    + " GIL on a waiter's request between two steps, or took it straight back:"
                    + " call gil.dropIfRequested() before each step, which lets the waiter have"
                    + " the GIL before it takes it back", null);
        });
    }

    @Test
    @Tag("rule:R1.6")
    @Tag("rule:R4.2")
    @Tag("needs:R1.1")
    @Tag("needs:R1.3")
    @Tag("needs:R2.6")
    @Tag("needs:R4.2")
    @Order(4)
    @Points(1)
    @DisplayName("a waiting thread gets a turn while another runs a long program: the"
            + " interpreter checks for a drop request between steps")
    void theInterpreterHonoursDropRequests() throws Exception {
        Duration interval = Duration.ofMillis(2);
        GlobalInterpreterLock gil = new GlobalInterpreterLock(interval);
        Interpreter interpreter = new Interpreter(gil);
        Turns turns = new Turns();
        AtomicBoolean running = new AtomicBoolean();
        AtomicLong waiterRanAt = new AtomicLong();
        GilTesting.DropRequests requests = new GilTesting.DropRequests();
        long giveUpAt = System.nanoTime() + PATIENCE.toNanos();
        InterpreterThread busy = interpreter.start("busy", until(
                () -> waiterRanAt.get() != 0 || requests.ignored()
                        || System.nanoTime() > giveUpAt, () -> {
                    running.set(true);
                    requests.step(gil.dropRequested(), waiterRanAt.get() != 0);
                    turns.step();
                    GilTesting.spin(5_000);
                }));
        GilTesting.await(() -> running.get() || !busy.isAlive());
        long startedAt = System.nanoTime();
        InterpreterThread waiter = interpreter.start("waiter", Program.of(() -> {
            waiterRanAt.set(System.nanoTime());
            turns.step();
        }));
        GilTesting.ended(busy, PATIENCE.plusSeconds(2));
        GilTesting.ended(waiter, PATIENCE);
        rethrowFirst(List.of(busy, waiter));

        boolean whileBusyRan = waiterRanAt.get() != 0
                && !requests.ignored() && waiterRanAt.get() < giveUpAt;
        long waitedMillis = ((waiterRanAt.get() == 0 ? System.nanoTime() : waiterRanAt.get())
                - startedAt) / 1_000_000;
        String happened;
        if (requests.ignored()) {
            happened = "\"busy\" started " + IGNORED_REQUESTS + " steps in a row with the drop"
                    + " request pending and kept the GIL";
        } else if (waiterRanAt.get() == 0) {
            happened = "the waiter never ran in " + waitedMillis + " ms";
        } else {
            happened = "the waiter ran only after \"busy\" stopped, " + waitedMillis + " ms"
                    + " after it started";
        }
        Verdict.check(whileBusyRan,
                "the waiter's step to run while \"busy\" still runs its steps (switch interval "
                        + interval.toMillis() + " ms)",
                happened + "; the turns: " + turns.render(),
                requests.seen() ? "the drop request was set, but the running thread never"
                        + " dropped the GIL: run() must call gil.dropIfRequested() between steps"
                        : "no drop request was ever set: see Task 2 (acquire() sets it after a"
                        + " switch interval)", null);
    }

    @Test
    @Tag("rule:R4.1")
    @Order(5)
    @Points(1)
    @DisplayName("run() runs each step once, in order, on the calling thread")
    void runsEachStepOnceInOrder() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(AN_HOUR);
        Interpreter interpreter = new Interpreter(gil);
        List<String> ran = new CopyOnWriteArrayList<>();
        Thread me = Thread.currentThread();
        List<Step> steps = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String name = "step " + i;
            steps.add(() -> ran.add(Thread.currentThread() == me ? name : name + " elsewhere"));
        }
        interpreter.run(Program.of(steps.toArray(Step[]::new)));
        boolean heldAfter = gil.isHeldByCurrentThread();

        Verdict.check(ran.equals(List.of("step 1", "step 2", "step 3", "step 4", "step 5")),
                "the 5 steps, once each, in order, on the thread that called run()",
                "they ran as " + ran, "iterate over the program once and run each step", null);
        Verdict.check(!heldAfter, "the GIL to be released when run() returns",
                "the calling thread still held it", "release the GIL at the end of run()", null);
    }

    /**
     * The program's first step starts a thread that waits for the GIL, and waits until every
     * thread is parked; the second step waits until that thread has taken the GIL or has been
     * woken, or until every thread is parked again. With a switch interval of an hour nobody
     * asks for a drop, so a run() that holds the GIL from the first step to the last leaves the
     * waiter parked; one that lets go of the GIL between the steps wakes it, whichever thread
     * then gets the GIL first. The JVM counts the waiter's waits, so no clock decides.
     */
    @Test
    @Tag("rule:R4.1")
    @Tag("needs:R1.1")
    @Tag("needs:R1.3")
    @Order(6)
    @Points(2)
    @DisplayName("run() holds the GIL from the first step to the last: with a switch interval of"
            + " an hour, a thread waiting for the GIL is not woken between two steps")
    void holdsTheGilFromTheFirstStepToTheLast() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(AN_HOUR);
        Interpreter interpreter = new Interpreter(gil);
        AtomicBoolean waiterHadIt = new AtomicBoolean();
        AtomicReference<Caller> waiter = new AtomicReference<>();
        AtomicLong waitsBefore = new AtomicLong();
        AtomicBoolean tookItBetween = new AtomicBoolean();
        AtomicBoolean wokenBetween = new AtomicBoolean();
        AtomicBoolean secondRan = new AtomicBoolean();
        Step first = () -> {
            waiter.set(Caller.start("waiter", () -> {
                gil.acquire();
                waiterHadIt.set(true);
                gil.release();
            }));
            // Until the waiter is parked, waiting for the GIL, and nothing moves.
            Stillness.await(PATIENCE, () -> false);
            waitsBefore.set(Waits.of(waiter.get().thread()));
        };
        Step second = () -> {
            secondRan.set(true);
            Thread thread = waiter.get().thread();
            boolean woken = Stillness.await(PATIENCE, () -> waiterHadIt.get()
                    || Waits.of(thread) != waitsBefore.get()).held();
            tookItBetween.set(waiterHadIt.get());
            wokenBetween.set(woken);
        };
        GilTesting.call(() -> interpreter.run(Program.of(first, second)));
        Caller started = waiter.get();
        String late = started == null ? null : GilTesting.await(started::finished);
        if (started != null) {
            GilTesting.rethrowFirst(List.of(started));
        }

        Verdict.check(secondRan.get() && !tookItBetween.get() && !wokenBetween.get(),
                "the waiter to stay parked between the program's two steps: with a switch"
                        + " interval of an hour nobody asks for a drop, so run() holds the GIL"
                        + " from the first step to the last",
                !secondRan.get() ? "the second step never ran"
                        : tookItBetween.get() ? "the waiter took the GIL between the two steps"
                        : "the waiter was woken between the two steps: the GIL was released"
                        + " there, and run() took it back first",
                "run() took and released the GIL around each step: take it once before the"
                        + " first step and release it once after the last; between two steps,"
                        + " only gil.dropIfRequested() lets it go, and only when asked", null);
        Verdict.check(late == null && waiterHadIt.get(),
                "the waiter to get the GIL once the program ended",
                "it was " + late, "release the GIL at the end of run()", null);
    }

    /** A program that runs a step again and again until a condition holds. */
    private static Program until(BooleanSupplier done, Step step) {
        return () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !done.getAsBoolean();
            }

            @Override
            public Step next() {
                return step;
            }
        };
    }

    private static void rethrowNotDone(InterpreterThread thread) {
        thread.failure().filter(UnsupportedOperationException.class::isInstance).ifPresent(e -> {
            throw (UnsupportedOperationException) e;
        });
    }

    static void rethrowFirst(List<InterpreterThread> threads) throws Exception {
        for (InterpreterThread thread : threads) {
            rethrowNotDone(thread);
        }
        for (InterpreterThread thread : threads) {
            Throwable failure = thread.failure().orElse(null);
            if (failure instanceof IllegalMonitorStateException wrong) {
                throw GilTesting.monitorState(thread.getName(), wrong);
            }
            if (failure instanceof Exception) {
                throw (Exception) failure;
            }
            if (failure instanceof Error) {
                throw (Error) failure;
            }
        }
    }
}

package threadlab.gil;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import threadlab.testing.Verdict;

@Tag("task:4")
@Timeout(10)
@DisplayName("Task 4: the interpreter runs steps under the GIL")
class InterpreterTests {

    @Test
    @DisplayName("run() runs the steps in order, each one holding the GIL, and releases it after")
    void runsTheStepsUnderTheGil() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(Duration.ofHours(1));
        Interpreter interpreter = new Interpreter(gil);
        List<String> ran = new CopyOnWriteArrayList<>();

        interpreter.run(Program.of(
                () -> ran.add("step 1, GIL held: " + gil.isHeldByCurrentThread()),
                () -> ran.add("step 2, GIL held: " + gil.isHeldByCurrentThread())));

        Verdict.withLikelyCause("run() must take the GIL before the first step and hold it for"
                + " every step", () -> assertThat(ran).as("the steps that ran, in order")
                        .containsExactly("step 1, GIL held: true", "step 2, GIL held: true"));
        Verdict.withLikelyCause("release the GIL at the end of run()",
                () -> assertThat(gil.isHeldByCurrentThread())
                        .as("holding the GIL after run() returned").isFalse());
    }

    @Test
    @DisplayName("a step that throws ends the program, and the GIL is released")
    void aStepThatThrowsReleasesTheGil() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(Duration.ofHours(1));
        Interpreter interpreter = new Interpreter(gil);
        List<String> ran = new CopyOnWriteArrayList<>();

        InterpreterThread failing = interpreter.start("failing", Program.of(
                () -> ran.add("step 1"),
                () -> {
                    throw new IllegalStateException("step 2 failed");
                },
                () -> ran.add("step 3")));
        assertThat(failing.join(Background.PATIENCE)).as("the failing thread ended").isTrue();
        rethrowIfNotDone(failing);
        InterpreterThread next = interpreter.start("next", Program.of(() -> ran.add("next")));
        boolean nextEnded = next.join(Background.PATIENCE);

        assertThat(failing.failure()).as("what ended the failing thread")
                .hasValueSatisfying(e -> assertThat(e).hasMessage("step 2 failed"));
        Verdict.withLikelyCause("release the GIL in a finally block, so that it is released also"
                + " when a step throws", () -> assertThat(nextEnded)
                        .as("another thread got the GIL after the failing one ended").isTrue());
        assertThat(ran).as("the steps that ran").containsExactly("step 1", "next");
    }

    @Test
    @DisplayName("steps of two threads never run at the same time, and they take turns")
    void twoThreadsTakeTurns() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(Duration.ofMillis(1));
        Interpreter interpreter = new Interpreter(gil);
        AtomicInteger inside = new AtomicInteger();
        AtomicBoolean overlapped = new AtomicBoolean();
        List<String> turns = new CopyOnWriteArrayList<>();
        long deadline = System.nanoTime() + Background.PATIENCE.toNanos();
        Step step = () -> {
            if (inside.incrementAndGet() != 1) {
                overlapped.set(true);
            }
            String me = Thread.currentThread().getName();
            if (turns.isEmpty() || !turns.get(turns.size() - 1).equals(me)) {
                turns.add(me);
            }
            inside.decrementAndGet();
        };
        // Each thread runs until the GIL has changed hands a few times, or the time is up.
        Program untilSwitched = () -> Program.repeat(Long.MAX_VALUE, step).iterator();
        Program program = () -> new java.util.Iterator<>() {
            private final java.util.Iterator<Step> steps = untilSwitched.iterator();

            @Override
            public boolean hasNext() {
                return turns.size() < 6 && System.nanoTime() < deadline;
            }

            @Override
            public Step next() {
                return steps.next();
            }
        };

        InterpreterThread first = interpreter.start("first", program);
        InterpreterThread second = interpreter.start("second", program);
        first.join(Background.PATIENCE.plusSeconds(1));
        second.join(Background.PATIENCE.plusSeconds(1));
        rethrowIfNotDone(first);
        rethrowIfNotDone(second);

        assertThat(overlapped).as("two steps ran at the same time").isFalse();
        Verdict.withLikelyCause("the running thread never dropped the GIL: run() must call"
                + " gil.dropIfRequested() between steps", () -> assertThat(turns)
                        .as("the turns the threads took, in order").hasSizeGreaterThanOrEqualTo(6));
    }

    /** Rethrows a "Task N" failure, so that an unfinished task says so. */
    static void rethrowIfNotDone(InterpreterThread thread) {
        thread.failure().filter(UnsupportedOperationException.class::isInstance).ifPresent(e -> {
            throw (UnsupportedOperationException) e;
        });
    }
}

package threadlab.grader.testjvm.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The model checker")
class ModelCheckerTests {

    private static Object make(String fixture) {
        return Fixtures.make(fixture);
    }

    private static Counter counter(String fixture) {
        return Fixtures.counter(fixture);
    }

    private static void call(Object target, String method) {
        Fixtures.call(target, method);
    }

    /** Two threads each add one to a new count, which must then be 2. */
    private static ModelChecker.Outcome twoIncrements(String fixture) {
        return ModelChecker.check(1000, () -> {
            Counter counter = counter(fixture);
            ModelChecker.inParallel(counter::increment, counter::increment);
            if (counter.get() != 2) {
                throw new AssertionError("the count is " + counter.get());
            }
        });
    }

    @Test
    @DisplayName("finds the lost update of count++, with one switch, and shows it")
    void findsALostUpdate() {
        ModelChecker.Outcome outcome = twoIncrements("PlainCounter");

        assertThat(outcome.failure()).isPresent();
        ModelChecker.Failure failure = outcome.failure().get();
        assertThat(failure.thrown()).hasMessage("the count is 1");
        assertThat(failure.switches()).isEqualTo(1);
        assertThat(failure.interleaving()).contains("| Thread 1", "| Thread 2",
                "increment()", "read count: 0", "write count: 1");
        assertThat(failure.interleaving().lines().filter(l -> l.contains("write count: 1")))
                .hasSize(2);
    }

    @Test
    @DisplayName("passes right counts after trying every interleaving within the bound")
    void passesRightCounts() {
        for (String right : new String[] {"AtomicCounter", "SynchronizedCounter",
                "LockedCounter", "SemaphoreCounter"}) {
            ModelChecker.Outcome outcome = twoIncrements(right);

            assertThat(outcome.failure()).as(right).isEmpty();
            assertThat(outcome.complete()).as(right).isTrue();
            assertThat(outcome.runs()).as(right).isGreaterThan(2);
        }
    }

    @Test
    @DisplayName("sees that a lock made fresh for each call protects nothing")
    void freshLockPerCall() {
        ModelChecker.Outcome outcome = twoIncrements("FreshLockCounter");

        assertThat(outcome.failure()).isPresent();
        assertThat(outcome.failure().get().interleaving()).contains("synchronized (Object#1) {",
                "synchronized (Object#2) {");
    }

    @Test
    @DisplayName("finds the same interleaving after the same number of runs every time")
    void sameEveryTime() {
        ModelChecker.Outcome first = twoIncrements("PlainCounter");
        for (int i = 0; i < 5; i++) {
            ModelChecker.Outcome again = twoIncrements("PlainCounter");

            assertThat(again.runs()).isEqualTo(first.runs());
            assertThat(again.failure().get().interleaving())
                    .isEqualTo(first.failure().get().interleaving());
        }
        ModelChecker.Outcome right = twoIncrements("AtomicCounter");
        assertThat(twoIncrements("AtomicCounter").runs()).isEqualTo(right.runs());
    }

    @Test
    @DisplayName("reports a deadlock of two locks taken in opposite orders, and who waits for"
            + " whom")
    void findsADeadlock() {
        ModelChecker.Outcome outcome = ModelChecker.check(1000, () -> {
            Object locks = make("TwoLocks");
            ModelChecker.inParallel(() -> call(locks, "forward"), () -> call(locks, "backward"));
        });

        assertThat(outcome.failure()).isPresent();
        assertThat(outcome.failure().get().thrown()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("The threads deadlocked: Thread 1 waits for")
                .hasMessageContaining("held by Thread 2");
    }

    @Test
    @DisplayName("lets a spinning thread give way, so that a spin-wait that ends does end")
    void spinWaitEnds() {
        ModelChecker.Outcome outcome = ModelChecker.check(100, () -> {
            Object flag = make("Flag");
            ModelChecker.inParallel(() -> call(flag, "awaitRaised"), () -> call(flag, "raise"));
        });

        assertThat(outcome.failure()).isEmpty();
    }

    @Test
    @DisplayName("fails a thread that never ends, with the reason")
    void spinForever() {
        ModelChecker.Outcome outcome = ModelChecker.check(100, () -> {
            Object flag = make("Flag");
            ModelChecker.inParallel(() -> call(flag, "awaitRaised"), () -> { });
        });

        assertThat(outcome.failure()).isPresent();
        assertThat(outcome.failure().get().thrown()).hasMessageContaining("more than "
                + Run.MAX_STEPS + " steps");
    }

    @Test
    @DisplayName("ends a busy-wait on a lock that is never let go of, with the reason")
    void spinOnALockForever() {
        ModelChecker.Outcome outcome = ModelChecker.check(100, () -> {
            Object lock = make("SpinningLock");
            ModelChecker.inParallel(() -> call(lock, "acquire"), () -> call(lock, "acquire"));
        });

        assertThat(outcome.failure()).isPresent();
        assertThat(outcome.failure().get().thrown()).hasMessageContaining("more than "
                + Run.MAX_STEPS + " steps");
    }

    @Test
    @DisplayName("keeps to the interleavings it will try: a spinning thread's thousands of"
            + " choices per run do not each queue a copy of the run")
    void spinningRunsQueueOnlyWhatWillRun() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean)
                java.lang.management.ManagementFactory.getThreadMXBean();
        long before = bean.getCurrentThreadAllocatedBytes();
        ModelChecker.Outcome outcome = ModelChecker.check(400, () -> {
            Object lock = make("SpinningLock");
            ModelChecker.inParallel(() -> {
                call(lock, "acquire");
                for (int i = 0; i < 20; i++) {
                    call(lock, "release");
                    call(lock, "acquire");
                }
                call(lock, "release");
            }, () -> {
                call(lock, "acquire");
                call(lock, "release");
            });
        });
        long allocated = bean.getCurrentThreadAllocatedBytes() - before;

        assertThat(outcome.failure()).isEmpty();
        assertThat(outcome.runs()).isEqualTo(400);
        assertThat(outcome.complete()).isFalse();
        // A copy of each run's choices for every choice it made took gigabytes here.
        assertThat(allocated).isLessThan(200L << 20);
    }

    @Test
    @DisplayName("begins every run with fresh thread-local values, as on new threads")
    void freshThreadLocals() {
        ModelChecker.Outcome outcome = ModelChecker.check(50, () -> {
            Object count = make("PerThreadCount");
            Object[] seen = new Object[2];
            ModelChecker.inParallel(() -> seen[0] = Fixtures.call(count, "count"),
                    () -> seen[1] = Fixtures.call(count, "count"));
            if (!Integer.valueOf(1).equals(seen[0]) || !Integer.valueOf(1).equals(seen[1])) {
                throw new AssertionError("a thread's first call counted " + seen[0] + " and "
                        + seen[1]);
            }
        });

        assertThat(ThreadLocals.canClear()).isTrue();
        assertThat(outcome.failure()).isEmpty();
        assertThat(outcome.runs()).isGreaterThan(1);
    }

    @Test
    @DisplayName("passes on what a thread threw, and runs a scenario without threads once")
    void throwsWhatAThreadThrew() {
        ModelChecker.Outcome outcome = ModelChecker.check(100, () ->
                ModelChecker.inParallel(() -> {
                    throw new UnsupportedOperationException("Task 3: not yet");
                }, () -> { }));
        assertThat(outcome.failure().get().thrown())
                .isInstanceOf(UnsupportedOperationException.class).hasMessage("Task 3: not yet");

        AtomicInteger runs = new AtomicInteger();
        assertThat(ModelChecker.check(100, runs::incrementAndGet).runs()).isEqualTo(1);
        assertThat(runs).hasValue(1);
    }

    @Test
    @DisplayName("outside a model check, runs the bodies as plain threads")
    void plainOutsideACheck() {
        Counter counter = counter("AtomicCounter");
        ModelChecker.inParallel(counter::increment, counter::increment);
        assertThat(counter.get()).isEqualTo(2);

        assertThatThrownBy(() -> ModelChecker.inParallel(() -> {
            throw new IllegalArgumentException("no");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("no");
    }
}

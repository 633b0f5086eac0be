package threadlab.grader.testjvm.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The model checker's blocking calls and time")
class TimeAndBlockingTests {

    /**
     * Thread 1 awaits a flag with a time limit while thread 2 raises it; gives what thread 1
     * saw in each interleaving.
     */
    private static Set<Boolean> outcomes(String await, String raise) {
        Set<Boolean> seen = new TreeSet<>();
        ModelChecker.Outcome outcome = ModelChecker.check(1000, () -> {
            Object waits = Fixtures.make("TimedWaits");
            boolean[] raised = new boolean[1];
            ModelChecker.inParallel(() -> raised[0] = (Boolean) Fixtures.call(waits, await),
                    () -> Fixtures.call(waits, raise));
            seen.add(raised[0]);
        });
        assertThat(outcome.failure()).as(await).isEmpty();
        assertThat(outcome.complete()).as(await + ": " + outcome).isTrue();
        return seen;
    }

    @Test
    @DisplayName("explores both ends of a timed wait: woken in time, and its time running out")
    void timedWaitsBothWays() {
        assertThat(outcomes("awaitWithWait", "raiseWithNotify")).containsExactly(false, true);
        assertThat(outcomes("awaitWithTimeUnit", "raiseWithNotify"))
                .containsExactly(false, true);
        assertThat(outcomes("awaitWithCondition", "raiseWithSignal"))
                .containsExactly(false, true);
        assertThat(outcomes("awaitWithPark", "raiseWithUnpark")).containsExactly(false, true);
        assertThat(outcomes("sleepThenLook", "raise")).containsExactly(false, true);
    }

    @Test
    @DisplayName("sees a wake-up made through a method reference, as in"
            + " forEach(Condition::signalAll) or ifPresent(LockSupport::unpark)")
    void wakeUpsThroughMethodReferences() {
        for (String[] pair : new String[][] {{"awaitForever", "raiseWithSignalReference"},
                {"parkUntilRaised", "raiseWithUnparkReference"}}) {
            ModelChecker.Outcome outcome = ModelChecker.check(1000, () -> {
                Object waits = Fixtures.make("TimedWaits");
                ModelChecker.inParallel(() -> Fixtures.call(waits, pair[0]),
                        () -> Fixtures.call(waits, pair[1]));
            });
            assertThat(outcome.failure()).as(pair[1]).isEmpty();
            assertThat(outcome.complete()).as(pair[1] + ": " + outcome).isTrue();
        }
    }

    @Test
    @DisplayName("runs time on its own clock: System.nanoTime() sees a 10 ms sleep take exactly"
            + " 10 ms, in every interleaving, whatever the machine's load")
    void timeIsTheCheckersClock() {
        Set<Long> measured = new TreeSet<>();
        ModelChecker.Outcome outcome = ModelChecker.check(1000, () -> {
            Object waits = Fixtures.make("TimedWaits");
            long[] took = new long[1];
            ModelChecker.inParallel(() -> took[0] = (Long) Fixtures.call(waits, "measureASleep"),
                    () -> Fixtures.call(waits, "raise"));
            measured.add(took[0]);
        });

        assertThat(outcome.failure()).isEmpty();
        assertThat(outcome.complete()).isTrue();
        assertThat(measured).containsExactly(TimeUnit.MILLISECONDS.toNanos(10));
    }

    @Test
    @DisplayName("lets notify() wake any one waiter, as its contract says, not only the one that"
            + " waited longest")
    void notifyWakesAnyWaiter() {
        Set<String> seen = new TreeSet<>();
        ModelChecker.Outcome outcome = ModelChecker.check(20_000, () -> {
            Object waits = Fixtures.make("NotifyOne");
            ModelChecker.inParallel(() -> Fixtures.call(waits, "awaitAsA"),
                    () -> Fixtures.call(waits, "awaitAsB"),
                    () -> Fixtures.call(waits, "raise"));
            seen.add((String) Fixtures.call(waits, "outcome"));
        });

        assertThat(outcome.failure()).isEmpty();
        assertThat(outcome.complete()).as(outcome + " " + seen).isTrue();
        assertThat(seen).contains("[A, B] -> [A]", "[A, B] -> [B]", "[B, A] -> [A]",
                "[B, A] -> [B]");
    }

    @Test
    @DisplayName("returns from a Condition's await with no time at once, its time run out, as"
            + " the JDK does: no wait for a signal that never comes")
    void awaitWithNoTimeRunsOutAtOnce() {
        for (String how : new String[] {"awaitNoTime", "awaitNanosNoTime"}) {
            Set<Boolean> seen = new TreeSet<>();
            int[] ranOut = new int[1];
            ModelChecker.Outcome outcome = ModelChecker.check(100, () -> {
                Object waits = Fixtures.make("TimedWaits");
                ModelChecker.inParallel(() -> {
                    seen.add((Boolean) Fixtures.call(waits, how));
                    ranOut[0] = ModelChecker.timeoutsRanOut();
                }, () -> { });
            });

            assertThat(outcome.failure()).as(how).isEmpty();
            assertThat(seen).as(how).containsExactly(false);
            // Returned at once: no wait of its ran out, which a test could count against it.
            assertThat(ranOut[0]).as(how).isZero();
        }
    }

    @Test
    @DisplayName("reports a loop of waits with no time as a timed wait whose timeout is 0, not"
            + " as a wait for ever or a plain busy-wait")
    void aLoopOfWaitsWithNoTime() {
        assertThat(failureBesideNothing("pollWithWaitsOfNoTime"))
                .contains("the timeout of its timed wait ran out")
                .contains(Run.TIMED_ENDLESS_CAUSE);
    }

    @Test
    @DisplayName("reports a wait that nothing can end as a deadlock, with who waits on what")
    void waitForever() {
        assertThat(failureBesideNothing("awaitForever"))
                .contains("The threads deadlocked: Thread 1 waits on ConditionObject#1");
    }

    /** What the checker reports of a fixture's method run beside a thread that does nothing. */
    private static String failureBesideNothing(String method) {
        ModelChecker.Outcome outcome = ModelChecker.check(100, () -> {
            Object waits = Fixtures.make("TimedWaits");
            ModelChecker.inParallel(() -> Fixtures.call(waits, method), () -> { });
        });
        assertThat(outcome.failure()).as(method).isPresent();
        return outcome.failure().get().thrown().getMessage();
    }

    @Test
    @DisplayName("explores an updateAndGet as a read, the function and a compare-and-set that"
            + " may fail and run the function again")
    void updateFunctionRetries() {
        ModelChecker.Outcome outcome = ModelChecker.check(1000, () -> {
            Object counter = Fixtures.make("UpdateFunctionCounter");
            ModelChecker.inParallel(() -> Fixtures.call(counter, "increment"),
                    () -> Fixtures.call(counter, "increment"));
            int runs = (Integer) Fixtures.call(counter, "runs");
            if (runs != 2) {
                throw new AssertionError("the function ran " + runs + " times");
            }
        });

        assertThat(outcome.failure()).isPresent();
        assertThat(outcome.failure().get().thrown()).hasMessage("the function ran 3 times");
        assertThat(outcome.failure().get().interleaving()).contains(
                "so the function runs again");
    }

    @Test
    @DisplayName("passes a StampedLock's write lock taken with stamps, trying every"
            + " interleaving")
    void stampedLock() {
        ModelChecker.Outcome outcome = ModelChecker.check(1000, () -> {
            Counter counter = Fixtures.counter("StampedCounter");
            ModelChecker.inParallel(counter::increment, counter::increment);
            if (counter.get() != 2) {
                throw new AssertionError("the count is " + counter.get());
            }
        });

        assertThat(outcome.failure()).isEmpty();
        assertThat(outcome.complete()).isTrue();
        assertThat(outcome.runs()).isGreaterThan(2);
    }

    @Test
    @DisplayName("gives up a scenario that blocks in a call it does not model, at once and with"
            + " the call named, instead of failing it at its time limit")
    void unmodelledBlockingCall() {
        ModelChecker.Outcome outcome = ModelChecker.check(100, () -> {
            Counter counter = Fixtures.counter("BarrierCounter");
            ModelChecker.inParallel(counter::increment, counter::increment);
        });

        // Had it waited for its time limit, the outcome would be that failure instead.
        assertThat(outcome.failure()).isEmpty();
        assertThat(outcome.unmodelled()).hasValueSatisfying(why -> assertThat(why)
                .contains("Thread 1 blocks in java.util.concurrent.CyclicBarrier")
                .contains("BarrierCounter.java:"));
    }
}

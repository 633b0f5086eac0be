package threadlab.grader.testjvm.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The model checker's race detector")
class RaceDetectionTests {

    /** One thread adds one while another reads the count; the reader checks nothing. */
    private static ModelChecker.Outcome incrementWhileReading(String fixture) {
        return ModelChecker.check(1000, () -> {
            Counter counter = Fixtures.counter(fixture);
            ModelChecker.inParallel(counter::increment, counter::get);
        });
    }

    /**
     * One thread publishes a value and another reads it if a flag says it is there: it must be
     * 42, or -1 where the flag was down.
     */
    private static ModelChecker.Outcome publish(String how) {
        return ModelChecker.check(1000, () -> {
            Object publication = Fixtures.make("Publication");
            int[] read = new int[1];
            ModelChecker.inParallel(() -> Fixtures.call(publication, "publish" + how),
                    () -> read[0] = (Integer) Fixtures.call(publication, "read" + how));
            if (read[0] != 42 && read[0] != -1) {
                throw new AssertionError("read " + read[0]);
            }
        });
    }

    @Test
    @DisplayName("finds a read outside the lock, with both accesses named, though no"
            + " interleaving gives a wrong answer")
    void unlockedRead() {
        ModelChecker.Outcome outcome = incrementWhileReading("UnlockedReadCounter");

        assertThat(outcome.failure()).isPresent();
        String message = outcome.failure().get().thrown().getMessage();
        assertThat(message).contains("a data race",
                "Thread 1 writes UnlockedReadCounter.count (UnlockedReadCounter.java:12)",
                "Thread 2 reads it (UnlockedReadCounter.java:17)",
                "Likely cause: " + Races.CAUSE);
        assertThat(outcome.failure().get().interleaving()).contains("write count: 1",
                "read count: 1");
    }

    @Test
    @DisplayName("finds a value published through a plain flag, though every interleaving reads"
            + " the right value")
    void plainFlag() {
        ModelChecker.Outcome outcome = publish("Plain");

        assertThat(outcome.failure()).isPresent();
        assertThat(outcome.complete()).isTrue();
        assertThat(outcome.failure().get().thrown().getMessage())
                .contains("Publication.plainReady (Publication.java:");
    }

    @Test
    @DisplayName("finds the lost update of count++ by its interleaving first: the scenario's own"
            + " check speaks before the race")
    void ownCheckFirst() {
        ModelChecker.Outcome outcome = ModelChecker.check(1000, () -> {
            Counter counter = Fixtures.counter("PlainCounter");
            ModelChecker.inParallel(counter::increment, counter::increment);
            if (counter.get() != 2) {
                throw new AssertionError("the count is " + counter.get());
            }
        });

        assertThat(outcome.failure().get().thrown()).hasMessage("the count is 1");
    }

    @Test
    @DisplayName("finds no race where a lock, a volatile field, an atomic, a semaphore, a"
            + " read-write lock or a stamped lock orders the accesses, or an optimistic read is"
            + " validated")
    void noFalseRaceOnGuardedFields() {
        for (String right : new String[] {"SynchronizedCounter", "LockedCounter",
                "AtomicCounter", "SemaphoreCounter", "VolatileReadCounter", "ReadWriteCounter",
                "StampedCounter", "OptimisticCounter", "UpdateFunctionCounter"}) {
            ModelChecker.Outcome outcome = incrementWhileReading(right);

            assertThat(outcome.failure()).as(right).isEmpty();
            assertThat(outcome.complete()).as(right).isTrue();
        }
    }

    @Test
    @DisplayName("finds an optimistic read of a stamped lock that is used without validate")
    void unvalidatedOptimisticRead() {
        ModelChecker.Outcome outcome = incrementWhileReading("UnvalidatedOptimisticCounter");

        assertThat(outcome.failure()).isPresent();
        assertThat(outcome.failure().get().thrown().getMessage()).contains("a data race",
                "UnvalidatedOptimisticCounter.count (UnvalidatedOptimisticCounter.java:");
    }

    @Test
    @DisplayName("finds no race on a value published by a volatile flag or a CountDownLatch,"
            + " nor on a final field published by Thread.start")
    void noFalseRaceOnPublication() {
        Function<String, ModelChecker.Outcome> check = RaceDetectionTests::publish;
        for (String right : new String[] {"Volatile", "Latch"}) {
            ModelChecker.Outcome outcome = check.apply(right);

            assertThat(outcome.failure()).as(right).isEmpty();
            assertThat(outcome.complete()).as(right).isTrue();
        }
    }
}

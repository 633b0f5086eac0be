package threadlab.watch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jetbrains.lincheck.Lincheck;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Throwaway model-checked tests that a test JVM runs while it waits for a save in a module whose
 * tests use Lincheck: Lincheck's agent is attached, the JDK classes it rewrites are rewritten
 * once, and its model checker is compiled to machine code, on a passing check and on one that
 * finds a race and writes its report. Its class names no class of a module, so Lincheck, which
 * keeps classes by name, never sees two versions of one.
 */
@Tag("task:1")
@ExtendWith(TestJvm.UntilAJobComes.class)
@DisplayName("warm-up, model-checked")
public final class ModelCheckedWarmUp {

    /** As many interleavings as module 1's visible tests try. */
    private static final int INTERLEAVINGS = 60;

    private int count;

    private void racyIncrement() {
        int seen = count;
        count = seen + 1;
    }

    private synchronized void safeIncrement() {
        count++;
    }

    private synchronized int get() {
        return count;
    }

    /** A safe counter: every interleaving is tried and passes. */
    @Test
    @DisplayName("a safe counter passes")
    void safeCounterPasses() {
        Lincheck.runConcurrentTest(INTERLEAVINGS, () -> twoThreads(true));
    }

    /** A racy counter: Lincheck finds the interleaving that loses an update. */
    @Test
    @DisplayName("a racy counter fails")
    void racyCounterFails() {
        assertThatThrownBy(() -> Lincheck.runConcurrentTest(INTERLEAVINGS,
                () -> twoThreads(false))).isInstanceOf(LincheckAssertionError.class);
    }

    private static void twoThreads(boolean safe) {
        ModelCheckedWarmUp counter = new ModelCheckedWarmUp();
        Runnable increment = safe ? counter::safeIncrement : counter::racyIncrement;
        Thread first = new Thread(increment);
        Thread second = new Thread(increment);
        first.start();
        second.start();
        try {
            first.join();
            second.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        if (counter.get() != 2) {
            throw new AssertionError("lost an update: " + counter.get());
        }
    }
}

package threadlab.watch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
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
 * finds a race and writes its report. Its scenario has the shape of module 1's (an atomic count,
 * two threads, a message built from the count), so the JDK classes those use are rewritten
 * before the save and Lincheck finds them in its cache then. Its class names no class of a
 * module, so Lincheck, which keeps classes by name, never sees two versions of one.
 */
@Tag("task:1")
@ExtendWith(TestJvm.UntilAJobComes.class)
@DisplayName("warm-up, model-checked")
public final class ModelCheckedWarmUp {

    /** As many interleavings as module 1's visible tests try. */
    private static final int INTERLEAVINGS = 60;
    /** Enough interleavings for the racy counter to lose an update. */
    private static final int PRIMING = 10;

    private final AtomicInteger count = new AtomicInteger();

    /** Two steps, as a racy count does: another thread can come between them. */
    private void racyIncrement() {
        int seen = count.get();
        count.set(seen + 1);
    }

    /** A compare-and-set loop, as a safe count does. */
    private void safeIncrement() {
        while (true) {
            int seen = count.get();
            if (count.compareAndSet(seen, seen + 1)) {
                return;
            }
        }
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

    /**
     * Runs a passing check and one that fails, once, before the test JVM takes any save: Lincheck
     * makes some of its static objects the first time it needs them (a thread object, an
     * exception), and they keep the class loader of the code that ran then. Made in a save's
     * tests, they would keep that save's classes, and the JVM could not test another save.
     */
    static void prime() {
        Lincheck.runConcurrentTest(PRIMING, () -> twoThreads(true));
        try {
            Lincheck.runConcurrentTest(PRIMING, () -> twoThreads(false));
        } catch (LincheckAssertionError e) {
            // Expected: the racy counter loses an update.
        }
    }

    private static void twoThreads(boolean safe) {
        ModelCheckedWarmUp counter = new ModelCheckedWarmUp();
        Thread first = new Thread(safe ? counter::safeIncrement : counter::racyIncrement);
        Thread second = new Thread(safe ? counter::safeIncrement : counter::racyIncrement);
        first.start();
        second.start();
        try {
            first.join();
            second.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        int c = counter.count.get();
        if (c != 2) {
            throw new AssertionError("a count of 2 after two threads each added one, but the"
                    + " count is " + c + (c == 1 ? ": one update was lost" : ""));
        }
    }
}

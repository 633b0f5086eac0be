package threadlab.refcount;

import org.jetbrains.lincheck.Lincheck;
import org.jetbrains.lincheck.LincheckAssertionError;
import threadlab.testing.LincheckReport;

/**
 * Model checking with Lincheck: a scenario of two threads runs in many interleavings of their
 * steps, fewest thread switches first, the same ones on every run. A failure reads as a short
 * report: the failed check, the interleaving, the likely cause.
 */
final class ModelCheck {

    private ModelCheck() {
    }

    /**
     * Runs a scenario in up to a number of interleavings, and fails with the first that breaks it.
     *
     * @param interleavings how many interleavings to try at most
     * @param otherCause the likely cause when the count throws instead of failing a check
     * @param scenario starts the threads, joins them, and checks the outcome with
     *     {@code Verdict.check}, which names the likely cause
     */
    static void run(int interleavings, String otherCause, Runnable scenario) {
        try {
            Lincheck.runConcurrentTest(interleavings, scenario);
        } catch (LincheckAssertionError e) {
            throw new AssertionError(LincheckReport.of(e.getMessage(), otherCause,
                    Causes.hang()));
        }
    }
}

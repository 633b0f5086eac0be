package threadlab.hidden.support;

import java.util.ArrayList;
import java.util.List;
import org.jetbrains.lincheck.Lincheck;
import org.jetbrains.lincheck.LincheckAssertionError;

/**
 * Model checking with Lincheck: a scenario of a few plain threads runs many times, each time in
 * another interleaving of their steps, chosen the same way on every run. When an interleaving
 * breaks the scenario's checks, the student sees the checks' message and that interleaving, one
 * column per thread, read from top to bottom.
 */
public final class ModelCheck {

    private static final String INTERLEAVING = "The following interleaving leads to the error:";
    private static final String NOT_DONE = "java.lang.UnsupportedOperationException: ";

    private ModelCheck() {
    }

    /**
     * Runs a scenario in many interleavings, and fails with the first one that breaks it.
     *
     * @param invocations how many interleavings to try at most
     * @param scenario starts threads, joins them and checks the outcome; it throws to fail
     */
    public static void run(int invocations, Runnable scenario) {
        try {
            Lincheck.runConcurrentTest(invocations, scenario);
        } catch (LincheckAssertionError e) {
            Throwable feedback = explain(String.valueOf(e.getMessage()));
            if (feedback instanceof UnsupportedOperationException) {
                throw (UnsupportedOperationException) feedback;
            }
            throw (AssertionError) feedback;
        }
    }

    /**
     * Turns Lincheck's report into feedback: the failed check and the interleaving, without the
     * detailed trace and the test's own stack frames.
     *
     * @param report Lincheck's message
     * @return what to throw: an {@link UnsupportedOperationException} when a task is not done
     *     yet, else an {@link AssertionError}
     */
    static Throwable explain(String report) {
        List<String> lines = report.lines().toList();
        String title = "";
        List<String> error = new ArrayList<>();
        List<String> table = new ArrayList<>();
        boolean inError = false;
        boolean inTable = false;
        for (String line : lines) {
            if (title.isEmpty() && line.startsWith("= ")) {
                title = line.replace("=", "").trim();
                inError = true;
            } else if (line.startsWith(INTERLEAVING)) {
                inError = false;
                inTable = true;
            } else if (inTable) {
                if (!line.startsWith("|")) {
                    break;
                }
                table.add("    " + line);
            } else if (inError) {
                if (line.startsWith("\tat ") || line.startsWith("    at ")) {
                    inError = false;
                } else if (!line.isBlank() || !error.isEmpty()) {
                    error.add(line);
                }
            }
        }
        String thrown = String.join("\n", error).strip();
        if (thrown.startsWith(NOT_DONE + "Task ")) {
            return new UnsupportedOperationException(thrown.substring(NOT_DONE.length())
                    .lines().findFirst().orElse(""));
        }
        if (thrown.startsWith("java.lang.AssertionError: ")) {
            thrown = thrown.substring("java.lang.AssertionError: ".length());
        } else if (!thrown.isEmpty()) {
            thrown = "Your code threw " + thrown;
        } else {
            thrown = title.isEmpty() ? "The model checker found a failing interleaving." : title;
        }
        StringBuilder feedback = new StringBuilder(thrown);
        if (!table.isEmpty()) {
            feedback.append("\nThe interleaving that shows it, found by model checking (a column"
                    + " per thread, read from top to bottom; \"switch\" is where one thread was"
                    + " paused for another):\n").append(String.join("\n", table));
        }
        return new AssertionError(feedback.toString());
    }
}

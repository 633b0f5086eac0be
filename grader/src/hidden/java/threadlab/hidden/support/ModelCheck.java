package threadlab.hidden.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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

    /** Rows of Lincheck's table that show the test's own plumbing, not the submission. */
    private static final Pattern PLUMBING = Pattern.compile("Thread#\\d+\\"
            + ".setUncaughtExceptionHandler\\(.*|Array<Throwable>#\\d+\\[\\d+] .*|result: void"
            + "|.*\\.invokeBasic\\(.*|Verdict\\..*|.*: AssertionError#\\d+");

    /**
     * Kotlin's facade classes, which Lincheck's class transformer calls for every class loaded
     * once its agent is in. Under load, a JVM once threw ClassCircularityError for
     * kotlin/text/StringsKt in the first model check, and again in every later one: the class
     * was first loaded while the transformer ran, and the transformer needed it. Loading them
     * before the first model check leaves nothing for the transformer to load of its own.
     */
    private static final List<String> LOADED_FIRST = List.of("kotlin.text.StringsKt",
            "kotlin.collections.CollectionsKt", "kotlin.collections.ArraysKt",
            "kotlin.collections.MapsKt", "kotlin.collections.SetsKt",
            "kotlin.sequences.SequencesKt");

    static {
        for (String name : LOADED_FIRST) {
            try {
                Class.forName(name, true, ModelCheck.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("the model checker's runtime is incomplete: " + e,
                        e);
            }
        }
    }

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
     * Runs two bodies at once, each on a thread of its own, and waits until both have ended; for
     * use inside a scenario. What a body throws is thrown here, on the scenario's thread, so that
     * it fails the scenario: Lincheck does not see an exception that ends a thread of its own.
     *
     * <p>Call the submission's method in the body itself ({@code () -> count.incref()}), so that
     * the interleaving names it.
     *
     * @param first what thread 1 runs
     * @param second what thread 2 runs
     */
    public static void inParallel(Runnable first, Runnable second) {
        Throwable[] thrown = new Throwable[2];
        Thread one = new Thread(first);
        Thread two = new Thread(second);
        one.setUncaughtExceptionHandler((thread, t) -> thrown[0] = t);
        two.setUncaughtExceptionHandler((thread, t) -> thrown[1] = t);
        one.start();
        two.start();
        try {
            one.join();
            two.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a thread", e);
        }
        for (Throwable t : thrown) {
            if (t instanceof RuntimeException) {
                throw (RuntimeException) t;
            }
            if (t instanceof Error) {
                throw (Error) t;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
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
                table.add(line);
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
                    + " paused for another):\n").append(tidy(table));
        }
        return new AssertionError(feedback.toString());
    }

    /**
     * Lincheck's table without the rows that show the test's own plumbing (thread set-up, string
     * building, the failed check itself), its columns as wide as what is left, and indented.
     * A table that cannot be read cell by cell is shown as it came.
     */
    static String tidy(List<String> table) {
        List<List<String>> rows = new ArrayList<>();
        int columns = -1;
        for (String line : table) {
            if (line.matches("\\| -+ \\|")) {
                rows.add(null);
                continue;
            }
            if (!line.endsWith("|") || line.length() < 2) {
                return indent(table);
            }
            List<String> cells = new ArrayList<>();
            for (String cell : line.substring(1, line.length() - 1).split("\\|", -1)) {
                // The header is centred; below it, leading spaces show calls nested in calls.
                String text = cell.length() > 1 ? cell.substring(1) : "";
                cells.add(columns == -1 ? text.strip() : text.stripTrailing());
            }
            if (columns == -1) {
                columns = cells.size();
            } else if (cells.size() != columns) {
                return indent(table);
            }
            boolean plumbing = cells.stream().allMatch(String::isBlank)
                    || cells.stream().map(String::strip).filter(c -> !c.isEmpty())
                    .allMatch(c -> PLUMBING.matcher(c).matches());
            if (!plumbing) {
                rows.add(cells);
            }
        }
        int[] widths = new int[Math.max(columns, 0)];
        for (List<String> row : rows) {
            for (int c = 0; row != null && c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        List<String> out = new ArrayList<>();
        int total = 0;
        for (int width : widths) {
            total += width + 3;
        }
        String rule = "    |" + "-".repeat(Math.max(total - 1, 0)) + "|";
        for (List<String> row : rows) {
            if (row == null) {
                out.add(rule);
                continue;
            }
            StringBuilder line = new StringBuilder("    |");
            for (int c = 0; c < columns; c++) {
                line.append(' ').append(row.get(c))
                        .append(" ".repeat(widths[c] - row.get(c).length())).append(" |");
            }
            out.add(line.toString());
        }
        return String.join("\n", out);
    }

    private static String indent(List<String> table) {
        return table.stream().map(line -> "    " + line).collect(Collectors.joining("\n"));
    }
}

package threadlab.grader.testjvm.modelcheck;

import java.util.ArrayList;
import java.util.List;

/** An interleaving as a table: a column per thread, its steps read from top to bottom. */
final class Interleaving {

    /** The most steps a table shows: a longer one shows its first and last steps. */
    static final int MAX_ROWS = 60;
    /**
     * The most characters a table takes, as the grader keeps 2,000 of a test's feedback. A
     * longer table leaves out the steps deepest in calls first (a call's own steps before the
     * call), then keeps its first and last steps.
     */
    static final int MAX_CHARS = 1_400;
    /** A run of this many steps or fewer is shown whole, each step with its details. */
    private static final int SHORT = 16;

    private Interleaving() {
    }

    /**
     * The table of a run's steps.
     *
     * @param run the run
     * @return the table, each line indented by four spaces
     */
    static String table(Run run) {
        return table(run, run.steps().size());
    }

    /**
     * The table of a run's first steps.
     *
     * @param run the run
     * @param count how many of its steps to show, such as those up to a race
     * @return the table, each line indented by four spaces
     */
    static String table(Run run, int count) {
        int columns = run.threadCount();
        if (columns == 0 || run.steps().isEmpty()) {
            return "";
        }
        List<Run.Step> all = run.steps().subList(0, Math.min(count, run.steps().size()));
        int deepest = all.stream().mapToInt(Run.Step::depth).max().orElse(0);
        String table = render(all, columns, MAX_ROWS, 0);
        if (table.length() <= MAX_CHARS || all.size() <= SHORT) {
            return table;
        }
        for (int depth = deepest - 1; depth >= 0; depth--) {
            int shown = depth;
            List<Run.Step> steps = all.stream().filter(step -> step.depth() <= shown).toList();
            table = render(steps, columns, MAX_ROWS, all.size() - steps.size());
            if (table.length() <= MAX_CHARS) {
                return table;
            }
        }
        List<Run.Step> calls = all.stream().filter(step -> step.depth() == 0).toList();
        for (int rows = MAX_ROWS / 2; rows > 2 && table.length() > MAX_CHARS; rows = rows * 3 / 4) {
            table = render(calls, columns, rows, all.size() - calls.size());
        }
        return table;
    }

    /**
     * The table of some steps: all of them, or, if more than the rows, the first half of the
     * rows and the last.
     */
    private static String render(List<Run.Step> shown, int columns, int rows, int inCalls) {
        List<Run.Step> steps = new ArrayList<>(shown);
        int hidden = 0;
        if (steps.size() > rows) {
            hidden = steps.size() - rows;
            List<Run.Step> kept = new ArrayList<>(steps.subList(0, rows / 2));
            kept.add(null);
            kept.addAll(steps.subList(steps.size() - (rows - rows / 2), steps.size()));
            steps = kept;
        }
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = ("Thread " + (c + 1)).length();
        }
        for (Run.Step step : steps) {
            if (step != null) {
                widths[step.thread()] = Math.max(widths[step.thread()], cell(step).length());
            }
        }
        List<String> lines = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            header.add("Thread " + (c + 1));
        }
        lines.add(row(header, widths));
        lines.add(rule(widths));
        int previous = -1;
        for (Run.Step step : steps) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                cells.add("");
            }
            if (step == null) {
                cells.set(0, "(" + hidden + " more steps)");
                lines.add(row(cells, widths));
                previous = -1;
                continue;
            }
            if (previous != -1 && previous != step.thread()) {
                lines.add(rule(widths));
            }
            cells.set(step.thread(), cell(step));
            lines.add(row(cells, widths));
            previous = step.thread();
        }
        if (inCalls > 0) {
            lines.add("    (" + inCalls + " steps inside calls not shown)");
        }
        return String.join("\n", lines);
    }

    private static String cell(Run.Step step) {
        return "  ".repeat(step.depth()) + step.text();
    }

    private static String row(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder("    |");
        for (int c = 0; c < widths.length; c++) {
            String cell = cells.get(c);
            if (cell.length() > widths[c]) {
                cell = cell.substring(0, widths[c]);
            }
            line.append(' ').append(cell).append(" ".repeat(widths[c] - cell.length()))
                    .append(" |");
        }
        return line.toString();
    }

    private static String rule(int[] widths) {
        StringBuilder line = new StringBuilder("    |");
        for (int width : widths) {
            line.append("-".repeat(width + 2)).append('|');
        }
        return line.toString();
    }
}

package threadlab.grader.testjvm.modelcheck;

import java.util.ArrayList;
import java.util.List;

/** An interleaving as a table: a column per thread, its steps read from top to bottom. */
final class Interleaving {

    /** The most steps a table shows: a longer one shows its first and last steps. */
    static final int MAX_ROWS = 60;

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
        List<Run.Step> steps = new ArrayList<>(run.steps().subList(0, Math.min(count,
                run.steps().size())));
        int hidden = 0;
        if (steps.size() > MAX_ROWS) {
            hidden = steps.size() - MAX_ROWS;
            List<Run.Step> kept = new ArrayList<>(steps.subList(0, MAX_ROWS / 2));
            kept.add(null);
            kept.addAll(steps.subList(steps.size() - MAX_ROWS / 2, steps.size()));
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

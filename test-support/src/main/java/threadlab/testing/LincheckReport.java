package threadlab.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Lincheck failure, cut down to what a student needs: the failed check, the interleaving that
 * broke it (a column per thread, each thread's reads and writes), and the likely cause, last.
 * Lincheck's detailed trace, stack frames and the test's own bookkeeping (starting and joining
 * threads, reading the test's counters, working out its message, its checks) are left out, and no
 * line is wider than {@link #WIDTH}: an interleaving too wide for columns is a list of steps, each
 * after the name of the thread that took it.
 *
 * <pre>{@code
 * } catch (LincheckAssertionError e) {
 *     throw new AssertionError(LincheckReport.of(e.getMessage(), cause, hangCause));
 * }
 * }</pre>
 */
public final class LincheckReport {

    /** The longest line of the report, so that it reads in a terminal without wrapping. */
    public static final int WIDTH = 100;

    private static final String TABLE_START = "The following interleaving leads to the error:";
    private static final String LIKELY_CAUSE = Verdict.LIKELY_CAUSE;
    /** The test's own steps in the first column, which say nothing about the count. */
    private static final List<Pattern> BOOKKEEPING = List.of(
            Pattern.compile("Thread#\\d+\\.start\\(\\)"),
            Pattern.compile("switch \\(reason: .*\\)"),
            Pattern.compile(".*\\bjoin\\(.*"),
            Pattern.compile(".*#\\d+\\..*"),
            Pattern.compile(".*: threw \\w+"),
            Pattern.compile(".*\\): \".*"));
    private static final Pattern READ = Pattern.compile("^(\\s*)(\\w+) \u279c (.*)$");
    private static final Pattern WRITE = Pattern.compile("^(\\s*)(\\w+) = (.*)$");

    private LincheckReport() {
    }

    /**
     * The short report of a Lincheck failure.
     *
     * @param lincheck the failure's text, as Lincheck wrote it
     * @param otherCause the likely cause when the failed check names none (the code under test
     *     threw an exception)
     * @param hangCause the likely cause when the threads never ended
     * @return the report: the check, the interleaving, the likely cause
     */
    public static String of(String lincheck, String otherCause, String hangCause) {
        List<String> lines = Arrays.asList(lincheck.split("\n", -1));
        List<String> failure = new ArrayList<>(failure(lines));
        String cause = otherCause;
        for (int i = 0; i < failure.size(); i++) {
            if (failure.get(i).startsWith(LIKELY_CAUSE)) {
                cause = failure.remove(i).substring(LIKELY_CAUSE.length());
                break;
            }
        }
        if (failure.isEmpty()) {
            failure.add("But: the threads never ended: Lincheck found them waiting or spinning");
            cause = hangCause;
        }
        StringBuilder out = new StringBuilder();
        for (String line : failure) {
            out.append(wrap(line)).append('\n');
        }
        List<List<String>> table = table(lines);
        if (!table.isEmpty()) {
            out.append(render(table));
        }
        return out.append(wrap(LIKELY_CAUSE + cause)).toString();
    }

    /** The failed check's message: the lines after the exception's name, before its frames. */
    private static List<String> failure(List<String> lines) {
        List<String> message = new ArrayList<>();
        boolean inside = false;
        for (String line : lines) {
            if (!inside && line.matches("[\\w.$]+(Error|Exception)(: .*)?")) {
                inside = true;
                int colon = line.indexOf(": ");
                boolean check = line.startsWith(AssertionError.class.getName());
                String text = colon < 0 ? "" : line.substring(colon + 2);
                message.add(check ? text : "But: your code threw " + line.substring(0,
                        colon < 0 ? line.length() : colon) + (text.isEmpty() ? "" : ": " + text));
            } else if (inside && (line.startsWith("\tat ") || line.isBlank())) {
                break;
            } else if (inside) {
                message.add(line);
            }
        }
        return message;
    }

    /** The rows of the short interleaving table, each a list of cells, the header first. */
    private static List<List<String>> table(List<String> lines) {
        List<List<String>> rows = new ArrayList<>();
        int start = lines.indexOf(TABLE_START);
        if (start < 0) {
            return rows;
        }
        for (String line : lines.subList(start + 1, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            if (line.startsWith("| -")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String cell : line.substring(1, line.length() - 1).split("\\|", -1)) {
                cells.add(step(cell.stripTrailing().replaceFirst("^ ", "")));
            }
            if (rows.isEmpty() || !bookkeeping(cells)) {
                rows.add(cells);
            }
        }
        if (!rows.isEmpty()) {
            rows.get(0).replaceAll(String::strip);
            rows.get(0).set(0, "the test");
        }
        return rows;
    }

    private static boolean bookkeeping(List<String> cells) {
        String first = cells.get(0).strip();
        boolean othersBlank = cells.subList(1, cells.size()).stream().allMatch(String::isBlank);
        return othersBlank && (first.isEmpty()
                || BOOKKEEPING.stream().anyMatch(p -> p.matcher(first).matches()));
    }

    /** A step in words: {@code count ➜ 1} is a read of 1, {@code count = 2} a write of 2. */
    private static String step(String cell) {
        String read = READ.matcher(cell).replaceFirst("$1read $2: $3");
        return read.equals(cell) ? WRITE.matcher(cell).replaceFirst("$1write $2: $3") : read;
    }

    /** The interleaving as a table, or as a list of steps when the table would be too wide. */
    private static String render(List<List<String>> rows) {
        String table = columns(rows);
        boolean fits = table.lines().allMatch(line -> line.length() <= WIDTH);
        String layout = fits ? "a column per thread, read from top to bottom"
                : "a line per step, after the thread that took it, read from top to bottom";
        return wrap("The interleaving that shows it, found by model checking: " + layout
                + "; \"switch\" is where a thread was paused and another ran.") + '\n'
                + (fits ? table : steps(rows));
    }

    /** One line per step: the thread's name, then its step, as indented as in the table. */
    private static String steps(List<List<String>> rows) {
        List<String> names = rows.get(0);
        int nameWidth = names.stream().mapToInt(String::length).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows.subList(1, rows.size())) {
            for (int c = 0; c < row.size(); c++) {
                if (!row.get(c).isBlank()) {
                    String name = names.get(c);
                    out.append(wrap(name + " ".repeat(nameWidth - name.length()) + " | "
                            + row.get(c))).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String columns(List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder rule = new StringBuilder("|");
        for (int width : widths) {
            rule.append("-".repeat(width + 2)).append('|');
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            out.append('|');
            for (int c = 0; c < columns; c++) {
                String cell = rows.get(r).get(c);
                out.append(' ').append(cell).append(" ".repeat(widths[c] - cell.length()))
                        .append(" |");
            }
            out.append('\n');
            if (r == 0) {
                out.append(rule).append('\n');
            }
        }
        return out.toString();
    }

    /** Breaks a paragraph into lines of at most {@link #WIDTH} characters, at spaces. */
    private static String wrap(String text) {
        StringBuilder out = new StringBuilder();
        int lineStart = 0;
        for (String word : text.split(" ")) {
            int length = out.length() - lineStart;
            if (length > 0 && length + 1 + word.length() > WIDTH) {
                out.append('\n').append("  ");
                lineStart = out.length() - 2;
            } else if (length > 0) {
                out.append(' ');
            }
            out.append(word);
        }
        return out.toString();
    }
}

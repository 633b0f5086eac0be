package threadlab.benchmarks.gil;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The convoy effect's table: the course's GIL and CPython, side by side. */
final class ConvoyReport {

    /**
     * One interpreter's measurements.
     *
     * @param name the interpreter, such as {@code CPython 3.11.7}
     * @param rows a row per switch interval, in {@link ConvoyExperiment#INTERVALS_MS}'s order
     */
    record Column(String name, List<ConvoyExperiment.Row> rows) {
    }

    private ConvoyReport() {
    }

    /**
     * Reads what {@code gil_experiment.py convoy --tsv} printed.
     *
     * @param output its output: a {@code # CPython 3.x} line, then a row per measurement
     *     (switch interval in ms, {@code alone} or {@code beside}, calls, seconds)
     * @return CPython's column
     * @throws TimelineException if the output is not what the script prints
     */
    static Column cpython(String output) throws TimelineException {
        String name = "CPython";
        List<ConvoyExperiment.Row> rows = new ArrayList<>();
        ConvoyExperiment.Rate alone = null;
        for (String line : output.strip().split("\n")) {
            if (line.startsWith("# ")) {
                name = line.substring(2).strip();
                continue;
            }
            String[] f = line.strip().split("\t");
            try {
                ConvoyExperiment.Rate rate = new ConvoyExperiment.Rate(Long.parseLong(f[2]),
                        Math.round(Double.parseDouble(f[3]) * 1e9));
                if (f[1].equals("alone")) {
                    alone = rate;
                } else if (f[1].equals("beside") && alone != null) {
                    rows.add(new ConvoyExperiment.Row(Long.parseLong(f[0]), alone, rate));
                    alone = null;
                } else {
                    throw new IllegalArgumentException(f[1]);
                }
            } catch (RuntimeException e) {
                throw new TimelineException("Cannot read CPython's convoy line \"" + line
                        + "\": expected the switch interval in ms, alone or beside, the calls"
                        + " and the seconds, tab-separated, alone before beside.");
            }
        }
        if (rows.size() != ConvoyExperiment.INTERVALS_MS.size()) {
            throw new TimelineException("CPython's convoy output has " + rows.size() + " of "
                    + ConvoyExperiment.INTERVALS_MS.size() + " switch intervals:\n" + output);
        }
        return new Column(name, rows);
    }

    /**
     * The table.
     *
     * @param call how long each blocking call lasted
     * @param window how long each round lasted
     * @param rounds how many rounds of each measurement
     * @param columns the interpreters, each with its rows in the same order
     * @return the table, a line per figure
     */
    static String table(Duration call, Duration window, int rounds, List<Column> columns) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "The convoy effect:"
                + " an I/O thread makes blocking calls of %s ms, alone and beside a CPU-bound"
                + " thread (best of %d rounds of %s s)%n", call.toNanos() / 1e6, rounds,
                window.toMillis() / 1000.0));
        out.append(String.format(Locale.ROOT, "  %-44s", ""));
        columns.forEach(c -> out.append(String.format(Locale.ROOT, " %18s", c.name())));
        out.append('\n');
        for (int i = 0; i < ConvoyExperiment.INTERVALS_MS.size(); i++) {
            int row = i;
            out.append("switch interval ").append(ConvoyExperiment.INTERVALS_MS.get(i))
                    .append(" ms\n");
            line(out, "I/O calls per second, alone", columns, row, ConvoyReport::alone);
            line(out, "I/O calls per second, beside a CPU-bound one", columns, row,
                    ConvoyReport::beside);
            line(out, "beside / alone", columns, row, ConvoyReport::ratio);
            line(out, "time each call gains beside it", columns, row, ConvoyReport::gain);
        }
        return out.toString();
    }

    private static String alone(ConvoyExperiment.Row r) {
        return String.format(Locale.ROOT, "%,.0f", r.alone().perSecond());
    }

    private static String beside(ConvoyExperiment.Row r) {
        return String.format(Locale.ROOT, "%,.0f", r.beside().perSecond());
    }

    private static String ratio(ConvoyExperiment.Row r) {
        return String.format(Locale.ROOT, "%.2f", r.beside().perSecond() / r.alone().perSecond());
    }

    /** How much longer a call takes beside the CPU-bound thread: the wait for the GIL. */
    private static String gain(ConvoyExperiment.Row r) {
        if (r.beside().calls() == 0 || r.alone().calls() == 0) {
            return "no call";
        }
        return String.format(Locale.ROOT, "%.2f ms", 1000 / r.beside().perSecond()
                - 1000 / r.alone().perSecond());
    }

    private static void line(StringBuilder out, String label, List<Column> columns, int row,
            Function<ConvoyExperiment.Row, String> figure) {
        out.append(String.format(Locale.ROOT, "  %-44s", label));
        for (Column c : columns) {
            out.append(String.format(Locale.ROOT, " %18s", figure.apply(c.rows().get(row))));
        }
        out.append('\n');
    }
}

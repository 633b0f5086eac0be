package threadlab.benchmarks.gil;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The convoy effect's figures: the course's GIL and CPython, side by side. */
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
     * The figures, a line per interpreter and switch interval, each whole enough to quote.
     *
     * @param call how long each blocking call lasted
     * @param window how long each round lasted
     * @param rounds how many rounds of each measurement
     * @param columns the interpreters, each with its rows in the same order
     * @return the lines, each ending with a newline
     */
    static String lines(Duration call, Duration window, int rounds, List<Column> columns) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "The convoy effect:"
                + " a thread makes blocking calls of %s ms, alone, then beside a CPU-bound"
                + " thread (median of %d rounds of %s s)%n", call.toNanos() / 1e6, rounds,
                window.toMillis() / 1000.0));
        int width = columns.stream().mapToInt(c -> c.name().length()).max().orElse(0) + 1;
        for (int i = 0; i < ConvoyExperiment.INTERVALS_MS.size(); i++) {
            for (Column c : columns) {
                ConvoyExperiment.Row r = c.rows().get(i);
                out.append(String.format(Locale.ROOT, "%-" + width + "s switch interval %d ms:"
                        + " %,6.0f calls/s alone, %,6.0f beside a CPU-bound thread (%.2f x), %s"
                        + "%n", c.name() + ",", r.intervalMillis(), r.alone().perSecond(),
                        r.beside().perSecond(), r.beside().perSecond() / r.alone()
                        .perSecond(), gain(r)));
            }
        }
        return out.toString();
    }

    /** How much longer a call takes beside the CPU-bound thread: the wait for the GIL. */
    private static String gain(ConvoyExperiment.Row r) {
        if (r.beside().calls() == 0 || r.alone().calls() == 0) {
            return "no call to compare";
        }
        return String.format(Locale.ROOT, "%.2f ms longer a call", 1000 / r.beside().perSecond()
                - 1000 / r.alone().perSecond());
    }
}

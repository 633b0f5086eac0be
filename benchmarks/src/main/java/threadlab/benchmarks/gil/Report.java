package threadlab.benchmarks.gil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The benchmark's table, as text; and the machine, which the other benchmarks name too. */
public final class Report {

    private Report() {
    }

    /**
     * What machine and JDK the figures come from.
     *
     * @return one line
     */
    public static String machine() {
        return String.format(Locale.ROOT, "%d CPU(s) (%s), %s %s, %s %s",
                Runtime.getRuntime().availableProcessors(), cpuModel(),
                System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"));
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return System.getProperty("os.arch");
        }
        try (Stream<String> lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse(System.getProperty("os.arch"));
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
    }

    /**
     * The experiment's table.
     *
     * @param r the measurements
     * @return the table, with the lesson's expectations beside the ratios
     */
    static String threads(ThreadsExperiment.Result r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "CPU-bound: 2 programs of %,d steps (%.2f us a"
                + " step), best of %d round(s)%n", r.stepsPerThread(), r.stepNanos() / 1000,
                r.rounds()));
        out.append(String.format(Locale.ROOT, "  %-40s %9s %13s   %s%n", "run", "time",
                "x sequential", "the lesson expects"));
        out.append(row("one thread, one program after the other", r.sequential(), 1.0, ""));
        out.append(row("2 threads, with the GIL", r.withGil(), r.ratio(r.withGil()),
                expect(r.ratio(r.withGil()), 0.9, 1.1)));
        out.append(row("2 threads, without the GIL", r.withoutGil(), r.ratio(r.withoutGil()),
                expect(r.ratio(r.withoutGil()), 0, 0.6) + (Runtime.getRuntime()
                        .availableProcessors() < 2 ? " (needs 2 cores)" : "")));
        out.append(String.format(Locale.ROOT, "Sleepers: %d threads each sleep %s%n",
                r.sleepers(), duration(r.sleep())));
        out.append(String.format(Locale.ROOT, "  %-40s %9s%n", "one after the other (sum)",
                duration(r.sleep().multipliedBy(r.sleepers()))));
        double overlap = r.sleeping().toNanos() / (double) r.sleep().toNanos();
        out.append(String.format(Locale.ROOT, "  %-40s %9s %13s   %s%n",
                r.sleepers() + " threads, with the GIL", duration(r.sleeping()),
                String.format(Locale.ROOT, "%.2f x one", overlap),
                overlap < 1.5 ? "they overlap: ok" : "they did not overlap"));
        return out.toString();
    }

    private static String row(String label, Duration time, double ratio, String note) {
        return String.format(Locale.ROOT, "  %-40s %9s %13.2f   %s%n", label, duration(time),
                ratio, note);
    }

    private static String expect(double ratio, double low, double high) {
        String range = low == 0 ? "at most " + high : low + " to " + high;
        return range + (ratio >= low && ratio <= high ? ": ok" : ": outside");
    }

    /**
     * JMH's table.
     *
     * @param costs the measurements, in the order they ran
     * @return the table
     */
    static String costs(List<Cost> costs) {
        StringBuilder out = new StringBuilder();
        out.append("One thread adds and drops a reference (JMH, ns per incref+decref pair, lower"
                + " is better)\n");
        double plain = costs.get(0).nanos();
        for (Cost cost : costs) {
            out.append(String.format(Locale.ROOT, "  %-44s %7.2f +- %5.2f ns   %5.1f x%n",
                    cost.label(), cost.nanos(), cost.error(), cost.nanos() / plain));
        }
        return out.toString();
    }

    /**
     * A duration as the table shows it.
     *
     * @param d the duration
     * @return for example {@code 1.02 s} or {@code 20 ms}
     */
    static String duration(Duration d) {
        return d.toMillis() >= 1000 ? String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9)
                : d.toMillis() + " ms";
    }
}

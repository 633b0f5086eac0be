package threadlab.benchmarks.gil;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import threadlab.benchmarks.loop.StudentLoopBenchmark;
import threadlab.gil.GlobalInterpreterLock;

/**
 * Module 2's benchmark, a command that prints figures:
 *
 * <pre>{@code
 * ./mvnw -q package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar                                  # the reference GIL
 * java -jar benchmarks/target/benchmarks.jar --classes module-02-gil/target/classes   # yours
 * }</pre>
 *
 * <p>The jar does not hold a GIL of its own: it starts a second JVM with the chosen module's
 * classes on its class path, so that JMH's forks see them too.
 */
public final class GilBenchmark {

    /** Marks the measuring JVM's command line. */
    private static final String MEASURE = "--measure";

    private GilBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args see {@code --help}
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the benchmark and says how it ended.
     *
     * @param args see {@code --help}
     * @return 0 when it ran, 1 when the measured GIL failed, 2 for a wrong command line
     */
    static int run(String... args) {
        if (args.length > 0 && args[0].equals(StudentLoopBenchmark.COMMAND)) {
            return StudentLoopBenchmark.run(List.of(args).subList(1, args.length));
        }
        if (args.length > 0 && PictureCommands.NAMES.contains(args[0])) {
            return PictureCommands.run(args);
        }
        boolean measure = args.length > 0 && args[0].equals(MEASURE);
        String[] rest = measure ? List.of(args).subList(1, args.length).toArray(String[]::new)
                : args;
        Options options;
        try {
            options = Options.parse(rest);
        } catch (BadOptionException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (options == null) {
            System.out.println(Options.USAGE);
            return 0;
        }
        try {
            return measure ? measure(options) : launch(options);
        } catch (UnsupportedOperationException e) {
            System.err.println("The GIL in " + options.classes() + " is not finished: "
                    + e.getMessage() + ". Finish module 2's tasks, or leave out --classes to"
                    + " measure the reference solution.");
            return 1;
        } catch (Exception e) {
            System.err.println("The benchmark failed: " + e);
            return 1;
        }
    }

    /** Starts the measuring JVM with the chosen GIL on its class path. */
    private static int launch(Options options) throws Exception {
        List<String> args = new ArrayList<>(List.of(MEASURE));
        args.addAll(options.toArgs());
        return MeasuringJvm.run(GilBenchmark.class, options.classes(), args);
    }

    private static int measure(Options options) throws Exception {
        System.out.println("threadlab GIL benchmark" + (options.quick() ? " (quick: a check"
                + " that it runs, the figures mean nothing)" : ""));
        System.out.println("Machine: " + Report.machine());
        System.out.println("GIL: " + (options.classes().equals(Path.of(Options.SOLUTION))
                ? "the reference solution" : options.classes().toString())
                + ", switch interval "
                + Report.duration(GlobalInterpreterLock.DEFAULT_SWITCH_INTERVAL));
        System.out.println();
        ThreadsExperiment.Result threads = ThreadsExperiment.run(options.quick(),
                line -> System.out.println("Measuring... " + line));
        System.out.println("Measuring... the cost of a count's updates, with JMH");
        List<Cost> costs = costs(options.quick());
        System.out.println();
        System.out.print(Report.threads(threads));
        System.out.println();
        System.out.print(Report.costs(costs));
        Chart.write(options.chart(), "What a GIL does: module 2's benchmark",
                "Measured on " + Report.machine(), panels(threads, costs));
        System.out.println();
        System.out.println("Chart: " + options.chart().toAbsolutePath());
        return 0;
    }

    private static List<Cost> costs(boolean quick) throws RunnerException {
        Map<String, String> labels = Map.of(
                "plainCountUnderTheGil", "plain count, under the GIL",
                "atomicCount", "atomic count (AtomicInteger), no GIL",
                "synchronizedCount", "count with its own lock (synchronized)",
                "gilTakenPerUpdate", "plain count, GIL taken for each pair");
        List<String> order = List.of("plainCountUnderTheGil", "atomicCount", "synchronizedCount",
                "gilTakenPerUpdate");
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(RefCountCost.class.getName() + "\\.")
                .forks(quick ? 0 : 1)
                .warmupIterations(quick ? 0 : 3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 1 : 5)
                .measurementTime(quick ? TimeValue.milliseconds(100) : TimeValue.seconds(1))
                .threads(1)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build()).run();
        List<Cost> costs = new ArrayList<>();
        for (String name : order) {
            for (RunResult result : results) {
                String benchmark = result.getParams().getBenchmark();
                if (benchmark.endsWith("." + name)) {
                    double error = result.getPrimaryResult().getScoreError();
                    costs.add(new Cost(labels.get(name), result.getPrimaryResult().getScore(),
                            Double.isNaN(error) ? 0 : error));
                }
            }
        }
        if (costs.size() != order.size()) {
            throw new IllegalStateException("JMH measured " + costs.size() + " of "
                    + order.size() + " benchmarks");
        }
        return costs;
    }

    private static List<Chart.Panel> panels(ThreadsExperiment.Result r, List<Cost> costs) {
        List<Chart.Bar> cpu = List.of(
                new Chart.Bar("1 thread, one program after the other", 1.0,
                        ratioText(1.0, r.sequential()), Chart.PLAIN),
                new Chart.Bar("2 threads, with the GIL", r.ratio(r.withGil()),
                        ratioText(r.ratio(r.withGil()), r.withGil()), Chart.GIL),
                new Chart.Bar("2 threads, without the GIL", r.ratio(r.withoutGil()),
                        ratioText(r.ratio(r.withoutGil()), r.withoutGil()), Chart.NO_GIL));
        double sleep = r.sleep().toNanos();
        List<Chart.Bar> sleepers = List.of(
                new Chart.Bar(r.sleepers() + " sleeps, one after the other", r.sleepers(),
                        Report.duration(r.sleep().multipliedBy(r.sleepers())), Chart.PLAIN),
                new Chart.Bar(r.sleepers() + " sleeping threads, with the GIL",
                        r.sleeping().toNanos() / sleep, Report.duration(r.sleeping()),
                        Chart.GIL));
        List<Chart.Bar> cost = new ArrayList<>();
        for (Cost c : costs) {
            cost.add(new Chart.Bar(c.label(), c.nanos(), String.format(Locale.ROOT, "%.1f ns",
                    c.nanos()), c.label().contains("under the GIL") ? Chart.GIL
                    : c.label().contains("GIL taken") ? Chart.PLAIN : Chart.NO_GIL));
        }
        return List.of(
                new Chart.Panel("Two CPU-bound programs: time, relative to one thread", cpu),
                new Chart.Panel("Sleeping threads: time until all have woken up", sleepers),
                new Chart.Panel("One thread: ns per incref+decref (lower is better)", cost));
    }

    private static String ratioText(double ratio, java.time.Duration time) {
        return String.format(Locale.ROOT, "%.2f x (%s)", ratio, Report.duration(time));
    }
}

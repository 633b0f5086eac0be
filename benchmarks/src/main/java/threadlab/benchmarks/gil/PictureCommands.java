package threadlab.benchmarks.gil;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's {@code timeline} and {@code convoy} commands: who holds the GIL in a short run,
 * drawn from the course's GIL and from CPython, and the convoy effect, measured on both. Like the
 * default command, they measure in a second JVM that sees the chosen module 2 ({@link
 * MeasuringJvm}); {@code timeline --redraw} only draws, from the logs.
 */
final class PictureCommands {

    /** The commands' names, the first argument on the command line. */
    static final Set<String> NAMES = Set.of("timeline", "convoy");

    /** The timelines' files, without their {@code .csv} and {@code .svg} endings. */
    static final List<String> TIMELINES = List.of("course-gil", "cpython");

    private static final String MEASURE = "--measure";
    /** How long the pictured run lasts. */
    private static final long RUN_MILLIS = 80;
    private static final Duration CALL = Duration.ofNanos(100_000);

    private PictureCommands() {
    }

    /**
     * Runs a command: redraws in this JVM, or measures in a second one.
     *
     * @param args the command's name, then its options
     * @return 0 when it ran, 1 when it failed, 2 for a wrong command line
     */
    static int run(String... args) {
        try {
            PictureOptions options = PictureOptions.parse(args);
            if (options == null) {
                System.out.println(PictureOptions.USAGE);
                return 0;
            }
            if (options.redraw()) {
                return redraw(options.out());
            }
            List<String> measure = new ArrayList<>(List.of(MEASURE));
            measure.addAll(options.toArgs());
            return MeasuringJvm.run(PictureCommands.class, options.classes(), measure);
        } catch (BadOptionException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (TimelineException e) {
            System.err.println(e.getMessage());
            return 1;
        } catch (Exception e) {
            System.err.println("The " + args[0] + " command failed: " + e);
            return 1;
        }
    }

    /**
     * The measuring JVM's entry point.
     *
     * @param args {@code --measure}, then the command's name and its options
     */
    public static void main(String[] args) {
        System.exit(measure(List.of(args).subList(1, args.length).toArray(String[]::new)));
    }

    private static int measure(String... args) {
        try {
            PictureOptions options = PictureOptions.parse(args);
            System.out.println("Machine: " + Report.machine() + ", load average "
                    + loadAverage());
            if (options.command().equals("timeline")) {
                timelines(options);
            } else {
                convoy(options);
            }
            return 0;
        } catch (UnsupportedOperationException e) {
            System.err.println("The GIL is not finished: " + e.getMessage() + ". Finish module"
                    + " 2's tasks, or leave out --classes to measure the reference solution.");
        } catch (BadOptionException | TimelineException e) {
            System.err.println(e.getMessage());
        } catch (Exception e) {
            System.err.println("The " + args[0] + " command failed: " + e);
        }
        return 1;
    }

    private static void timelines(PictureOptions options) throws Exception {
        CPython cpython = new CPython(options.python(), Path.of(CPython.SCRIPT));
        cpython.requireRunnable();
        Files.createDirectories(options.out());
        long runMillis = options.quick() ? 20 : RUN_MILLIS;
        TimelineRecorder.Plan plan = new TimelineRecorder.Plan(Duration.ofMillis(runMillis),
                Duration.ofMillis(2), Duration.ofNanos(200_000));
        Timeline course = TimelineRecorder.record(plan, facts(options));
        Files.writeString(log(options.out(), TIMELINES.get(0)), course.format(),
                StandardCharsets.UTF_8);
        System.out.println("Running CPython for its timeline...");
        cpython.timeline(log(options.out(), TIMELINES.get(1)), runMillis);
        redraw(options.out());
    }

    private static Map<String, String> facts(PictureOptions options) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("interpreter", "The course's GIL on Java " + Runtime.version().feature()
                + (options.classes().equals(Path.of(Options.SOLUTION))
                ? " (the reference solution)" : " (" + options.classes() + ")"));
        facts.put("machine", Report.machine());
        facts.put("load average", loadAverage());
        facts.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return facts;
    }

    private static Path log(Path out, String name) {
        return out.resolve(name + ".csv");
    }

    /** Draws a log next to it, as an SVG of the same name; returns the log's timeline. */
    private static Timeline draw(Path log) throws IOException, TimelineException {
        byte[] bytes = Files.readAllBytes(log);
        String name = log.getFileName().toString();
        Path svg = log.resolveSibling(name.replaceFirst("\\.csv$", ".svg"));
        Files.writeString(svg, TimelineSvg.draw(bytes, name), StandardCharsets.UTF_8);
        Timeline timeline = Timeline.parse(new String(bytes, StandardCharsets.UTF_8));
        System.out.println("Drew " + timeline.fact("interpreter") + ": " + svg.toAbsolutePath());
        return timeline;
    }

    /** Draws each log in the folder, then prints the figures for the lesson. */
    private static int redraw(Path out) throws IOException, TimelineException {
        List<Timeline> drawn = new ArrayList<>();
        for (String name : TIMELINES) {
            Path log = log(out, name);
            if (Files.isRegularFile(log)) {
                drawn.add(draw(log));
            }
        }
        if (drawn.isEmpty()) {
            throw new TimelineException("No timeline to redraw in " + out.toAbsolutePath()
                    + ": it has none of " + TIMELINES + " with .csv. Give the folder with --out,"
                    + " or measure first: timeline without --redraw.");
        }
        System.out.println();
        System.out.println("The figures under the pictures, as module 2's lesson shows them:");
        System.out.print(TimelineFigures.table(drawn));
        return 0;
    }

    private static void convoy(PictureOptions options) throws Exception {
        CPython cpython = new CPython(options.python(), Path.of(CPython.SCRIPT));
        cpython.requireRunnable();
        Duration window = Duration.ofMillis(options.quick() ? 100 : 500);
        int rounds = options.quick() ? 1 : 5;
        System.out.println("Measuring the course's GIL...");
        ConvoyReport.Column course = new ConvoyReport.Column("the course's GIL",
                ConvoyExperiment.run(window, rounds, CALL));
        System.out.println("Measuring CPython...");
        ConvoyReport.Column python = ConvoyReport.cpython(cpython.convoy(window, rounds, CALL));
        System.out.println();
        System.out.print(ConvoyReport.lines(CALL, window, rounds, List.of(course, python)));
        System.out.println("Load average after: " + loadAverage());
    }

    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
    }
}

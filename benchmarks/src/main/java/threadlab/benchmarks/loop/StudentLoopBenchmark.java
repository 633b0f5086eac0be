package threadlab.benchmarks.loop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import threadlab.benchmarks.gil.Report;

/**
 * Measures the student's loop: {@code java -jar benchmarks/target/benchmarks.jar student-loop}.
 * In a copy of the course with the reference solutions in place, it starts the watch command as a
 * student does ({@code ./mvnw -q -f watch -Dmodule=N -Dtask=T}), waits for its first verdict,
 * then saves a change to a source file N times, each a pause after the verdict before (as a
 * student reads it), and N times at once after it, and times each save to the task's verdict. A
 * solution passes every test, so model checking explores every interleaving it may: the slow
 * case. The watch runs the tests in a test JVM that warms up after each verdict; saves at once
 * show what a save costs when it finds that JVM still warming up. It prints, per module,
 * {@code edit-to-verdict median: X.XX s, max: Y.YY s over N edits} for the paused saves, the
 * processor time, how many saves found the JVM warming up and how long it takes to warm up, the
 * same for the saves at once, then the slower module's median of paused saves alone.
 */
public final class StudentLoopBenchmark {

    /** The command's name, as the first argument of the benchmarks' jar. */
    public static final String COMMAND = "student-loop";

    private static final String USAGE = "java -jar benchmarks/target/benchmarks.jar student-loop"
            + " [--edits N] [--pause S] [--module N] [--course DIR]\n"
            + "  --edits N     saves per module and way of saving (10)\n"
            + "  --pause S     seconds from a verdict to the next save, as a student reads it (5)\n"
            + "  --module N    measure module N only (3 and 1)\n"
            + "  --course DIR  the course repository (the folder above, or this one)";
    /** The words of a verdict whose save found the test JVM still warming up. */
    private static final String WARMING = "the test JVM was still warming up";
    /** The words of a verdict whose save the test JVM of the last save tested. */
    private static final String KEPT = "the test JVM of the last save";
    private static final Pattern WARM_AFTER = Pattern.compile("as it does for (\\d+\\.\\d) s");
    private static final Pattern PROCESSOR = Pattern.compile(
            "processor time: compiling (\\d+\\.\\d\\d) s, testing (\\d+\\.\\d\\d) s");
    /** The first verdict includes Maven's start and the first compile. */
    private static final Duration FIRST_VERDICT = Duration.ofMinutes(5);

    /** A module measured: the file a student edits and the task they work on. */
    private record Edited(String module, int number, int task, String file) {
    }

    /**
     * The saves of one way of saving, timed.
     *
     * @param times each save's time to its verdict, in seconds
     * @param compiling the processor time of each save's compiling
     * @param testing the processor time of each save's tests
     * @param warming how many saves found the test JVM still warming up
     * @param kept how many saves the test JVM of the save before tested
     * @param warmAfter what those verdicts said of how long a test JVM takes to warm up
     */
    private record Series(List<Double> times, List<Double> compiling, List<Double> testing,
            int warming, int kept, List<Double> warmAfter) {
    }

    /** Module 3's task 2 has the most tests; module 1's task 3 is model-checked. */
    private static final List<Edited> EDITED = List.of(
            new Edited("module-03-threads", 3, 2, "threadlab/threads/PyThread.java"),
            new Edited("module-01-refcount", 1, 3, "threadlab/refcount/SafeRefCount.java"));

    private StudentLoopBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args the arguments after {@code student-loop}
     * @return 0 when it ran, 1 when the loop failed, 2 for a wrong command line
     */
    public static int run(List<String> args) {
        int edits = 10;
        double pause = 5;
        int module = 0;
        Path course = null;
        try {
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--edits" -> edits = Integer.parseInt(args.get(++i));
                    case "--pause" -> pause = Double.parseDouble(args.get(++i));
                    case "--module" -> module = Integer.parseInt(args.get(++i));
                    case "--course" -> course = Path.of(args.get(++i));
                    case "--help" -> {
                        System.out.println(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown " + args.get(i));
                }
            }
            if (edits < 1 || pause < 0) {
                throw new IllegalArgumentException("--edits must be 1 or more, --pause 0 or more");
            }
            int chosen = module;
            if (chosen != 0 && EDITED.stream().noneMatch(e -> e.number() == chosen)) {
                throw new IllegalArgumentException("--module must be 3 or 1");
            }
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            System.err.println("Bad arguments: " + e.getMessage() + ".\n" + USAGE);
            return 2;
        }
        try {
            return measure(Workspace.course(course), edits,
                    Duration.ofMillis((long) (pause * 1000)), module);
        } catch (LoopException e) {
            System.err.println(e.getMessage());
            return 1;
        } catch (IOException e) {
            System.err.println("The benchmark could not copy or edit the course: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static int measure(Path course, int edits, Duration pause, int module)
            throws IOException, InterruptedException, LoopException {
        System.out.println("threadlab student-loop benchmark: " + edits + " edits per module and"
                + " way of saving");
        System.out.println("Machine: " + Report.machine() + ", load average " + load());
        Path copy = Workspace.withSolutions(course);
        try {
            List<Double> medians = new ArrayList<>();
            for (Edited edited : EDITED) {
                if (module == 0 || module == edited.number()) {
                    medians.add(module(copy, edited, edits, pause));
                }
            }
            System.out.println("Load average at the end: " + load());
            System.out.printf(Locale.ROOT, "edit-to-verdict median: %.2f s%n",
                    Collections.max(medians));
            return 0;
        } finally {
            Workspace.delete(copy);
        }
    }

    /** Times a module's saves, made a pause after each verdict, then at once; the first median. */
    private static double module(Path copy, Edited edited, int edits, Duration pause)
            throws IOException, InterruptedException, LoopException {
        Path file = copy.resolve(edited.module()).resolve("src/main/java").resolve(edited.file());
        try (WatchProcess watch = WatchProcess.start(copy, edited.number(), edited.task())) {
            watch.awaitVerdict(FIRST_VERDICT);
            Series paused = edits(watch, file, edits, pause, 0);
            Series atOnce = edits(watch, file, edits, Duration.ZERO, edits);
            System.out.printf(Locale.ROOT, "%s: edit-to-verdict median: %.2f s, max: %.2f s"
                    + " over %d edits, each saved %.1f s after the verdict before%n",
                    edited.module(), median(paused.times()), Collections.max(paused.times()),
                    edits, pause.toMillis() / 1000.0);
            details(paused);
            System.out.printf(Locale.ROOT, "%s: saved at once after the verdict before: median"
                    + " %.2f s, max: %.2f s over %d edits%n", edited.module(),
                    median(atOnce.times()), Collections.max(atOnce.times()), edits);
            details(atOnce);
            return median(paused.times());
        }
    }

    private static void details(Series series) {
        System.out.printf(Locale.ROOT, "  processor time, median: compiling %.2f s, testing %.2f s;"
                + " %d of %d saves found the test JVM still warming up%s, %d were tested in the"
                + " test JVM of the save before%n",
                median(series.compiling()), median(series.testing()), series.warming(),
                series.times().size(), series.warmAfter().isEmpty() ? ""
                : String.format(Locale.ROOT, " (a test JVM is warm %.1f s after a verdict,"
                + " median)", median(series.warmAfter())), series.kept());
    }

    private static Series edits(WatchProcess watch, Path file, int edits, Duration pause,
            int done) throws IOException, InterruptedException, LoopException {
        Series series = new Series(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), 0, 0,
                new ArrayList<>());
        for (int i = done + 1; i <= done + edits; i++) {
            Thread.sleep(pause.toMillis()); // a student reading the verdict
            Files.writeString(file, "// edit " + i + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
            long saved = System.nanoTime();
            String verdict = watch.awaitVerdict(FIRST_VERDICT);
            series.times().add((System.nanoTime() - saved) / 1e9);
            if (!verdict.contains(": done.")) {
                throw new LoopException("After edit " + i + " of " + file + ", the watch"
                        + " said \"" + verdict + "\" of a reference solution, which passes."
                        + " Its output:\n" + watch.output());
            }
            series = read(verdict, series);
        }
        return series;
    }

    /** Adds what a verdict says of processor time and warming up. */
    private static Series read(String verdict, Series series) {
        Matcher processor = PROCESSOR.matcher(verdict);
        if (processor.find()) {
            series.compiling().add(Double.parseDouble(processor.group(1)));
            series.testing().add(Double.parseDouble(processor.group(2)));
        }
        if (verdict.contains(KEPT)) {
            return new Series(series.times(), series.compiling(), series.testing(),
                    series.warming(), series.kept() + 1, series.warmAfter());
        }
        if (!verdict.contains(WARMING)) {
            return series;
        }
        Matcher warm = WARM_AFTER.matcher(verdict);
        if (warm.find()) {
            series.warmAfter().add(Double.parseDouble(warm.group(1)));
        }
        return new Series(series.times(), series.compiling(), series.testing(),
                series.warming() + 1, series.kept(), series.warmAfter());
    }

    private static double median(List<Double> times) {
        if (times.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String load() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
    }

    /** Reads a process's output line by line. */
    static BufferedReader lines(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
    }
}

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
import threadlab.benchmarks.gil.Report;

/**
 * Measures the student's loop: {@code java -jar benchmarks/target/benchmarks.jar student-loop}.
 * In a copy of the course with the reference solutions in place, it starts the watch command as a
 * student does ({@code ./mvnw -q -f watch -Dmodule=N -Dtask=T}), waits for its first verdict,
 * then saves a change to a source file N times and times each save to the task's verdict. A
 * solution passes every test, so model checking explores every interleaving it may: the slow
 * case. It prints, per module, {@code edit-to-verdict median: X.XX s, max: Y.YY s over N edits},
 * then the slower module's median alone.
 */
public final class StudentLoopBenchmark {

    /** The command's name, as the first argument of the benchmarks' jar. */
    public static final String COMMAND = "student-loop";

    private static final String USAGE = "java -jar benchmarks/target/benchmarks.jar student-loop"
            + " [--edits N] [--course DIR]\n"
            + "  --edits N     saves per module (10)\n"
            + "  --course DIR  the course repository (the folder above, or this one)";
    /** The first verdict includes Maven's start and the first compile. */
    private static final Duration FIRST_VERDICT = Duration.ofMinutes(5);

    /** A module measured: the file a student edits and the task they work on. */
    private record Edited(String module, int number, int task, String file) {
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
        Path course = null;
        try {
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--edits" -> edits = Integer.parseInt(args.get(++i));
                    case "--course" -> course = Path.of(args.get(++i));
                    case "--help" -> {
                        System.out.println(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown " + args.get(i));
                }
            }
            if (edits < 1) {
                throw new IllegalArgumentException("--edits must be 1 or more");
            }
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            System.err.println("Bad arguments: " + e.getMessage() + ".\n" + USAGE);
            return 2;
        }
        try {
            return measure(Workspace.course(course), edits);
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

    private static int measure(Path course, int edits)
            throws IOException, InterruptedException, LoopException {
        System.out.println("threadlab student-loop benchmark: " + edits + " edits per module");
        System.out.println("Machine: " + Report.machine() + ", load average " + load());
        Path copy = Workspace.withSolutions(course);
        try {
            List<Double> medians = new ArrayList<>();
            for (Edited edited : EDITED) {
                List<Double> times = edits(copy, edited, edits);
                double median = median(times);
                medians.add(median);
                System.out.printf(Locale.ROOT, "%s: edit-to-verdict median: %.2f s, max: %.2f s"
                        + " over %d edits%n", edited.module(), median, Collections.max(times),
                        times.size());
            }
            System.out.println("Load average at the end: " + load());
            System.out.printf(Locale.ROOT, "edit-to-verdict median: %.2f s%n",
                    Collections.max(medians));
            return 0;
        } finally {
            Workspace.delete(copy);
        }
    }

    private static List<Double> edits(Path copy, Edited edited, int edits)
            throws IOException, InterruptedException, LoopException {
        Path file = copy.resolve(edited.module()).resolve("src/main/java").resolve(edited.file());
        try (WatchProcess watch = WatchProcess.start(copy, edited.number(), edited.task())) {
            watch.awaitVerdict(FIRST_VERDICT);
            List<Double> times = new ArrayList<>();
            for (int i = 1; i <= edits; i++) {
                Files.writeString(file, "// edit " + i + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.APPEND);
                long saved = System.nanoTime();
                String verdict = watch.awaitVerdict(FIRST_VERDICT);
                times.add((System.nanoTime() - saved) / 1e9);
                if (!verdict.contains(": done.")) {
                    throw new LoopException("After edit " + i + " of " + file + ", the watch"
                            + " said \"" + verdict + "\" of a reference solution, which passes."
                            + " Its output:\n" + watch.output());
                }
            }
            return times;
        }
    }

    private static double median(List<Double> times) {
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

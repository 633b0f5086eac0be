package threadlab.benchmarks.gil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's command line.
 *
 * @param classes the compiled module 2 to measure
 * @param chart where the chart goes
 * @param quick a short run that only checks that everything works
 */
record Options(Path classes, Path chart, boolean quick) {

    static final String USAGE = String.join("\n",
            "Usage: java -jar benchmarks/target/benchmarks.jar [--classes DIR] [--chart FILE]"
                    + " [--quick]",
            "",
            "Measures module 2's GIL: two CPU-bound threads with and without it, sleeping"
                    + " threads, and",
            "the cost of a lock per reference count (JMH). Prints a table and writes a chart.",
            "",
            "  --classes DIR  the compiled module 2 to measure; default: the reference solution,",
            "                 " + Options.SOLUTION + ". Yours, after ./mvnw -q package"
                    + " -DskipTests:",
            "                 " + Options.YOURS,
            "  --chart FILE   where to write the chart, as SVG; default: gil-benchmark.svg",
            "  --quick        a run of a few seconds that checks the benchmark works; its figures"
                    + " mean nothing",
            "  --help         this text",
            "",
            "Other commands: timeline (who holds the GIL, drawn from a run) and convoy (the"
                    + " convoy effect);",
            "see java -jar benchmarks/target/benchmarks.jar timeline --help. student-loop --help:"
                    + " the student's loop, from a save to the task's verdict.");

    static final String SOLUTION = "solutions/module-02-gil/target/classes";
    static final String YOURS = "module-02-gil/target/classes";

    /**
     * Reads the command line.
     *
     * @param args the arguments
     * @return the options, or {@code null} if help was asked for
     * @throws BadOptionException if an argument is wrong
     */
    static Options parse(String... args) throws BadOptionException {
        Path classes = Path.of(SOLUTION);
        Path chart = Path.of("gil-benchmark.svg");
        boolean quick = false;
        List<String> left = new ArrayList<>(List.of(args));
        while (!left.isEmpty()) {
            String arg = left.remove(0);
            switch (arg) {
                case "--help":
                case "-h":
                    return null;
                case "--quick":
                    quick = true;
                    break;
                case "--classes":
                    classes = Path.of(value(arg, left));
                    break;
                case "--chart":
                    chart = Path.of(value(arg, left));
                    break;
                default:
                    throw new BadOptionException("Unknown option " + arg + ". Run with --help to"
                            + " see the options.");
            }
        }
        requireGil(classes);
        Path chartFolder = chart.toAbsolutePath().getParent();
        if (chartFolder != null && !Files.isDirectory(chartFolder)) {
            throw new BadOptionException("Cannot write the chart to " + chart + ": the folder "
                    + chartFolder + " does not exist. Create it, or choose another --chart.");
        }
        return new Options(classes, chart, quick);
    }

    /**
     * Checks that a folder holds a compiled module 2.
     *
     * @param classes the folder
     * @throws BadOptionException if it has no compiled GIL, saying how to build one
     */
    static void requireGil(Path classes) throws BadOptionException {
        Path gil = classes.resolve("threadlab/gil/GlobalInterpreterLock.class");
        if (!Files.isRegularFile(gil)) {
            throw new BadOptionException("No compiled GIL in " + classes.toAbsolutePath()
                    + " (" + gil.getFileName() + " is missing). Build the course first, from"
                    + " the repository's root: ./mvnw -q package -DskipTests; then run this"
                    + " command there, or pass --classes with the folder of a compiled module 2,"
                    + " such as " + YOURS + ".");
        }
    }

    static String value(String option, List<String> left) throws BadOptionException {
        if (left.isEmpty() || left.get(0).startsWith("--")) {
            throw new BadOptionException(option + " needs a value. Run with --help to see the"
                    + " options.");
        }
        return left.remove(0);
    }

    /**
     * The options as arguments again, to hand to the measuring JVM.
     *
     * @return the arguments
     */
    List<String> toArgs() {
        List<String> args = new ArrayList<>(List.of("--classes", classes.toString(), "--chart",
                chart.toString()));
        if (quick) {
            args.add("--quick");
        }
        return args;
    }
}

package threadlab.benchmarks.gil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of the {@code timeline} and {@code convoy} commands.
 *
 * @param command {@code timeline} or {@code convoy}
 * @param classes the compiled module 2 to measure
 * @param out where the timelines go
 * @param python the command that starts CPython
 * @param quick a short run that only checks that everything works
 * @param redraw draw the timelines again from their logs, without measuring
 */
record PictureOptions(String command, Path classes, Path out, String python, boolean quick,
        boolean redraw) {

    /** Where the lesson's timelines are, from the course's root. */
    static final String DEFAULT_OUT = "module-02-gil/timeline";

    static final String USAGE = String.join("\n",
            "Usage: java -jar benchmarks/target/benchmarks.jar timeline [--out DIR] [--redraw]"
                    + " [OPTIONS]",
            "       java -jar benchmarks/target/benchmarks.jar convoy [OPTIONS]",
            "",
            "timeline  runs two CPU-bound threads and a sleeper for 80 ms, on the course's GIL"
                    + " and in CPython,",
            "          and draws who holds the GIL: writes course-gil.csv and .svg, cpython.csv"
                    + " and .svg,",
            "          then prints the figures under them in module 2's lesson (about 5 s)",
            "convoy    measures the convoy effect: the calls per second of a thread that makes"
                    + " short",
            "          blocking calls, alone and beside a CPU-bound thread, on both"
                    + " interpreters (about 25 s)",
            "",
            "Both run CPython (python3) too, and the course's root must be the current folder.",
            "",
            "  --out DIR      where the timelines go; default: " + DEFAULT_OUT
                    + ", the lesson's,",
            "                 which only a full run of the reference solution may replace",
            "  --redraw       draw the timelines again from the .csv logs in --out, without"
                    + " measuring",
            "  --classes DIR  the compiled module 2 to measure; default: the reference solution",
            "  --python CMD   the command that runs CPython 3; default: python3",
            "  --quick        a short run that checks the command works; its figures mean"
                    + " nothing",
            "  --help         this text");

    /**
     * Reads the command line.
     *
     * @param args the command's name, then its options
     * @return the options, or {@code null} if help was asked for
     * @throws BadOptionException if an argument is wrong
     */
    static PictureOptions parse(String... args) throws BadOptionException {
        List<String> left = new ArrayList<>(List.of(args));
        String command = left.remove(0);
        Path classes = Path.of(Options.SOLUTION);
        Path out = null;
        String python = "python3";
        boolean quick = false;
        boolean redraw = false;
        while (!left.isEmpty()) {
            String arg = left.remove(0);
            switch (arg) {
                case "--help":
                case "-h":
                    return null;
                case "--quick":
                    quick = true;
                    break;
                case "--redraw":
                    redraw = true;
                    break;
                case "--classes":
                    classes = Path.of(Options.value(arg, left));
                    break;
                case "--out":
                    out = Path.of(Options.value(arg, left));
                    break;
                case "--python":
                    python = Options.value(arg, left);
                    break;
                default:
                    throw new BadOptionException("Unknown option " + arg + " for " + command
                            + ". Run " + command + " --help to see its options.");
            }
        }
        if (!redraw) {
            requireMeasurable(command, classes, quick, out != null);
        }
        return new PictureOptions(command, classes, out == null ? Path.of(DEFAULT_OUT) : out,
                python, quick, redraw);
    }

    /** Checks what a measurement needs, and that it would not replace the lesson's timelines. */
    private static void requireMeasurable(String command, Path classes, boolean quick,
            boolean outGiven) throws BadOptionException {
        Options.requireGil(classes);
        if (!Files.isRegularFile(Path.of(CPython.SCRIPT))) {
            throw new BadOptionException("No CPython experiment at "
                    + Path.of(CPython.SCRIPT).toAbsolutePath() + ". Run this command from"
                    + " the repository's root.");
        }
        boolean lessons = !quick && classes.equals(Path.of(Options.SOLUTION));
        if (command.equals("timeline") && !outGiven && !lessons) {
            throw new BadOptionException("The timelines in " + DEFAULT_OUT + " are module 2's"
                    + " pictures: a full run of the reference solution. A run with --quick or"
                    + " --classes would replace them, so give it a folder of its own with --out"
                    + " DIR.");
        }
    }

    /**
     * The options as arguments again, to hand to the measuring JVM.
     *
     * @return the command's name, then its options
     */
    List<String> toArgs() {
        List<String> args = new ArrayList<>(List.of(command, "--classes", classes.toString(),
                "--out", out.toString(), "--python", python));
        if (quick) {
            args.add("--quick");
        }
        return args;
    }
}

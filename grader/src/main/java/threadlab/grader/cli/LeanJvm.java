package threadlab.grader.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Grading compiles every submission with javac, in the grader's own JVM. javac is a large
 * program, and the JVM's optimizing compiler (C2) spends more processor time compiling javac
 * than javac spends compiling a submission: about half of the grader's own time in a class of
 * twenty. So {@code grade} runs in a JVM with only the quick compiler (C1) and the serial
 * garbage collector, as the test JVMs do. When the grader was started without those flags, it
 * starts itself again with them and passes on its input, output and exit code.
 */
final class LeanJvm {

    /** Set in the JVM started with the flags, so that it does not start another. */
    static final String STARTED = "threadlab.grader.lean";

    /** The flags, as the test JVMs have them. */
    static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-XX:-UsePerfData");

    private LeanJvm() {
    }

    /**
     * Whether this command should run in a lean JVM that is not this one.
     *
     * @param args the command line
     * @return {@code true} for {@code grade}, unless this JVM already has the flags, was started
     *     for it, or is being debugged
     */
    static boolean wanted(String[] args) {
        return wanted(args, ManagementFactory.getRuntimeMXBean().getInputArguments(),
                Boolean.getBoolean(STARTED));
    }

    static boolean wanted(String[] args, List<String> jvmOptions, boolean started) {
        if (args.length == 0 || !args[0].equals("grade") || started) {
            return false;
        }
        return jvmOptions.stream().noneMatch(a -> a.startsWith("-XX:TieredStopAtLevel")
                || a.startsWith("-agentlib:jdwp") || a.startsWith("-Xdebug")
                || a.startsWith("-XX:+UseSerialGC"));
    }

    /**
     * Runs the command in a lean JVM and waits for it.
     *
     * @param args the command line
     * @return its exit code, or -1 if it could not be started (then run it here)
     */
    static int run(String[] args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(FLAGS);
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-D" + STARTED + "=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
        // Stopped from outside (not with Ctrl-C, which reaches both): stop the grading too, so
        // that its own clean-up runs.
        Thread stop = new Thread(process::destroy, "grader-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            int code = process.waitFor();
            Runtime.getRuntime().removeShutdownHook(stop);
            return code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            return 1;
        } catch (IllegalStateException e) {
            // The JVM is shutting down, and the hook stops the grading.
            return 1;
        }
    }
}

package threadlab.benchmarks.gil;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM that measures. The jar holds no GIL of its own: each command starts a second JVM with
 * the chosen module 2's classes on its class path.
 */
final class MeasuringJvm {

    private MeasuringJvm() {
    }

    /**
     * Runs a class's {@code main} in a second JVM that sees the given classes, with this JVM's
     * output.
     *
     * @param main the class to run
     * @param classes the compiled module 2
     * @param args its arguments
     * @return its exit code
     * @throws Exception if it cannot be started or the wait is interrupted
     */
    static int run(Class<?> main, Path classes, List<String> args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path") + File.pathSeparator
                + classes.toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(java, "-cp", classPath, main.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}

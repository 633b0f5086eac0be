package threadlab.watch;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * What the command line asks: the course folder, the module and task to test, and whether to run
 * once (for scripts and the build's own checks) or keep watching.
 *
 * @param root the folder that holds the exercise modules
 * @param module the module's number, or empty for every module
 * @param task the task's number, or empty for every task of the module
 * @param once true to test once and stop, with exit code 0 when every test passed
 * @param report where to write each test's outcome, one line each, or null for nowhere
 * @param testJvm the options of the JVM that runs the tests, as the build gives Surefire's
 */
public record Options(Path root, OptionalInt module, OptionalInt task, boolean once,
        Path report, List<String> testJvm) {

    /** How to run the command, for error messages. */
    static final String USAGE = "Run it from the course folder as ./mvnw -q -f watch"
            + " -Dmodule=3 -Dtask=2 (mvnw.cmd on Windows); -Dmodule and -Dtask are numbers, and"
            + " both may be left out to test every module or every task.";

    /**
     * Reads the arguments that watch/pom.xml passes, {@code --name=value} each; an empty value
     * counts as not given. {@code --test-jvm} holds the test JVM's options, separated by spaces.
     *
     * @param args the arguments
     * @return the options
     * @throws BadOptionException if an argument is unknown or not a number where one is needed
     */
    public static Options parse(String... args) throws BadOptionException {
        Path root = Path.of("");
        OptionalInt module = OptionalInt.empty();
        OptionalInt task = OptionalInt.empty();
        boolean once = false;
        Path report = null;
        List<String> testJvm = List.of();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            String value = equals < 0 ? "" : arg.substring(equals + 1).strip();
            switch (name) {
                case "--root" -> root = value.isEmpty() ? root : Path.of(value);
                case "--module" -> module = number("module", value);
                case "--task" -> task = number("task", value);
                case "--once" -> once = value.isEmpty() || Boolean.parseBoolean(value);
                case "--report" -> report = value.isEmpty() ? null : Path.of(value);
                case "--test-jvm" -> testJvm = value.isEmpty() ? List.of()
                        : List.of(value.split("\\s+"));
                default -> throw new BadOptionException("Unknown option " + arg + ". " + USAGE);
            }
        }
        return new Options(root.toAbsolutePath().normalize(), module, task, once, report,
                testJvm);
    }

    private static OptionalInt number(String name, String value) throws BadOptionException {
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return OptionalInt.of(n);
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new BadOptionException("-D" + name + "=" + value + " is not a " + name
                + " number: give 1 or more, as in -D" + name + "=2. " + USAGE);
    }
}

package threadlab.watch;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a student reads after a save: each task's tests, the failures with their messages, and a
 * last line that starts with {@value #PREFIX}, which scripts may look for.
 */
final class Verdict {

    /** How the last line of each verdict starts. */
    static final String PREFIX = "Verdict in ";
    /** The most lines of a failure's message shown: the first ones say what went wrong. */
    static final int MESSAGE_LINES = 15;

    private Verdict() {
    }

    /**
     * The verdict of a run of the tests.
     *
     * @param module the module tested
     * @param task the task tested, or empty for every task
     * @param outcomes how each test ended
     * @param took the time from the save to now
     * @param compiling how much of it compiling took
     * @param jvm what {@link #testJvm} says of the test JVM
     * @return the lines to print
     */
    static String tested(Exercise module, OptionalInt task, List<Outcome> outcomes,
            Duration took, Duration compiling, String jvm) {
        if (outcomes.isEmpty()) {
            return "No visible test of " + module.name() + " is tagged task:" + task.orElse(0)
                    + ". The tasks are numbered in its README.md; give one of them, as -Dtask=1,"
                    + " or leave -Dtask out to run every task.\n"
                    + last(took, module, task, "no test ran") + '\n';
        }
        Map<Integer, List<Outcome>> byTask = outcomes.stream().collect(Collectors.groupingBy(
                o -> o.task().orElse(0), TreeMap::new, Collectors.toList()));
        StringBuilder text = new StringBuilder();
        int done = 0;
        for (List<Outcome> tests : byTask.values()) {
            done += taskBlock(module, tests, text) ? 1 : 0;
        }
        String summary = task.isPresent() ? (done == 1 ? "done" : "not done")
                : done + " of " + byTask.size() + " tasks done";
        return text + last(took, module, task, summary) + String.format(Locale.ROOT,
                " (compiling %.2f s, testing %.2f s%s)%n", seconds(compiling),
                seconds(took.minus(compiling)), jvm);
    }

    /**
     * What the verdict says of the test JVM: the processor time of compiling and of the tests,
     * and that the JVM tested the last save too, or, when the save came while a new JVM still
     * warmed up, that it did, and how long after a verdict a new JVM is warm.
     *
     * @param compiling the processor time of compiling
     * @param run what the test JVM said of the run, or null if it ended before it said
     * @param warmAfter how long after its start the last JVM that warmed up was warm, or null
     * @return the words, to follow the times
     */
    static String testJvm(Duration compiling, TestJvm.Run run, Duration warmAfter) {
        if (run == null) {
            return "";
        }
        String cold = run.saves() > 0 ? "; the test JVM of the last save"
                : run.warmAfter() != null ? "" : "; the test JVM was still warming up"
                + (warmAfter == null ? "" : String.format(Locale.ROOT, ", as it does for %.1f s"
                + " after a verdict", seconds(warmAfter)));
        return String.format(Locale.ROOT, "; processor time: compiling %.2f s, testing %.2f s%s",
                seconds(compiling), seconds(run.processor()), cold);
    }

    /**
     * The verdict when the sources do not compile.
     *
     * @param module the module tested
     * @param task the task tested, or empty for every task
     * @param errors javac's errors
     * @param took the time from the save to now
     * @return the lines to print
     */
    static String doesNotCompile(Exercise module, OptionalInt task, String errors,
            Duration took) {
        return "The code does not compile; no test ran. Fix the first error first:\n" + errors
                + last(took, module, task, "does not compile") + '\n';
    }

    /** Appends a task's lines; true when every test of it passed. */
    private static boolean taskBlock(Exercise module, List<Outcome> tests,
            StringBuilder text) {
        long passed = tests.stream().filter(t -> t.status() != Outcome.Status.FAILED).count();
        boolean done = passed == tests.size();
        Outcome first = tests.get(0);
        text.append(first.taskTitle().isEmpty() ? "Tests without a task" : first.taskTitle())
                .append(": ").append(done ? "done" : "NOT DONE").append(", ").append(passed)
                .append(" of ").append(tests.size()).append(" tests pass\n");
        for (Outcome test : tests) {
            if (test.status() == Outcome.Status.FAILED) {
                text.append("  FAIL ").append(test.displayName()).append('\n');
                message(test.message(), mavenCommand(module, test.task()), text);
            }
        }
        return done;
    }

    private static void message(String message, String command, StringBuilder text) {
        List<String> lines = message.lines().toList();
        for (String line : lines.subList(0, Math.min(lines.size(), MESSAGE_LINES))) {
            text.append("       ").append(line).append('\n');
        }
        if (lines.size() > MESSAGE_LINES) {
            text.append("       (").append(lines.size() - MESSAGE_LINES)
                    .append(" more lines: ").append(command).append(" shows them all)\n");
        }
    }

    private static String mavenCommand(Exercise module, OptionalInt task) {
        return "./mvnw -pl " + module.name() + " -am test -Dsurefire.failIfNoSpecifiedTests=false"
                + task.stream().mapToObj(n -> " -Dgroups=task:" + n).collect(Collectors.joining());
    }

    private static String last(Duration took, Exercise module, OptionalInt task,
            String summary) {
        String which = "module " + module.number()
                + (task.isPresent() ? ", task " + task.getAsInt() : "");
        return String.format(Locale.ROOT, "%s%.2f s: %s: %s.", PREFIX, seconds(took), which,
                summary);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}

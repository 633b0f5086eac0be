package threadlab.watch;

import java.util.List;
import java.util.OptionalInt;

/**
 * How one visible test ended.
 *
 * @param className the test class's name, as {@code threadlab.threads.SleeperTests}
 * @param method the test method's name
 * @param displayName what the test says it checks
 * @param taskTitle the test class's display name, as {@code Task 1: the sleeper}
 * @param task the task it belongs to, from its {@code task:N} tag, or empty
 * @param status how it ended
 * @param message why it failed, or empty
 */
public record Outcome(String className, String method, String displayName, String taskTitle,
        OptionalInt task, Status status, String message) {

    /** How a test ended, in Maven Surefire's terms. */
    public enum Status {
        /** It passed. */
        PASSED,
        /** An assertion failed or it threw. */
        FAILED,
        /** It was skipped: disabled, or an assumption did not hold. */
        SKIPPED
    }

    /**
     * The test's key, as Surefire's reports name it: class and method.
     *
     * @return {@code className#method}
     */
    public String key() {
        return className + "#" + method;
    }

    /**
     * The outcome as one line, as the test JVM hands it to the watch.
     *
     * @return the line
     */
    String line() {
        return Fields.join(List.of(className, method, displayName, taskTitle,
                task.isPresent() ? String.valueOf(task.getAsInt()) : "", status.name(), message));
    }

    /**
     * Reads an outcome back from its line.
     *
     * @param line what {@link #line()} made
     * @return the outcome
     * @throws IllegalArgumentException if the line is not an outcome's
     */
    static Outcome ofLine(String line) {
        List<String> f = Fields.split(line);
        if (f.size() != 7) {
            throw new IllegalArgumentException("not an outcome's line: " + line);
        }
        OptionalInt task = f.get(4).isEmpty() ? OptionalInt.empty()
                : OptionalInt.of(Integer.parseInt(f.get(4)));
        return new Outcome(f.get(0), f.get(1), f.get(2), f.get(3), task,
                Status.valueOf(f.get(5)), f.get(6));
    }
}

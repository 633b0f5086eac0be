package threadlab.watch;

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
}

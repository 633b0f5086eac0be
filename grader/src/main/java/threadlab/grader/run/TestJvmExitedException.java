package threadlab.grader.run;

import threadlab.grader.failure.GradingFailure;

/** The test JVM ended while a test ran: the submission called System.exit, or crashed it. */
public final class TestJvmExitedException extends GradingFailure {

    private static final long serialVersionUID = 1L;

    /**
     * A test during which the JVM ended.
     *
     * @param exitCode the JVM's exit code
     * @param log the last lines the JVM wrote, or an empty string
     */
    public TestJvmExitedException(int exitCode, String log) {
        super("Expected this test to finish and report, but the Java virtual machine running it"
                + " ended (exit code " + exitCode + "). Does your code call System.exit() or"
                + " Runtime.halt()? A program's threads should end by returning."
                + (log.isBlank() ? "" : "\nThe JVM's last words:\n" + log));
    }
}

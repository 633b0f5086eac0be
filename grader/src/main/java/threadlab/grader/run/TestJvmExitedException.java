package threadlab.grader.run;

import java.util.List;
import threadlab.grader.protocol.Verdict;

/** The test JVM ended while a test ran: the submission called System.exit, or crashed it. */
public final class TestJvmExitedException extends VerdictFailure {

    private static final long serialVersionUID = 1L;

    /**
     * A test during which the JVM ended.
     *
     * @param exitCode the JVM's exit code
     * @param log the last lines the JVM wrote, or an empty string
     */
    public TestJvmExitedException(int exitCode, String log) {
        super(new Verdict(Verdict.Kind.JVM_EXITED, "this test to finish and report", "the Java"
                + " virtual machine running it ended (exit code " + exitCode + ").", "your code"
                + " calls System.exit() or Runtime.halt(); a program's threads should end by"
                + " returning", List.of(), null, log.isBlank() ? ""
                        : "The JVM's last words:\n" + log));
    }
}

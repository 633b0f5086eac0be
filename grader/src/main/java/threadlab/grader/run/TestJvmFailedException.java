package threadlab.grader.run;

import java.util.List;
import threadlab.grader.protocol.Verdict;

/** The test JVM could not run the tests at all. */
public final class TestJvmFailedException extends VerdictFailure {

    private static final long serialVersionUID = 1L;

    /**
     * A JVM that ended before running any test.
     *
     * @param exitCode the JVM's exit code
     * @param log what it wrote
     */
    public TestJvmFailedException(int exitCode, String log) {
        super(new Verdict(Verdict.Kind.JVM_EXITED, "", "The Java virtual machine for the tests"
                + " ended (exit code " + exitCode + ") before it ran a test, so no test could"
                + " run.", "", List.of(), null, log.isBlank() ? "" : "It said:\n" + log));
    }
}

package threadlab.grader.run;

import java.util.List;
import java.util.Map;

/**
 * What running a submission's hidden tests gave.
 *
 * @param outcomes an outcome for every test, by JUnit id, in the order the tests were given
 * @param notes what the report should mention besides the tests, such as threads left running
 * @param jvms how many test JVMs it took (more than one when a test ended or hung its JVM)
 */
public record TestRun(Map<String, TestOutcome> outcomes, List<String> notes, int jvms) {

    /** A run. */
    public TestRun {
        outcomes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outcomes));
        notes = List.copyOf(notes);
    }
}

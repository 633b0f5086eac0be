package threadlab.grader.run;

import java.util.List;
import java.util.Map;

/**
 * What running a submission's hidden tests gave.
 *
 * @param outcomes an outcome for every test, by JUnit id, in the order the tests were given
 * @param notes what the report should mention besides the tests, such as threads left running
 * @param jvms how many test JVMs it took (more than one when a test ended or hung its JVM)
 * @param cpuMillis the processor time its test JVMs used, all threads together, or -1 when a
 *     test JVM ended before it could tell (it died, or was stopped at a time limit)
 */
public record TestRun(Map<String, TestOutcome> outcomes, List<String> notes, int jvms,
        long cpuMillis) {

    /** A run. */
    public TestRun {
        outcomes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outcomes));
        notes = List.copyOf(notes);
    }
}

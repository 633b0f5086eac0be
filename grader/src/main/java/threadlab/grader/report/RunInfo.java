package threadlab.grader.report;

import java.util.List;
import threadlab.grader.run.Limits;

/**
 * What reproduces a run's grades: the grader and JDK, the machine, the limits and the options of
 * every test JVM, and how long it took.
 *
 * @param graderVersion the grader's version
 * @param javaVersion the JDK's version
 * @param javaVendor the JDK's vendor
 * @param os the operating system and architecture
 * @param cores the processors the JVM saw
 * @param jobs how many submissions were graded at once
 * @param limits the limits of each submission
 * @param testJvmOptions the options of each test JVM
 * @param classDataSharing whether test JVMs shared a class-data archive, and how it went
 * @param sandbox whether test JVMs ran in the operating-system sandbox, and how, or why not
 * @param startedAt when the run began, in UTC (ISO 8601)
 * @param millis how long it took
 */
public record RunInfo(String graderVersion, String javaVersion, String javaVendor, String os,
        int cores, int jobs, Limits limits, List<String> testJvmOptions, String classDataSharing,
        String sandbox, String startedAt, long millis) {

    /** Run information. */
    public RunInfo {
        testJvmOptions = List.copyOf(testJvmOptions);
    }

    /**
     * The facts of this JVM and machine, for a run.
     *
     * @param graderVersion the grader's version
     * @param jobs submissions graded at once
     * @param limits the limits
     * @param testJvmOptions the test JVMs' options
     * @param classDataSharing how the class-data archive went
     * @param sandbox the sandbox's state
     * @param startedAt when the run began
     * @param millis how long it took
     * @return the information
     */
    public static RunInfo here(String graderVersion, int jobs, Limits limits,
            List<String> testJvmOptions, String classDataSharing, String sandbox,
            String startedAt, long millis) {
        return new RunInfo(graderVersion, Runtime.version().toString(),
                System.getProperty("java.vendor"), System.getProperty("os.name") + " "
                + System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                jobs, limits, testJvmOptions, classDataSharing, sandbox, startedAt, millis);
    }
}

package threadlab.grader.run;

/**
 * A line the submission printed while a hidden test ran, or while its test class set up a run
 * that its tests share.
 *
 * @param micros when, in microseconds since the test JVM began
 * @param thread the name of the thread that printed it
 * @param channel where it went: {@code out} (the stream the test handed over),
 *     {@code System.out}, {@code System.err} or {@code sleep} (what a test's sleep did)
 * @param text the line
 * @param shared whether it was printed while the test class set up, for all of its tests
 */
public record OutputLine(long micros, String thread, String channel, String text,
        boolean shared) {
}

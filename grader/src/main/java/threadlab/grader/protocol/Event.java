package threadlab.grader.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a test JVM tells the grader, one JSON line at a time, each behind the run's secret so
 * that a submission that prints look-alike lines cannot fake a result ({@link Protocol}).
 *
 * @param type {@code started} (a test or a test class), {@code finished} (a test), {@code ended}
 *     (a test class), {@code line} (a line printed while a test or test class ran),
 *     {@code dropped} (lines past the cap), {@code stuck} (where the submission was as a test
 *     neared its time limit), {@code threads} (the submission started too many threads),
 *     {@code leftover} (threads still running after the last test) or {@code done}
 * @param id the JUnit id of the test or test class
 * @param passed for {@code finished}: whether it passed
 * @param feedback for {@code stuck} and {@code leftover}: what the grader saw
 * @param verdict for {@code finished}: why the test failed, in fields, or
 *     {@link Verdict#PASSED}
 * @param millis for {@code finished}: how long it ran; for {@code done}: the processor time
 *     the test JVM used, when the JVM can tell
 * @param micros for {@code line}: when, in microseconds since the test JVM began
 * @param thread for {@code line}: the thread that printed it
 * @param channel for {@code line}: where it was printed
 * @param text for {@code line}: the line
 * @param count for {@code dropped}: how many lines; for {@code threads}: how many threads
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Event(String type, String id, Boolean passed, String feedback, Verdict verdict,
        Long millis, Long micros, String thread, String channel, String text, Integer count) {

    /** A kind of event. */
    public static final String STARTED = "started";
    /** A kind of event. */
    public static final String FINISHED = "finished";
    /** A kind of event. */
    public static final String ENDED = "ended";
    /** A kind of event. */
    public static final String LINE = "line";
    /** A kind of event. */
    public static final String DROPPED = "dropped";
    /** A kind of event. */
    public static final String STUCK = "stuck";
    /** A kind of event. */
    public static final String THREADS = "threads";
    /** A kind of event. */
    public static final String LEFTOVER = "leftover";
    /** A kind of event. */
    public static final String DONE = "done";

    /**
     * A {@code started} event.
     *
     * @return the event
     */
    public static Event started(String id) {
        return new Event(STARTED, id, null, null, null, null, null, null, null, null, null);
    }

    /**
     * A {@code finished} event.
     *
     * @return the event
     */
    public static Event finished(String id, Verdict verdict, long millis) {
        return new Event(FINISHED, id, verdict.passed(), null, verdict, millis, null, null, null,
                null, null);
    }

    /**
     * A {@code ended} event.
     *
     * @return the event
     */
    public static Event ended(String id) {
        return new Event(ENDED, id, null, null, null, null, null, null, null, null, null);
    }

    /**
     * A {@code line} event.
     *
     * @return the event
     */
    public static Event line(String id, long micros, String thread, String channel, String text) {
        return new Event(LINE, id, null, null, null, null, micros, thread, channel, text, null);
    }

    /**
     * A {@code dropped} event.
     *
     * @return the event
     */
    public static Event dropped(String id, int count) {
        return new Event(DROPPED, id, null, null, null, null, null, null, null, null, count);
    }

    /**
     * A {@code stuck} event.
     *
     * @return the event
     */
    public static Event stuck(String id, String diagnosis) {
        return new Event(STUCK, id, null, diagnosis, null, null, null, null, null, null, null);
    }

    /**
     * A {@code threads} event.
     *
     * @return the event
     */
    public static Event threads(int count) {
        return new Event(THREADS, null, null, null, null, null, null, null, null, null, count);
    }

    /**
     * A {@code leftover} event.
     *
     * @return the event
     */
    public static Event leftover(String description) {
        return new Event(LEFTOVER, null, null, description, null, null, null, null, null, null,
                null);
    }

    /**
     * A {@code done} event.
     *
     * @return the event
     */
    public static Event done(Long cpuMillis) {
        return new Event(DONE, null, null, null, null, cpuMillis, null, null, null, null, null);
    }
}

package threadlab.grader.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * What a test JVM tells the grader, one JSON line at a time, each behind the run's secret so
 * that a submission that prints look-alike lines cannot fake a result.
 *
 * @param type {@code started} (a test or a test class), {@code finished} (a test), {@code ended}
 *     (a test class) or {@code done}
 * @param id the JUnit id of the test or test class
 * @param passed for {@code finished}: whether it passed
 * @param feedback for {@code finished}: the student's feedback
 * @param millis for {@code finished}: how long it ran
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Event(String type, String id, Boolean passed, String feedback, Long millis) {

    static final String STARTED = "started";
    static final String FINISHED = "finished";
    static final String ENDED = "ended";
    static final String DONE = "done";

    private static final ObjectMapper JSON = new ObjectMapper();

    static Event started(String id) {
        return new Event(STARTED, id, null, null, null);
    }

    static Event finished(String id, boolean passed, String feedback, long millis) {
        return new Event(FINISHED, id, passed, feedback, millis);
    }

    static Event ended(String id) {
        return new Event(ENDED, id, null, null, null);
    }

    static Event done() {
        return new Event(DONE, null, null, null, null);
    }

    String toLine(String secret) {
        try {
            return secret + " " + JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Optional<Event> fromLine(String secret, String line) {
        if (!line.startsWith(secret + " ")) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(line.substring(secret.length() + 1), Event.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}

package threadlab.grader.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * How events travel from a test JVM to the grader over the test JVM's standard output, which the
 * submission can write to as well.
 *
 * <p>Each event is a line: the run's secret, a space, the event as JSON. The submission never
 * sees the secret, so it cannot forge an event. Every line goes out in one write of at most
 * {@link #ATOMIC_BYTES} bytes, which a pipe delivers whole even while other threads write to the
 * same pipe, and starts with a line break, so that half a line the submission left unfinished
 * cannot swallow it. An event too long for one line goes as numbered parts, Base64-encoded.
 */
public final class Protocol {

    /**
     * The main class of a test JVM, named here so that the grader starts it without depending on
     * code that runs beside the submission.
     */
    public static final String TEST_JVM_MAIN_CLASS = "threadlab.grader.testjvm.TestJvm";

    /** Pipes deliver a write of up to 4096 bytes whole (POSIX PIPE_BUF); stay well below. */
    public static final int ATOMIC_BYTES = 3_600;
    /** The longest event the grader accepts, in bytes of JSON. */
    public static final int MAX_EVENT_BYTES = 4 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PART = "part ";
    private static final String LAST = "last ";
    private static final int PART_BYTES = 2_400;

    private Protocol() {
    }

    /**
     * The writes that send an event: one, or several parts for a long event.
     *
     * @param secret the run's secret
     * @param event the event
     * @return each write's bytes, each at most {@link #ATOMIC_BYTES} long
     */
    public static List<byte[]> encode(String secret, Event event) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        byte[] head = ("\n" + secret + " ").getBytes(StandardCharsets.US_ASCII);
        List<byte[]> writes = new ArrayList<>();
        if (head.length + json.length + 1 <= ATOMIC_BYTES) {
            writes.add(concat(head, json));
            return writes;
        }
        for (int from = 0; from < json.length; from += PART_BYTES) {
            int to = Math.min(json.length, from + PART_BYTES);
            byte[] chunk = java.util.Arrays.copyOfRange(json, from, to);
            String kind = to == json.length ? LAST : PART;
            writes.add(concat(head, (kind + Base64.getEncoder().encodeToString(chunk))
                    .getBytes(StandardCharsets.US_ASCII)));
        }
        return writes;
    }

    private static byte[] concat(byte[] head, byte[] body) {
        byte[] line = new byte[head.length + body.length + 1];
        System.arraycopy(head, 0, line, 0, head.length);
        System.arraycopy(body, 0, line, head.length, body.length);
        line[line.length - 1] = '\n';
        return line;
    }

    /** Reads events back from lines, putting parts together; ignores every other line. */
    public static final class Decoder {

        private final String prefix;
        private final ByteArrayOutputStream parts = new ByteArrayOutputStream();

        /**
         * A decoder for one run.
         *
         * @param secret the run's secret
         */
        public Decoder(String secret) {
            this.prefix = secret + " ";
        }

        /**
         * Reads one line.
         *
         * @param line a line of the test JVM's standard output
         * @return the event it completes, if any
         */
        public Optional<Event> accept(String line) {
            if (!line.startsWith(prefix)) {
                return Optional.empty();
            }
            String body = line.substring(prefix.length());
            try {
                if (body.startsWith(PART) || body.startsWith(LAST)) {
                    byte[] chunk = Base64.getDecoder().decode(body.substring(PART.length()));
                    if (parts.size() + chunk.length > MAX_EVENT_BYTES) {
                        parts.reset();
                        return Optional.empty();
                    }
                    parts.writeBytes(chunk);
                    if (body.startsWith(PART)) {
                        return Optional.empty();
                    }
                    byte[] json = parts.toByteArray();
                    parts.reset();
                    return Optional.of(JSON.readValue(json, Event.class));
                }
                return Optional.of(JSON.readValue(body, Event.class));
            } catch (java.io.IOException | IllegalArgumentException e) {
                parts.reset();
                return Optional.empty();
            }
        }
    }
}

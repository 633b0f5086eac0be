package threadlab.grader.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import threadlab.grader.protocol.Event;
import threadlab.grader.protocol.Protocol;
import threadlab.grader.protocol.Verdict;

class ProtocolTests {

    private static List<Event> decode(String secret, byte[] stream) throws Exception {
        LineReader reader = new LineReader(new ByteArrayInputStream(stream),
                TestJvmRunner.MAX_LINE);
        Protocol.Decoder decoder = new Protocol.Decoder(secret);
        List<Event> events = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            decoder.accept(line).ifPresent(events::add);
        }
        return events;
    }

    @Test
    @DisplayName("an event survives the trip through a line, its verdict field by field")
    void roundTrip() throws Exception {
        Verdict verdict = new Verdict(Verdict.Kind.TIMED_OUT, "a", "b", "c", List.of("R3.4"),
                new Verdict.Limit("60 s", "the time of one test"), "where:\n  at X.y(X.java:1)");
        Event sent = Event.finished("[engine:x]/[method:y()]", verdict, 12);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] write : Protocol.encode("s3cret", sent)) {
            out.write(write);
        }

        assertThat(decode("s3cret", out.toByteArray())).containsExactly(sent);
    }

    @Test
    @DisplayName("a line without the run's secret is not an event, however it looks")
    void lookAlikesAreIgnored() {
        byte[] forged = Protocol.encode("guess", Event.done(1234L)).get(0);
        Protocol.Decoder decoder = new Protocol.Decoder("s3cret");

        assertThat(decoder.accept(new String(forged, StandardCharsets.UTF_8).strip())).isEmpty();
        assertThat(decoder.accept("{\"type\":\"done\"}")).isEmpty();
        assertThat(decoder.accept("s3cret not json")).isEmpty();
    }

    @Test
    @DisplayName("a long event goes in parts, each small enough for one whole write to a pipe")
    void longEventsGoInParts() throws Exception {
        Verdict verdict = Verdict.check("a", "b", "c", "é".repeat(20_000));
        Event sent = Event.finished("[engine:x]/[method:y()]", verdict, 3);
        List<byte[]> writes = Protocol.encode("s3cret", sent);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] write : writes) {
            // Half a line the submission never finished, between the parts.
            out.write("flood without an end of line".getBytes(StandardCharsets.UTF_8));
            out.write(write);
        }

        assertThat(writes).hasSizeGreaterThan(1)
                .allSatisfy(w -> assertThat(w.length).isLessThanOrEqualTo(
                        Protocol.ATOMIC_BYTES));
        assertThat(decode("s3cret", out.toByteArray())).containsExactly(sent);
    }

    @Test
    @DisplayName("a line with no end costs the reader a bounded amount of memory")
    void endlessLinesAreCut() throws Exception {
        byte[] flood = new byte[5_000_000];
        java.util.Arrays.fill(flood, (byte) 'x');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(flood);
        out.write(Protocol.encode("s3cret", Event.done(1234L)).get(0));
        LineReader reader = new LineReader(new ByteArrayInputStream(out.toByteArray()), 1000);

        assertThat(reader.readLine()).hasSize(1000);
        Optional<Event> done = new Protocol.Decoder("s3cret").accept(reader.readLine());
        assertThat(done).contains(Event.done(1234L));
        assertThat(reader.readLine()).isNull();
    }

    @Test
    @DisplayName("a passed test's event carries the verdict PASSED and nothing else")
    void passedEvents() throws Exception {
        Event sent = Event.finished("[engine:x]/[method:y()]", Verdict.PASSED, 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] write : Protocol.encode("s3cret", sent)) {
            out.write(write);
        }

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("\"passed\":true,\"verdict\":{\"kind\":\"PASSED\"}");
        assertThat(decode("s3cret", out.toByteArray())).containsExactly(sent);
    }

    @Test
    @DisplayName("a verdict of a kind the grader does not know is no event")
    void unknownKindsAreNoEvent() {
        Protocol.Decoder decoder = new Protocol.Decoder("s3cret");

        assertThat(decoder.accept("s3cret {\"type\":\"finished\",\"id\":\"[t:a]\","
                + "\"passed\":false,\"verdict\":{\"kind\":\"FULL_MARKS\"}}")).isEmpty();
    }
}

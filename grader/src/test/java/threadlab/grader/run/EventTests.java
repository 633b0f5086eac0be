package threadlab.grader.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EventTests {

    @Test
    @DisplayName("an event survives the trip through a line")
    void roundTrip() {
        Event sent = Event.finished("[engine:x]/[method:y()]", false, "Expected: a\nBut: b", 12);

        assertThat(Event.fromLine("s3cret", sent.toLine("s3cret"))).contains(sent);
    }

    @Test
    @DisplayName("a line without the run's secret is not an event, however it looks")
    void lookAlikesAreIgnored() {
        String forged = Event.done().toLine("guess");

        assertThat(Event.fromLine("s3cret", forged)).isEmpty();
        assertThat(Event.fromLine("s3cret", "{\"type\":\"done\"}")).isEmpty();
        assertThat(Event.fromLine("s3cret", "s3cret not json")).isEmpty();
    }
}

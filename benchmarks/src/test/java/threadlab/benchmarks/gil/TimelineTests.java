package threadlab.benchmarks.gil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Reading, checking and drawing a timeline log. */
class TimelineTests {

    private static final String LOG = String.join("\n",
            Timeline.FIRST_LINE,
            "# interpreter: Test GIL",
            "# switch interval ms: 5",
            "0\tcpu-1\twait",
            "0\tcpu-2\twait",
            "10\tcpu-1\thold",
            "5000\tcpu-1\trequest",
            "5000\tcpu-1\twait",
            "5100\tcpu-2\thold",
            "9000\tcpu-2\tsleep",
            "9050\tcpu-1\thold",
            "11000\tcpu-2\twait",
            "12000\tcpu-1\tend",
            "12100\tcpu-2\thold",
            "12500\tcpu-2\tend",
            "");

    @Test
    @DisplayName("a log reads back as it was written, header and events")
    void aLogReadsBackAsWritten() throws TimelineException {
        Timeline timeline = Timeline.parse(LOG);

        assertThat(timeline.format()).isEqualTo(LOG);
        assertThat(timeline.fact("interpreter")).isEqualTo("Test GIL");
        assertThat(timeline.fact("machine")).isEqualTo("unknown");
        assertThat(timeline.threads()).containsExactly("cpu-1", "cpu-2");
        assertThat(timeline.length()).isEqualTo(12_500);
    }

    @Test
    @DisplayName("each state lasts from its event to the thread's next one, and ends at end")
    void segmentsRunFromEventToEvent() throws TimelineException {
        Timeline timeline = Timeline.parse(LOG);

        assertThat(timeline.segments("cpu-2")).containsExactly(
                new Timeline.Segment("cpu-2", Timeline.Kind.WAIT, 0, 5100),
                new Timeline.Segment("cpu-2", Timeline.Kind.HOLD, 5100, 9000),
                new Timeline.Segment("cpu-2", Timeline.Kind.SLEEP, 9000, 11_000),
                new Timeline.Segment("cpu-2", Timeline.Kind.WAIT, 11_000, 12_100),
                new Timeline.Segment("cpu-2", Timeline.Kind.HOLD, 12_100, 12_500));
        assertThat(timeline.marks("cpu-1", Timeline.Kind.REQUEST)).containsExactly(5000L);
    }

    @Test
    @DisplayName("a log in which two threads hold the GIL at once is refused, naming both")
    void twoHoldersAreRefused() {
        String overlapping = LOG.replace("5100\tcpu-2\thold", "4000\tcpu-2\thold");

        assertThatThrownBy(() -> Timeline.parse(overlapping))
                .isInstanceOf(TimelineException.class)
                .hasMessageContaining("cpu-1 and cpu-2 both held the GIL at 4000 ns")
                .hasMessageContaining("Measure again");
    }

    @Test
    @DisplayName("a line that is not an event names its number and the expected form")
    void aBadLineIsNamed() {
        assertThatThrownBy(() -> Timeline.parse(LOG.replace("5000\tcpu-1\trequest",
                "5000\tcpu-1\tnap"))).isInstanceOf(TimelineException.class)
                .hasMessageContaining("Line 7 cannot be read: \"5000\tcpu-1\tnap\"")
                .hasMessageContaining("hold, wait, sleep, request and end");
        assertThatThrownBy(() -> Timeline.parse(LOG.replace("10\tcpu-1\thold", "10 cpu-1")))
                .hasMessageContaining("Line 6 has 1 fields, not 3");
    }

    @Test
    @DisplayName("the drawing has a lane per thread, a bar per state and the log's hash")
    void theDrawingShowsEachState() throws TimelineException {
        byte[] log = LOG.getBytes(StandardCharsets.UTF_8);

        String svg = TimelineSvg.draw(log, "test.tsv");

        assertThat(svg).startsWith("<svg xmlns=\"" + TimelineSvg.NAMESPACE + "\"")
                .contains("data-sha256=\"" + TimelineSvg.sha256(log) + "\"")
                .contains(">cpu-1</text>", ">cpu-2</text>", "Test GIL: who holds the GIL",
                        "time since the start, ms", "holds the GIL", "waits for the GIL")
                .contains("data-state=\"sleep\" data-from-ns=\"9000\" data-to-ns=\"11000\"")
                .contains("data-state=\"request\" data-at-ns=\"5000\"");
        assertThat(count(svg, "data-state=\"hold\"")).isEqualTo(4);
        assertThat(TimelineSvg.draw(log, "test.tsv")).as("the same log, the same drawing")
                .isEqualTo(svg);
    }

    @Test
    @DisplayName("the time axis has at most 15 ticks, a round number of ms apart")
    void ticksAreRound() {
        assertThat(List.of(TimelineSvg.tickMillis(1_000_000), TimelineSvg.tickMillis(20_000_000),
                TimelineSvg.tickMillis(60_000_000), TimelineSvg.tickMillis(150_000_000)))
                .containsExactly(1L, 2L, 5L, 20L);
    }

    @Test
    @DisplayName("the figures give each thread's turns and the sleeper's waits after a sleep")
    void figuresSumTheTurns() throws TimelineException {
        StringBuilder inMicroseconds = new StringBuilder();
        for (String line : LOG.split("\n")) {
            inMicroseconds.append(line.matches("\\d+\t.*") ? line.replaceFirst("\t", "000\t")
                    : line).append('\n');
        }

        String figures = TimelineFigures.of(Timeline.parse(inMicroseconds.toString()));

        assertThat(figures).contains("cpu-1    held the GIL 7.94 ms in 2 turn(s), median turn"
                + " 2.95 ms\n").contains("cpu-2    held the GIL 4.30 ms in 2 turn(s), median"
                + " turn 0.40 ms; after a sleep it waited 1.10 to 1.10 ms for the GIL, median"
                + " 1.10 ms\n").contains("drop requests seen by a holder: 1");
        assertThat(TimelineFigures.of(Timeline.parse(LOG.replace("# switch",
                "# drop requests: not visible from Python\n# switch"))))
                .contains("drop requests: not visible from Python");
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}

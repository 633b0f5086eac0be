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
            Timeline.COLUMNS,
            "0,cpu-1,wait",
            "0,cpu-2,wait",
            "10,cpu-1,hold",
            "5000,cpu-1,request",
            "5000,cpu-1,wait",
            "5100,cpu-2,hold",
            "9000,cpu-2,sleep",
            "9050,cpu-1,hold",
            "11000,cpu-2,wait",
            "12000,cpu-1,end",
            "12100,cpu-2,hold",
            "12500,cpu-2,end",
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
        String overlapping = LOG.replace("5100,cpu-2,hold", "4000,cpu-2,hold");

        assertThatThrownBy(() -> Timeline.parse(overlapping))
                .isInstanceOf(TimelineException.class)
                .hasMessageContaining("cpu-1 and cpu-2 both held the GIL at 4000 ns")
                .hasMessageContaining("Measure again");
    }

    @Test
    @DisplayName("a line that is not an event names its number and the expected form")
    void aBadLineIsNamed() {
        assertThatThrownBy(() -> Timeline.parse(LOG.replace("5000,cpu-1,request",
                "5000,cpu-1,nap"))).isInstanceOf(TimelineException.class)
                .hasMessageContaining("Line 8 cannot be read: \"5000,cpu-1,nap\"")
                .hasMessageContaining("hold, wait, sleep, request and end");
        assertThatThrownBy(() -> Timeline.parse(LOG.replace("10,cpu-1,hold", "10 cpu-1")))
                .hasMessageContaining("Line 7 has 1 fields, not 3");
    }

    @Test
    @DisplayName("the drawing has a lane per thread, a bar per state and the log's hash")
    void theDrawingShowsEachState() throws TimelineException {
        byte[] log = LOG.getBytes(StandardCharsets.UTF_8);

        String svg = TimelineSvg.draw(log, "test.csv");

        assertThat(svg).startsWith("<svg xmlns=\"" + TimelineSvg.NAMESPACE + "\"")
                .contains("data-sha256=\"" + TimelineSvg.sha256(log) + "\"")
                .contains(">cpu-1</text>", ">cpu-2</text>", ">Test GIL</text>",
                        "Who holds the GIL; switch interval 5 ms", "time since the start, ms",
                        "holds the GIL", "waits for the GIL", "<desc>Who holds the GIL in a run")
                .contains("data-state=\"sleep\" data-from-ns=\"9000\" data-to-ns=\"11000\"")
                .contains("data-state=\"request\" data-at-ns=\"5000\"");
        assertThat(count(svg, "data-state=\"hold\"")).isEqualTo(4);
        assertThat(TimelineSvg.draw(log, "test.csv")).as("the same log, the same drawing")
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
    @DisplayName("the figures count hand-overs, and give the median turn and the sleeper's wait")
    void figuresSumTheTurns() throws TimelineException {
        StringBuilder inMicroseconds = new StringBuilder();
        for (String line : LOG.split("\n")) {
            inMicroseconds.append(line.matches("\\d+,.*") ? line.replaceFirst(",", "000,")
                    : line).append('\n');
        }
        Timeline fromJava = Timeline.parse(inMicroseconds.toString());
        Timeline fromPython = Timeline.parse(inMicroseconds.toString().replace("# switch",
                "# drop requests: not visible from Python\n# switch")
                .replace("Test GIL", "Test Python"));

        String table = TimelineFigures.table(List.of(fromJava, fromPython));

        assertThat(table).isEqualTo(String.join("\n",
                "| Figure | Test GIL | Test Python |",
                "|---|---|---|",
                "| hand-overs | 3 in 12.50 ms: 240/s | 3 in 12.50 ms: 240/s |",
                "| CPU-bound turn: median (count) | 4.99 ms (1) | 4.99 ms (1) |",
                "| sleeper's wait: median (range, count) | 1.10 ms (1.10-1.10, 1)"
                        + " | 1.10 ms (1.10-1.10, 1) |",
                "| load average | unknown | unknown |",
                ""));
    }

    @Test
    @DisplayName("a thread that takes the GIL back from itself is no hand-over")
    void aTurnBackIsNoHandOver() throws TimelineException {
        Timeline timeline = Timeline.parse(LOG.replace("5100,cpu-2,hold", "5100,cpu-1,hold")
                .replace("9000,cpu-2,sleep", "9000,cpu-1,wait").replace("11000,cpu-2,wait",
                "11000,cpu-2,sleep"));

        assertThat(TimelineFigures.handOvers(timeline)).isEqualTo(1);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}

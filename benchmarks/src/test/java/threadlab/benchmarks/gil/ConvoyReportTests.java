package threadlab.benchmarks.gil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Reading CPython's convoy figures and printing both interpreters side by side. */
class ConvoyReportTests {

    private static final String CPYTHON = String.join("\n",
            "# CPython 3.11.7",
            "5\talone\t3000\t0.500000",
            "5\tbeside\t95\t0.500000",
            "1\talone\t3000\t0.500000",
            "1\tbeside\t400\t0.500000",
            "");

    @Test
    @DisplayName("CPython's rows are read in order, with the interpreter's version")
    void readsCPythonsRows() throws TimelineException {
        ConvoyReport.Column column = ConvoyReport.cpython(CPYTHON);

        assertThat(column.name()).isEqualTo("CPython 3.11.7");
        assertThat(column.rows()).containsExactly(
                new ConvoyExperiment.Row(5, new ConvoyExperiment.Rate(3000, 500_000_000),
                        new ConvoyExperiment.Rate(95, 500_000_000)),
                new ConvoyExperiment.Row(1, new ConvoyExperiment.Rate(3000, 500_000_000),
                        new ConvoyExperiment.Rate(400, 500_000_000)));
    }

    @Test
    @DisplayName("output that is not the script's names the line and the expected form")
    void refusesOtherOutput() {
        assertThatThrownBy(() -> ConvoyReport.cpython(CPYTHON.replace("beside\t95", "near\t95")))
                .isInstanceOf(TimelineException.class)
                .hasMessageContaining("Cannot read CPython's convoy line \"5\tnear\t95")
                .hasMessageContaining("alone or beside");
        assertThatThrownBy(() -> ConvoyReport.cpython("# CPython 3.11.7\n5\talone\t1\t1\n"))
                .hasMessageContaining("has 0 of 2 switch intervals");
    }

    @Test
    @DisplayName("a measurement keeps its median round, not its luckiest")
    void keepsTheMedianRound() {
        List<ConvoyExperiment.Rate> rounds = List.of(new ConvoyExperiment.Rate(90, 1_000_000_000),
                new ConvoyExperiment.Rate(400, 1_000_000_000),
                new ConvoyExperiment.Rate(100, 500_000_000),
                new ConvoyExperiment.Rate(150, 1_000_000_000),
                new ConvoyExperiment.Rate(120, 1_000_000_000));

        assertThat(ConvoyExperiment.median(rounds))
                .isEqualTo(new ConvoyExperiment.Rate(150, 1_000_000_000));
    }

    @Test
    @DisplayName("the figures are a line per interpreter and interval, whole enough to quote")
    void theLinesPutThemSideBySide() throws TimelineException {
        ConvoyReport.Column java = new ConvoyReport.Column("the course's GIL", List.of(
                new ConvoyExperiment.Row(5, new ConvoyExperiment.Rate(2000, 1_000_000_000),
                        new ConvoyExperiment.Rate(200, 1_000_000_000)),
                new ConvoyExperiment.Row(1, new ConvoyExperiment.Rate(2000, 1_000_000_000),
                        new ConvoyExperiment.Rate(0, 1_000_000_000))));

        String lines = ConvoyReport.lines(Duration.ofNanos(100_000), Duration.ofMillis(500), 5,
                List.of(java, ConvoyReport.cpython(CPYTHON)));

        assertThat(lines).isEqualTo(String.join("\n",
                "The convoy effect: a thread makes blocking calls of 0.1 ms, alone, then beside a"
                        + " CPU-bound thread (median of 5 rounds of 0.5 s)",
                "the course's GIL, switch interval 5 ms:  2,000 calls/s alone,    200 beside a"
                        + " CPU-bound thread (0.10 x), 4.50 ms longer a call",
                "CPython 3.11.7,   switch interval 5 ms:  6,000 calls/s alone,    190 beside a"
                        + " CPU-bound thread (0.03 x), 5.10 ms longer a call",
                "the course's GIL, switch interval 1 ms:  2,000 calls/s alone,      0 beside a"
                        + " CPU-bound thread (0.00 x), no call to compare",
                "CPython 3.11.7,   switch interval 1 ms:  6,000 calls/s alone,    800 beside a"
                        + " CPU-bound thread (0.13 x), 1.08 ms longer a call",
                ""));
    }
}

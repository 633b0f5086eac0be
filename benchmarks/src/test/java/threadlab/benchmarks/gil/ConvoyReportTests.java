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
    @DisplayName("the table gives each interpreter's rates, their ratio and each call's gain")
    void theTablePutsThemSideBySide() throws TimelineException {
        ConvoyReport.Column java = new ConvoyReport.Column("the course's GIL", List.of(
                new ConvoyExperiment.Row(5, new ConvoyExperiment.Rate(2000, 1_000_000_000),
                        new ConvoyExperiment.Rate(200, 1_000_000_000)),
                new ConvoyExperiment.Row(1, new ConvoyExperiment.Rate(2000, 1_000_000_000),
                        new ConvoyExperiment.Rate(0, 1_000_000_000))));

        String table = ConvoyReport.table(Duration.ofNanos(100_000), Duration.ofMillis(500), 5,
                List.of(java, ConvoyReport.cpython(CPYTHON)));

        assertThat(table).startsWith("The convoy effect: an I/O thread makes blocking calls of"
                + " 0.1 ms, alone and beside a CPU-bound thread (best of 5 rounds of 0.5 s)")
                .containsPattern("the course's GIL +CPython 3.11.7\n")
                .containsPattern("alone +2,000 +6,000\n")
                .containsPattern("beside a CPU-bound one +200 +190\n")
                .containsPattern("beside / alone +0.10 +0.03\n")
                .containsPattern("time each call gains beside it +4.50 ms +5.10 ms\n")
                .containsPattern("time each call gains beside it +no call +1.08 ms\n");
    }
}

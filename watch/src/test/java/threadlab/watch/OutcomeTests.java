package threadlab.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the test JVM hands the watch, one line each: read back as it was written. */
class OutcomeTests {

    @Test
    @DisplayName("an outcome whose message has line breaks, tabs and backslashes reads back whole")
    void anOutcomeReadsBack() {
        Outcome outcome = new Outcome("demo.CounterTests", "twoThreads", "two threads\tat once",
                "Task 1: a counter", OptionalInt.of(1), Outcome.Status.FAILED,
                "Expected: 2\nBut: 1\\n, not 2\r\n| Thread 1 | Thread 2 |");

        assertThat(outcome.line()).doesNotContain("\n").doesNotContain("\r");
        assertThat(Outcome.ofLine(outcome.line())).isEqualTo(outcome);
    }

    @Test
    @DisplayName("an outcome with no task and no message reads back whole")
    void anEmptyOutcomeReadsBack() {
        Outcome outcome = new Outcome("", "test JVM", "", "", OptionalInt.empty(),
                Outcome.Status.PASSED, "");

        assertThat(Outcome.ofLine(outcome.line())).isEqualTo(outcome);
    }

    @Test
    @DisplayName("a run's line reads back, a JVM that was not warm and one that tested saves"
            + " before included")
    void aRunReadsBack() {
        TestJvm.Run warm = new TestJvm.Run(2, Duration.ofMillis(4300), 0, Duration.ofMillis(960),
                Duration.ofMillis(1100));
        TestJvm.Run cold = new TestJvm.Run(0, null, 0, Duration.ofSeconds(4),
                Duration.ofSeconds(5));
        TestJvm.Run reused = new TestJvm.Run(2, Duration.ofMillis(4300), 7,
                Duration.ofMillis(700), Duration.ofMillis(800));

        assertThat(TestJvm.Run.ofLine(warm.line())).isEqualTo(warm);
        assertThat(TestJvm.Run.ofLine(cold.line())).isEqualTo(cold);
        assertThat(TestJvm.Run.ofLine(reused.line())).isEqualTo(reused);
    }
}

package threadlab.grader.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TestJvmRunnerTests {

    private static final long WINDOW = TimeUnit.MILLISECONDS.toNanos(500);

    @Test
    @DisplayName("a test JVM that used less than a fifth of a core over the window waits")
    void littleProcessorTimeIsWaiting() {
        assertThat(TestJvmRunner.waits(0, WINDOW, false)).isTrue();
        assertThat(TestJvmRunner.waits(WINDOW / 5 - 1, WINDOW, false)).isTrue();
        assertThat(TestJvmRunner.waits(WINDOW / 5, WINDOW, false)).isFalse();
        assertThat(TestJvmRunner.waits(WINDOW, WINDOW, false)).isFalse();
    }

    @Test
    @DisplayName("on a machine whose cores are all busy, no test JVM counts as waiting")
    void aBusyMachineLendsNothing() {
        // A JVM that works gets less than its share of a full machine: it must not look idle.
        assertThat(TestJvmRunner.waits(0, WINDOW, true)).isFalse();
        assertThat(TestJvmRunner.waits(WINDOW / 10, WINDOW, true)).isFalse();
    }
}

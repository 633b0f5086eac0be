package threadlab.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SystemOutWatchTests {

    @Test
    @DisplayName("code that prints to System.out is told apart from code that prints elsewhere")
    void tellsWhetherSystemOutWasUsed() throws Exception {
        PrintStream before = System.out;

        assertThat(SystemOutWatch.printedDuring(() -> System.out.println("Hi"))).isTrue();
        assertThat(SystemOutWatch.printedDuring(() -> System.err.print(""))).isFalse();
        assertThat(System.out).isSameAs(before);
    }

    @Test
    @DisplayName("what the code throws goes on, and System.out is put back")
    void theCodesExceptionGoesOn() {
        PrintStream before = System.out;
        UnsupportedOperationException notDone = new UnsupportedOperationException("Task 1: ...");

        assertThatThrownBy(() -> SystemOutWatch.printedDuring(() -> {
            throw notDone;
        })).isSameAs(notDone);
        assertThat(System.out).isSameAs(before);
    }
}

package threadlab.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class VerdictTests {

    @Test
    @DisplayName("a failed check says what was expected, what happened and the likely cause")
    void checkWritesTheThreeParts() {
        assertThatThrownBy(() -> Verdict.check(false, "3", "it is 2", "a lost update"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expected: 3\nBut: it is 2\nLikely cause: a lost update");
    }

    @Test
    @DisplayName("a failed assertion keeps its message and its values, and gains the cause")
    void withLikelyCauseKeepsTheDifference() {
        Throwable thrown = catchThrowable(() -> Verdict.withLikelyCause("a lost update",
                () -> assertThat(2).as("the count").isEqualTo(3)));

        assertThat(thrown).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("[the count]").hasMessageEndingWith(
                        "\nLikely cause: a lost update");
        AssertionFailedError failed = (AssertionFailedError) thrown;
        assertThat(failed.getExpected().getStringRepresentation()).isEqualTo("3");
        assertThat(failed.getActual().getStringRepresentation()).isEqualTo("2");
    }

    @Test
    @DisplayName("what the code under test throws, such as a task's reminder, goes on unchanged")
    void theCodesExceptionGoesOn() {
        UnsupportedOperationException notDone = new UnsupportedOperationException("Task 1: ...");

        assertThatThrownBy(() -> Verdict.withLikelyCause("a lost update", () -> {
            throw notDone;
        })).isSameAs(notDone);
    }

    @Test
    @DisplayName("test classes are ordered by their task tag, untagged classes last")
    void classesGoInTaskOrder() {
        assertThat(TaskOrder.task(Task2.class)).isEqualTo(2);
        assertThat(TaskOrder.task(Task10.class)).isEqualTo(10);
        assertThat(TaskOrder.task(VerdictTests.class)).isEqualTo(Integer.MAX_VALUE);
    }

    @Tag("task:2")
    private static final class Task2 {
    }

    @Tag("slow")
    @Tag("task:10")
    private static final class Task10 {
    }
}

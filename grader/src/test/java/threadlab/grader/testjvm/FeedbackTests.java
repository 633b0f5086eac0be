package threadlab.grader.testjvm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FeedbackTests {

    @Test
    @DisplayName("a skeleton's \"Task N:\" exception reads as not done yet")
    void notDoneYet() {
        Exception wrapped = new IllegalStateException("wrapped",
                new UnsupportedOperationException("Task 3: wait until the thread has finished"));

        assertThat(Feedback.of(wrapped))
                .isEqualTo("Not done yet. Task 3: wait until the thread has finished");
    }

    @Test
    @DisplayName("a missing method says to keep the skeleton's shape")
    void apiMismatch() {
        assertThat(Feedback.of(new NoSuchMethodError("threadlab.threads.PyThread.join()")))
                .contains("does not have the shape").contains("PyThread.join()")
                .contains("Keep the package, class and method names");
    }

    @Test
    @DisplayName("a hidden test's own message is the feedback")
    void assertionMessages() {
        assertThat(Feedback.of(new AssertionError("Expected: x\nBut: y")))
                .isEqualTo("Expected: x\nBut: y");
    }

    @Test
    @DisplayName("an exception from student code shows the student's frames, not the tests'")
    void onlyStudentFrames() {
        RuntimeException thrown = new IllegalArgumentException("bad n");
        thrown.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("threadlab.threads.Sleeper", "sleeper", "Sleeper.java", 12),
            new StackTraceElement("threadlab.hidden.threads.Task1SleeperHiddenTests", "t",
                    "Task1SleeperHiddenTests.java", 40),
            new StackTraceElement("org.junit.jupiter.engine.Foo", "bar", "Foo.java", 1),
        });

        assertThat(Feedback.of(thrown))
                .startsWith("Your code threw java.lang.IllegalArgumentException: bad n")
                .contains("at threadlab.threads.Sleeper.sleeper(Sleeper.java:12)")
                .doesNotContain("hidden").doesNotContain("junit");
    }
}

package threadlab.grader.testjvm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import threadlab.grader.api.VerdictError;
import threadlab.grader.protocol.Verdict;
import threadlab.grader.protocol.Verdict.Kind;

class FeedbackTests {

    @Test
    @DisplayName("a skeleton's \"Task N:\" exception is a task not done yet, also when wrapped")
    void notDoneYet() {
        Exception wrapped = new IllegalStateException("wrapped",
                new UnsupportedOperationException("Task 3: wait until the thread has finished"));

        Verdict verdict = Feedback.of(wrapped);

        assertThat(verdict.kind()).isEqualTo(Kind.NOT_DONE);
        assertThat(verdict.happened()).isEqualTo("Task 3: wait until the thread has finished");
        assertThat(verdict.render())
                .isEqualTo("Not done yet. Task 3: wait until the thread has finished");
    }

    @Test
    @DisplayName("a model-checked failure whose cause is the skeleton's reminder is not done yet")
    void notDoneUnderAVerdict() {
        Throwable thrown = new VerdictError(Verdict.check("2", "1", "a lost update", ""),
                new UnsupportedOperationException("Task 3: make it safe"));

        assertThat(Feedback.of(thrown).kind()).isEqualTo(Kind.NOT_DONE);
    }

    @Test
    @DisplayName("a missing method is the wrong shape, and says to keep the skeleton's")
    void apiMismatch() {
        Verdict verdict = Feedback.of(new NoSuchMethodError("threadlab.threads.PyThread.join()"));

        assertThat(verdict.kind()).isEqualTo(Kind.WRONG_SHAPE);
        assertThat(verdict.happened()).contains("does not have the shape")
                .contains("PyThread.join()");
        assertThat(verdict.expected()).contains("package, class and method names");
        assertThat(verdict.likelyCause()).contains("keep them as the skeleton gives them");
    }

    @Test
    @DisplayName("a hidden test's verdict goes on field by field")
    void hiddenTestVerdicts() {
        Verdict own = Verdict.check("3", "2", "a lost update", "What happened, in order:\nx");

        assertThat(Feedback.of(new VerdictError(own))).isEqualTo(own);
    }

    @Test
    @DisplayName("a plain failed assertion is a failed check with no likely cause")
    void plainAssertions() {
        Verdict verdict = Feedback.of(new AssertionError("expected: 3 but was: 2"));

        assertThat(verdict.kind()).isEqualTo(Kind.CHECK_FAILED);
        assertThat(verdict.happened()).isEqualTo("expected: 3 but was: 2");
        assertThat(verdict.likelyCause()).isEmpty();
    }

    @Test
    @DisplayName("an exception from student code has the student's frames as evidence, not the"
            + " tests'")
    void onlyStudentFrames() {
        RuntimeException thrown = new IllegalArgumentException("bad n");
        thrown.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("threadlab.threads.Sleeper", "sleeper", "Sleeper.java", 12),
            new StackTraceElement("threadlab.hidden.threads.Task1SleeperHiddenTests", "t",
                    "Task1SleeperHiddenTests.java", 40),
            new StackTraceElement("org.junit.jupiter.engine.Foo", "bar", "Foo.java", 1),
        });

        Verdict verdict = Feedback.of(thrown);

        assertThat(verdict.kind()).isEqualTo(Kind.STUDENT_EXCEPTION);
        assertThat(verdict.happened())
                .isEqualTo("java.lang.IllegalArgumentException: bad n");
        assertThat(verdict.evidence())
                .isEqualTo("  at threadlab.threads.Sleeper.sleeper(Sleeper.java:12)");
        assertThat(verdict.render()).startsWith("Your code threw java.lang.Illegal")
                .doesNotContain("hidden").doesNotContain("junit");
    }

    @Test
    @DisplayName("an exception from student code names, as its likely cause, the student's method"
            + " and line where it came from, and what that kind of exception usually means")
    void whereItCameFrom() {
        RuntimeException thrown = new NullPointerException("holder is null");
        thrown.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("java.util.Objects", "requireNonNull", "Objects.java", 233),
            new StackTraceElement("threadlab.gil.GlobalInterpreterLock$Inner", "requireHolder",
                    "GlobalInterpreterLock.java", 212),
            new StackTraceElement("threadlab.hidden.gil.Task1LockHiddenTests", "t",
                    "Task1LockHiddenTests.java", 40),
        });

        assertThat(Feedback.of(thrown).likelyCause()).isEqualTo("an unexpected"
                + " NullPointerException in your GlobalInterpreterLock.requireHolder() (line"
                + " 212): a value there is null at that moment: it was never set, or another"
                + " thread changed it between a check and its use (read a shared field once,"
                + " under its lock)");

        RuntimeException testsOwn = new IllegalStateException("no student frame");
        testsOwn.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("threadlab.hidden.gil.Task1LockHiddenTests", "t",
                    "Task1LockHiddenTests.java", 40),
        });
        assertThat(Feedback.of(testsOwn).likelyCause()).isEmpty();
    }
}

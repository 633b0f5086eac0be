package threadlab.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The grader's own JVM for grading")
class LeanJvmTests {

    @Test
    @DisplayName("grade starts a lean JVM when the grader was started plainly")
    void gradeWantsALeanJvm() {
        assertThat(LeanJvm.wanted(new String[] {"grade", "class"}, List.of("-Xmx2g"), false))
                .isTrue();
    }

    @Test
    @DisplayName("other commands, and a grader started with the flags, run where they are")
    void othersRunInPlace() {
        assertThat(LeanJvm.wanted(new String[] {"check"}, List.of(), false)).isFalse();
        assertThat(LeanJvm.wanted(new String[] {}, List.of(), false)).isFalse();
        assertThat(LeanJvm.wanted(new String[] {"grade"}, List.of(), true)).isFalse();
        assertThat(LeanJvm.wanted(new String[] {"grade"}, List.of("-XX:TieredStopAtLevel=1"),
                false)).isFalse();
    }

    @Test
    @DisplayName("a grader being debugged is not started again, so the debugger stays attached")
    void debuggingRunsInPlace() {
        assertThat(LeanJvm.wanted(new String[] {"grade"},
                List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=5005"), false))
                .isFalse();
    }
}

package threadlab.grader.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import threadlab.grader.protocol.Verdict.Kind;

class VerdictTests {

    @Test
    @DisplayName("a verdict reads as the hidden tests always worded it: expected, but, likely"
            + " cause, then the evidence")
    void rendersInTheCoursesWords() {
        Verdict verdict = Verdict.check("3", "2", "a lost update", "What happened, in order:\n1");

        assertThat(verdict.render()).isEqualTo("Expected: 3\nBut: 2\nLikely cause: a lost update"
                + "\nWhat happened, in order:\n1");
        assertThat(Verdict.of(Kind.NOT_DONE, "Task 3: join").render())
                .isEqualTo("Not done yet. Task 3: join");
        assertThat(Verdict.of(Kind.STUDENT_EXCEPTION, "X").render())
                .isEqualTo("Your code threw X");
        assertThat(Verdict.PASSED.render()).isEmpty();
    }

    @Test
    @DisplayName("a class's summary counts a verdict by its likely cause, else by what happened")
    void summaries() {
        assertThat(Verdict.check("3", "2", "a lost update\nsecond line", null).summary())
                .isEqualTo("a lost update");
        assertThat(Verdict.check("3", "2 and more\nLikely cause: forged", null, "e").summary())
                .isEqualTo("2 and more");
        assertThat(Verdict.of(Kind.NOT_DONE, "Task 1: do it").summary())
                .isEqualTo("Not done yet. Task 1: do it");
    }

    @Test
    @DisplayName("a bounded verdict keeps each text to its limit, without control characters,"
            + " and at most a few short rule ids")
    void bounded() {
        String hostile = "\u001b[31m" + "y".repeat(10_000);
        Verdict verdict = new Verdict(Kind.LIMIT, hostile, hostile, hostile,
                Collections.nCopies(100, hostile), new Verdict.Limit(hostile, hostile), hostile)
                .bounded(50, 80);

        assertThat(List.of(verdict.expected(), verdict.happened(), verdict.likelyCause(),
                verdict.limit().value(), verdict.limit().what()))
                .allSatisfy(text -> assertThat(text).doesNotContain("\u001b")
                        .hasSizeLessThan(50 + 40));
        assertThat(verdict.evidence()).hasSizeLessThan(80 + 40);
        assertThat(verdict.rules()).hasSize(Verdict.MAX_RULES)
                .allSatisfy(id -> assertThat(id).hasSizeLessThan(Verdict.RULE_CHARS + 40));
    }

    @Test
    @DisplayName("missing parts are empty, and a missing kind is a failed check")
    void nullsAreEmpty() {
        Verdict verdict = new Verdict(null, null, null, null, null, null, null);

        assertThat(verdict.kind()).isEqualTo(Kind.CHECK_FAILED);
        assertThat(verdict.expected()).isEmpty();
        assertThat(verdict.rules()).isEmpty();
        assertThat(verdict.limit()).isNull();
    }
}

package threadlab.grader.allowlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import threadlab.grader.allowlist.Rule.Verdict;

/** The allow-list file: its rules, how the most specific one decides, and its mistakes. */
class AllowListTests {

    private static final String ADVICE = "advice unlisted: ask\nadvice own-class: own\n"
            + "advice threads: yours\n";

    @Test
    @DisplayName("a rule on a member beats the rule on its class; on a tie, refusal wins")
    void theMostSpecificRuleDecides() {
        AllowList list = AllowList.parse(ADVICE
                + "allow java.lang.Thread -- the course\n"
                + "deny java.lang.Thread#getAll* threads -- others' threads\n"
                + "allow java.lang.Thread#getAll* -- a tie\n");

        assertThat(list.member("java.lang.Thread", "start")).get().extracting(Rule::verdict)
                .isEqualTo(Verdict.ALLOW);
        assertThat(list.member("java.lang.Thread", "getAllStackTraces")).get()
                .extracting(Rule::verdict).isEqualTo(Verdict.DENY);
        assertThat(list.member("java.lang.Object", "wait")).isEmpty();
    }

    @Test
    @DisplayName("* stays within a package, ** reaches its subpackages")
    void wildcards() {
        AllowList list = AllowList.parse(ADVICE + "allow java.util.* -- collections\n");

        assertThat(list.type("java.util.Map$Entry")).isPresent();
        assertThat(list.type("java.util.zip.ZipFile")).isEmpty();
        assertThat(AllowList.parse(ADVICE + "allow java.util.** -- all\n")
                .type("java.util.zip.ZipFile")).isPresent();
    }

    @Test
    @DisplayName("a class refused as a whole may be named where a rule allows a member")
    void aTypeWithAnAllowedMemberMayBeNamed() {
        AllowList list = AllowList.parse(ADVICE + "deny java.io.** threads -- files\n"
                + "allow java.io.PrintStream#println -- printing\n");

        assertThat(list.type("java.io.PrintStream")).get().extracting(Rule::verdict)
                .isEqualTo(Verdict.ALLOW);
        assertThat(list.type("java.io.File")).get().extracting(Rule::verdict)
                .isEqualTo(Verdict.DENY);
    }

    @Test
    @DisplayName("a rule without its reason is a mistake, named by its line")
    void everyRuleSaysWhy() {
        assertThatThrownBy(() -> AllowList.parse(ADVICE + "allow java.util.*\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allowed-apis.txt, line 4")
                .hasMessageContaining("allow PATTERN -- why");
    }

    @Test
    @DisplayName("a refusal needs a family with advice for the student")
    void everyRefusalHasAdvice() {
        assertThatThrownBy(() -> AllowList.parse(ADVICE + "deny java.io.** files -- files\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 4, refuses family files, which has no advice");
        assertThatThrownBy(() -> AllowList.parse(ADVICE + "deny java.io.** -- files\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refuses without a family");
    }

    @Test
    @DisplayName("the grader's own list reads without a mistake, and refuses what no rule names")
    void thePackagedListReads() {
        AllowList list = AllowList.packaged();

        assertThat(list.member("java.lang.String", "format")).get().extracting(Rule::verdict)
                .isEqualTo(Verdict.ALLOW);
        assertThat(list.member("javax.swing.JFrame", "<init>")).isEmpty();
        assertThat(list.advice(AllowList.UNLISTED)).contains("ask the course staff");
    }
}

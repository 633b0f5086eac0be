package threadlab.grader.requirements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import threadlab.grader.course.Course;
import threadlab.grader.course.ExerciseModule;
import threadlab.grader.failure.GraderException;

class RequirementsTests {

    private static final String FILE = """
            module: module-03-threads
            rules:
              - id: R3.4
                stated:
                  - sentence: "A zero or negative timeout returns at once."
                    where: README.md, Task 3
                  - sentence: "how long to wait at most"
                    where: PyThread.java, join(Duration)
                check: join(0 s) returns while the target runs.
            notRules:
              - sentence: "No test waits five real seconds."
                where: README.md, Task 1
                why: It says what the tests do.
            """;

    @Test
    @DisplayName("a requirements file gives each rule its sentences, where they are and the"
            + " lines that quote them")
    void readsRules() throws Exception {
        Requirements requirements = Requirements.parse("r.yaml", FILE);

        Requirement rule = requirements.rule("R3.4").orElseThrow();
        assertThat(rule.task()).isEqualTo(3);
        assertThat(rule.line()).isEqualTo(3);
        assertThat(rule.sentence()).isEqualTo("A zero or negative timeout returns at once.");
        assertThat(rule.stated()).extracting(Statement::file, Statement::line)
                .containsExactly(tuple("README.md", 5),
                        tuple("PyThread.java", 7));
        assertThat(requirements.notRules()).singleElement()
                .satisfies(n -> assertThat(n.statement().line()).isEqualTo(11));
        assertThat(requirements.rule("R3.5")).isEmpty();
    }

    @Test
    @DisplayName("a bad id, a repeated id or a rule with no sentence is refused with its line")
    void refusesBadRules() {
        assertThatThrownBy(() -> Requirements.parse("r.yaml", FILE.replace("R3.4", "3.4")))
                .isInstanceOf(GraderException.class)
                .hasMessageContaining("r.yaml:3: the rule id \"3.4\" is not R<task>.<n>");
        String twice = FILE.replace("notRules:", """
                  - id: R3.4
                    stated:
                      - sentence: "Again."
                        where: README.md, Task 3
                    check: again.
                notRules:""");
        assertThatThrownBy(() -> Requirements.parse("r.yaml", twice))
                .hasMessageContaining("r.yaml:10: the rule id R3.4 is used twice");
        assertThatThrownBy(() -> Requirements.parse("r.yaml", """
                rules:
                  - id: R1.1
                    check: nothing.
                """)).hasMessageContaining("r.yaml:2: rule R1.1 quotes no sentence");
    }

    @Test
    @DisplayName("the grader's jar holds every module's rules")
    void everyModuleIsPackaged() throws Exception {
        for (ExerciseModule module : Course.modules()) {
            assertThat(Requirements.packaged(module).rules()).as("the rules of %s", module)
                    .isNotEmpty();
        }
    }
}

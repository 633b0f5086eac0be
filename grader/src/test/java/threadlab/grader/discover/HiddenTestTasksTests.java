package threadlab.grader.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestTag;
import threadlab.grader.failure.GraderException;
import threadlab.grader.check.Hints;
import threadlab.grader.course.Course;
import threadlab.grader.course.ExerciseModule;
import threadlab.grader.requirements.Requirement;
import threadlab.grader.requirements.Requirements;

/** Every hidden test counts for a task that the module's hints know, and every task is tested. */
class HiddenTestTasksTests {

    private static Path courseRoot() {
        return Path.of(System.getProperty("threadlab.root", "..")).toAbsolutePath().normalize();
    }

    @Test
    @DisplayName("each hidden test's task:N tag names a \"## Task N\" of its module's HINTS.md,"
            + " and each task there has hidden tests")
    void tasksMatchTheHints(@TempDir Path work) throws Exception {
        HiddenTestCatalog catalog = new HiddenTestCatalog(GraderFiles.locate(work));
        for (ExerciseModule module : Course.modules()) {
            List<HiddenTest> tests = catalog.discover(module);
            Hints hints = Hints.read(courseRoot().resolve(module.folder()).resolve("HINTS.md"));
            Set<Integer> tested = new TreeSet<>();
            for (HiddenTest test : tests) {
                assertThat(hints.tasks()).as("the task of \"%s\" in %s: no \"## Task %d\" in"
                        + " its HINTS.md", test.fullName(), module, test.task())
                        .contains(test.task());
                tested.add(test.task());
            }
            assertThat(tested).as("the tasks of %s with hidden tests", module)
                    .containsExactlyElementsOf(new TreeSet<>(hints.tasks()));
        }
    }

    @Test
    @DisplayName("module 3's tasks 2 to 4 share a class, and each test counts for its own task")
    void methodTagsSplitAClass(@TempDir Path work) throws Exception {
        List<HiddenTest> tests = new HiddenTestCatalog(GraderFiles.locate(work))
                .discover(Course.THREADS);

        assertThat(tests).filteredOn(t -> t.name().startsWith("join() before start()"))
                .extracting(HiddenTest::task).containsExactly(3);
        assertThat(tests).filteredOn(t -> t.name().startsWith("daemon status"))
                .extracting(HiddenTest::task).containsExactly(4);
        assertThat(tests).filteredOn(t -> t.name().startsWith("start() runs the target"))
                .extracting(HiddenTest::task).containsExactly(2);
    }

    @Test
    @DisplayName("a hidden test with no task tag, or two, stops the grader with what to do")
    void aTestWithoutItsTaskIsRefused() throws Exception {
        assertThat(HiddenTestCatalog.task(Course.REFCOUNT, "T: t",
                Set.of(TestTag.create("task:3"), TestTag.create("slow")))).isEqualTo(3);
        assertThatThrownBy(() -> HiddenTestCatalog.task(Course.REFCOUNT, "Task 5, x: y",
                Set.of(TestTag.create("slow")))).isInstanceOf(GraderException.class)
                .hasMessageContaining("\"Task 5, x: y\" of module-01-refcount has no task tag")
                .hasMessageContaining("@Tag(\"task:N\")")
                .hasMessageContaining("module-01-refcount/HINTS.md");
        assertThatThrownBy(() -> HiddenTestCatalog.task(Course.GIL, "T: t",
                Set.of(TestTag.create("task:1"), TestTag.create("task:2"))))
                .hasMessageContaining("has the task tags [task:1, task:2]");
        assertThatThrownBy(() -> HiddenTestCatalog.task(Course.GIL, "T: t",
                Set.of(TestTag.create("task:one")))).hasMessageContaining("[task:one]");
    }

    @Test
    @DisplayName("a hidden test's rule:R tags give its rules, and an unknown rule stops the"
            + " grader with what to do")
    void rulesComeFromTags() throws Exception {
        Requirements requirements = Requirements.packaged(Course.THREADS);
        assertThat(HiddenTestCatalog.rules(requirements, "T: t", Set.of(TestTag.create("task:3"),
                TestTag.create("rule:R3.4"), TestTag.create("rule:R3.1")),
                HiddenTestCatalog.RULE_TAG)).extracting(Requirement::id)
                .containsExactly("R3.1", "R3.4");
        assertThatThrownBy(() -> HiddenTestCatalog.rules(requirements, "Task 3, x: y",
                Set.of(TestTag.create("rule:R9.9")), HiddenTestCatalog.RULE_TAG))
                .isInstanceOf(GraderException.class)
                .hasMessageContaining("\"Task 3, x: y\" names the rule R9.9, which"
                        + " module-03-threads/requirements.yaml does not have")
                .hasMessageContaining("@Tag(\"rule:R9.9\")");
    }

    @Test
    @DisplayName("a hidden test's needs:R tags give the rules it rests on, and an unknown rule"
            + " stops the grader with what to do")
    void needsComeFromTags() throws Exception {
        Requirements requirements = Requirements.packaged(Course.THREADS);
        assertThat(HiddenTestCatalog.rules(requirements, "T: t", Set.of(TestTag.create("task:3"),
                TestTag.create("rule:R3.8"), TestTag.create("needs:R3.3")),
                HiddenTestCatalog.NEEDS_TAG)).extracting(Requirement::id)
                .containsExactly("R3.3");
        assertThatThrownBy(() -> HiddenTestCatalog.rules(requirements, "Task 3, x: y",
                Set.of(TestTag.create("needs:R9.9")), HiddenTestCatalog.NEEDS_TAG))
                .isInstanceOf(GraderException.class)
                .hasMessageContaining("names the rule R9.9")
                .hasMessageContaining("@Tag(\"needs:R9.9\")");
    }
}

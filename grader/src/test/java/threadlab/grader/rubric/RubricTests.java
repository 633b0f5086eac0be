package threadlab.grader.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.course.Course;
import threadlab.grader.course.ExerciseModule;
import threadlab.grader.discover.HiddenTest;
import threadlab.grader.discover.Visibility;

class RubricTests {

    private static final HiddenTest SLEEPS = test(Course.THREADS, "Task1SleeperHiddenTests",
            "sleeps", 2);
    private static final HiddenTest PRINTS = test(Course.THREADS, "Task1SleeperHiddenTests",
            "prints", 1);
    private static final HiddenTest COUNTS = test(Course.REFCOUNT, "Task3SafeCountHiddenTests",
            "counts", 3);

    private static HiddenTest test(ExerciseModule module, String className, String method,
            int points) {
        return new HiddenTest(module, "[engine:junit-jupiter]/[class:" + module
                .hiddenTestPackage() + "." + className + "]/[method:" + method + "()]",
                className, method, points, 1);
    }

    private static Map<ExerciseModule, List<HiddenTest>> plan() {
        Map<ExerciseModule, List<HiddenTest>> plan = new LinkedHashMap<>();
        plan.put(Course.REFCOUNT, List.of(COUNTS));
        plan.put(Course.THREADS, List.of(SLEEPS, PRINTS));
        return plan;
    }

    private static Map<String, HiddenTest> applied(String yaml) throws RubricException {
        Map<String, HiddenTest> byKey = new LinkedHashMap<>();
        Rubric.parse(yaml, "rubric.yaml").apply(plan()).values().stream().flatMap(List::stream)
                .forEach(t -> byKey.put(Rubric.key(t), t));
        return byKey;
    }

    private static String error(String yaml) {
        try {
            applied(yaml);
        } catch (RubricException e) {
            return e.getMessage();
        }
        throw new AssertionError("the rubric was accepted:\n" + yaml);
    }

    @Test
    @DisplayName("a test's key is its class's simple name and its method's name")
    void keys() {
        assertThat(Rubric.key(SLEEPS)).isEqualTo("Task1SleeperHiddenTests.sleeps");
        assertThat(Rubric.key(new HiddenTest(Course.GIL, "[engine:junit-jupiter]/[class:a.B]"
                + "/[nested-class:C]/[method:d(java.lang.String)]", "B", "d", 1, 1)))
                .isEqualTo("B.C.d");
    }

    @Test
    @DisplayName("an empty rubric keeps each test's @Points and shows results after publishing")
    void defaults() throws Exception {
        Map<String, HiddenTest> tests = applied("");

        assertThat(tests.values()).extracting(HiddenTest::points).containsExactly(3, 2, 1);
        assertThat(tests.values()).extracting(HiddenTest::visibility)
                .containsOnly(Visibility.AFTER_PUBLISHED);
    }

    @Test
    @DisplayName("a test's own setting wins over its module's, which wins over the top-level one")
    void precedence() throws Exception {
        Map<String, HiddenTest> tests = applied("""
                visibility: after_due_date
                modules:
                  module-03-threads:
                    visibility: visible
                    tests:
                      Task1SleeperHiddenTests.sleeps: {points: 5, visibility: hidden}
                      Task1SleeperHiddenTests.prints:
                        points: 0
                """);

        assertThat(tests.get("Task1SleeperHiddenTests.sleeps")).extracting(HiddenTest::points,
                HiddenTest::visibility).containsExactly(5, Visibility.HIDDEN);
        assertThat(tests.get("Task1SleeperHiddenTests.prints")).extracting(HiddenTest::points,
                HiddenTest::visibility).containsExactly(0, Visibility.VISIBLE);
        assertThat(tests.get("Task3SafeCountHiddenTests.counts")).extracting(HiddenTest::points,
                HiddenTest::visibility).containsExactly(3, Visibility.AFTER_DUE_DATE);
    }

    @Test
    @DisplayName("a rubric written out whole lists every test and reads back to the same grades")
    void renderRoundTrip() throws Exception {
        Rubric rubric = Rubric.parse("""
                modules:
                  module-03-threads:
                    visibility: visible
                    tests:
                      Task1SleeperHiddenTests.sleeps: {points: 5, visibility: hidden}
                """, "rubric.yaml");

        String whole = rubric.render(plan());
        Rubric again = Rubric.parse(whole, "whole.yaml");

        assertThat(whole).contains("Task3SafeCountHiddenTests.counts: {points: 3}",
                "Task1SleeperHiddenTests.prints: {points: 1}",
                "Task1SleeperHiddenTests.sleeps: {points: 5, visibility: hidden}",
                "# Task1SleeperHiddenTests: sleeps (default 2)");
        assertThat(again.apply(plan())).isEqualTo(rubric.apply(plan()));
    }

    @Test
    @DisplayName("the rubric packed in the grader is valid and keeps the defaults")
    void packaged() throws Exception {
        assertThat(Rubric.packaged().apply(plan())).isEqualTo(Rubric.defaults().apply(plan()));
    }

    @Test
    @DisplayName("a test the grader does not have is named, with its line and how to list keys")
    void unknownTest() {
        assertThat(error("""
                modules:
                  module-03-threads:
                    tests:
                      Task1SleeperHiddenTests.sleep: {points: 2}
                """)).startsWith("rubric.yaml line 4: module-03-threads has no hidden test"
                + " \"Task1SleeperHiddenTests.sleep\"").contains("grader.jar rubric");
    }

    @Test
    @DisplayName("negative or non-numeric points are refused with the line and the rule")
    void badPoints() {
        assertThat(error("""
                modules:
                  module-03-threads:
                    tests:
                      Task1SleeperHiddenTests.sleeps: {points: -1}
                """)).startsWith("rubric.yaml line 4: the points of"
                + " Task1SleeperHiddenTests.sleeps are -1").contains("0 or more");
        assertThat(error("""
                modules:
                  module-03-threads:
                    tests:
                      Task1SleeperHiddenTests.sleeps: {points: 1.5}
                """)).contains("are 1.5");
    }

    @Test
    @DisplayName("an unknown visibility, module or key is refused, naming what it may be")
    void unknownWords() {
        assertThat(error("visibility: public\n")).isEqualTo("rubric.yaml line 1: the top-level"
                + " visibility is \"public\", which Gradescope does not know; write one of"
                + " visible, after_due_date, after_published, hidden.");
        assertThat(error("modules:\n  module-9:\n    visibility: visible\n"))
                .startsWith("rubric.yaml line 2: the course has no module \"module-9\"")
                .contains("module-01-refcount");
        assertThat(error("modules:\n  module-03-threads:\n    points: 2\n"))
                .startsWith("rubric.yaml line 3: unknown key \"points\" in module-03-threads")
                .contains("tests, visibility");
        assertThat(error("visibility: visible\nvisibility: hidden\n"))
                .startsWith("rubric.yaml line 2: \"visibility\" is set twice");
    }

    @Test
    @DisplayName("malformed YAML is refused with the line of the problem, not a stack trace")
    void malformed() {
        assertThat(error("modules:\n  module-03-threads:\n\ttests: {}\n"))
                .startsWith("rubric.yaml line 3: this is not valid YAML").contains("tab");
        assertThat(error("- just\n- a list\n")).startsWith("rubric.yaml line 1: a rubric should"
                + " be a mapping");
    }

    @Test
    @DisplayName("a missing rubric file is named, with how to write one")
    void missingFile(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> Rubric.read(dir.resolve("nope.yaml")))
                .isInstanceOf(RubricException.class).hasMessageContaining("does not exist")
                .hasMessageContaining("rubric > rubric.yaml");
        Path file = Files.writeString(dir.resolve("r.yaml"), "visibility: hidden\n");
        assertThat(Rubric.read(file).apply(plan()).get(Course.THREADS))
                .extracting(HiddenTest::visibility).containsOnly(Visibility.HIDDEN);
    }
}

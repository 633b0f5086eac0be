package threadlab.grader.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lessons' facts that students relied on and that once went wrong: each lesson's part before
 * the tasks reads in one sitting and says its facts about Java and the machine once, each lesson
 * and the top README say in which order to work, and module 3's typical run is what Java prints.
 */
class LessonTests {

    /** The most words a lesson may have before its first task: about a quarter of an hour. */
    static final int MAX_WORDS_BEFORE_TASKS = 1_800;

    private static final Path ROOT = Path.of(System.getProperty("threadlab.root", ".."));
    private static final Pattern FIRST_TASK = Pattern.compile("(?m)^### Task 1\\b");
    /** Where each lesson says its place in the order, by position in the learning order. */
    private static final List<String> PLACE = List.of("Start the course here.",
            "Do this module second", "Do this module last.");

    static List<ExerciseModule> modules() {
        return Course.learningOrder();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    @DisplayName("a lesson's part before the tasks is at most 1,800 words, as wc -w counts them")
    void theLessonBeforeTheTasksReadsInOneSitting(ExerciseModule module) throws IOException {
        String before = beforeTheTasks(module);

        int words = before.isBlank() ? 0 : before.strip().split("\\s+").length;
        assertThat(words).as(module.folder() + "/README.md has " + words + " words before its"
                + " first task; move details into HINTS.md or DESIGN.md, or cut repetition")
                .isLessThanOrEqualTo(MAX_WORDS_BEFORE_TASKS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    @DisplayName("a lesson says once, before the tasks, that Java has no GIL and on what machine"
            + " its figures were measured")
    void factsAreSaidOnce(ExerciseModule module) throws IOException {
        String before = beforeTheTasks(module);

        assertThat(count(before, "Java has no GIL")).as(module + ": \"Java has no GIL\"")
                .isEqualTo(1);
        assertThat(count(before, "AMD EPYC")).as(module + ": the machine").isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    @DisplayName("a lesson says where it stands in the order of work, before its first section")
    void theLessonSaysWhereToStart(ExerciseModule module) throws IOException {
        String lesson = lesson(module);
        String place = PLACE.get(Course.learningOrder().indexOf(module));

        assertThat(lesson.indexOf(place)).as(module + " says \"" + place + "\"")
                .isNotNegative().isLessThan(lesson.indexOf("\n## "));
    }

    @Test
    @DisplayName("the top README lists the modules in the order of work, module 3 first")
    void theReadmeListsTheOrder() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<String> ordinals = List.of("1st", "2nd", "3rd");

        for (int i = 0; i < ordinals.size(); i++) {
            String folder = Course.learningOrder().get(i).folder();
            assertThat(readme).contains("| " + ordinals.get(i) + " | [" + folder + "]");
        }
    }

    @Test
    @DisplayName("module 3's typical run prints the five Hi first, as Java did in most runs")
    void theTypicalRunIsWhatJavaPrints() throws IOException {
        Matcher run = Pattern.compile("A typical run in Java[^\\n]*\\n\\n```\\n(.*?)```",
                Pattern.DOTALL).matcher(lesson(Course.THREADS));

        assertThat(run.find()).as("module 3's lesson shows a typical run").isTrue();
        assertThat(run.group(1).lines().toList()).containsExactly("Hi", "Hi", "Hi", "Hi", "Hi",
                "Hi, I'll be sleeping for 5 seconds", "I've woken up!");
    }

    private static String lesson(ExerciseModule module) throws IOException {
        return Files.readString(ROOT.resolve(module.folder()).resolve("README.md"));
    }

    private static String beforeTheTasks(ExerciseModule module) throws IOException {
        String lesson = lesson(module);
        Matcher task = FIRST_TASK.matcher(lesson);
        assertThat(task.find()).as(module + "'s README has a \"### Task 1\" heading").isTrue();
        return lesson.substring(0, task.start());
    }

    private static int count(String text, String phrase) {
        return text.split(Pattern.quote(phrase), -1).length - 1;
    }
}

package threadlab.grader.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The files a skeleton provides whole (no "Task N:" left to do) are the same in the reference
 * solution, so the two never drift apart; and every skeleton file has its solution.
 */
class ProvidedFilesTests {

    private static final Path ROOT = Path.of(System.getProperty("threadlab.root", ".."));

    static List<ExerciseModule> modules() {
        return Course.modules();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    @DisplayName("provided files are the same in the skeleton and the solution")
    void providedFilesMatch(ExerciseModule module) throws Exception {
        Path skeleton = ROOT.resolve(module.sourceFolder());
        Path solution = ROOT.resolve("solutions").resolve(module.sourceFolder());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(skeleton)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            Path twin = solution.resolve(skeleton.relativize(file).toString());
            assertThat(twin).as("the solution of " + file).exists();
            String text = Files.readString(file);
            if (!text.contains("UnsupportedOperationException(")) {
                assertThat(Files.readString(twin)).as(twin + " is provided whole: keep it the"
                        + " same as " + file).isEqualTo(text);
            }
        }
    }
}

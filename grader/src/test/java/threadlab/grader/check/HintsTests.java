package threadlab.grader.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HintsTests {

    private static final String TEXT = """
            # Module 9: Hints

            Read one hint at a time.

            - not a task's hint

            ## Task 1

            - First hint, which goes on
              over two lines.
            - Second hint.

            ## Task 2
            - Only hint,
              with `code`.

            Closing words that are not a hint.

            ## Task 10

            - Ten.
            """;

    @Test
    @DisplayName("each ## Task N section gives its bullets in order, each bullet's lines joined")
    void parsesSections() {
        Hints hints = Hints.parse(TEXT);

        assertThat(hints.tasks()).containsExactly(1, 2, 10);
        assertThat(hints.of(1)).containsExactly("First hint, which goes on over two lines.",
                "Second hint.");
        assertThat(hints.of(2)).containsExactly("Only hint, with `code`.");
        assertThat(hints.of(10)).containsExactly("Ten.");
        assertThat(hints.of(3)).isEmpty();
    }

    @Test
    @DisplayName("a missing HINTS.md has no hints, and no error")
    void missingFile(@TempDir Path dir) {
        assertThat(Hints.read(dir.resolve("HINTS.md")).tasks()).isEmpty();
    }

    @Test
    @DisplayName("the course's HINTS.md files have hints for task 1 onwards")
    void courseHints() {
        Path root = Path.of(System.getProperty("threadlab.root", "..")).toAbsolutePath();
        Hints refcount = Hints.read(root.resolve("module-01-refcount/HINTS.md"));

        assertThat(refcount.tasks()).containsExactly(1, 2, 3, 4);
        assertThat(refcount.of(1).get(0)).startsWith("Start each method with `target()`.")
                .endsWith("and a second `drop()` must do.");
    }
}

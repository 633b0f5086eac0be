package threadlab.grader.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StudentTextTests {

    private static final Set<String> REPORTS = Set.of("index.html", "grades.csv", "run.json");

    @Test
    @DisplayName("a name that clashes with a report file, a folder or a device gets a prefix")
    void clashingNames() {
        for (String name : List.of("index.html", "GRADES.CSV", "run.json", ".", "..", "",
                "CON", "nul.txt", "Com1", ".hidden", "trailing.")) {
            assertThat(StudentText.folderName(name, REPORTS)).as(name).startsWith("student_");
        }
    }

    @Test
    @DisplayName("slashes, backslashes and control characters never reach a folder name")
    void separators() {
        for (String name : List.of("a/b", "a\\b", "../../etc", "a\u0000b", "a\nb", "C:x")) {
            assertThat(StudentText.folderName(name, REPORTS)).as(name)
                    .doesNotContain("/", "\\", ":", "\u0000", "\n");
        }
        assertThat(StudentText.folderName("x".repeat(500), REPORTS)).hasSize(64);
    }

    @Test
    @DisplayName("names that differ only in how an accent is encoded give the same folder")
    void normalisation() {
        String composed = "\u00C5sa";
        String decomposed = "A\u030Asa";

        assertThat(StudentText.folderName(decomposed, REPORTS))
                .isEqualTo(StudentText.folderName(composed, REPORTS)).isEqualTo("\u00C5sa");
        Set<String> folded = new HashSet<>();
        assertThat(folded.add(StudentText.folderName("Bob", REPORTS).toLowerCase(Locale.ROOT)))
                .isTrue();
        assertThat(folded.add(StudentText.folderName("bob", REPORTS).toLowerCase(Locale.ROOT)))
                .as("a clash the class's folders must tell apart").isFalse();
    }

    @Test
    @DisplayName("an unpaired surrogate becomes U+FFFD; a pair is kept")
    void surrogates() {
        assertThat(StudentText.line("a\uD800b", 10)).isEqualTo("a\uFFFDb");
        assertThat(StudentText.line("\uD83D\uDE00", 10)).isEqualTo("\uD83D\uDE00");
    }

    @Test
    @DisplayName("lines keep their line ends as \\n; a line gets spaces instead")
    void lineEnds() {
        assertThat(StudentText.lines("a\r\nb\rc", 100)).isEqualTo("a\nb\nc");
        assertThat(StudentText.line("a\r\nb\tc", 100)).isEqualTo("a b c");
    }

    @Test
    @DisplayName("a cut never splits a surrogate pair and says how much it cut")
    void cut() {
        String text = "ab\uD83D\uDE00cd";

        assertThat(StudentText.line(text, 3)).startsWith("ab ...")
                .endsWith("(4 more characters cut: the grader keeps at most 3)");
    }
}

package threadlab.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProgressTests {

    @ParameterizedTest(name = "on a terminal: {0}")
    @ValueSource(booleans = {true, false})
    @DisplayName("a submission's name reaches the console without control characters")
    void namesAreShownWithoutControlCharacters(boolean terminal) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                terminal, 1);
        String name = "ada\u001b[2K\u001b[1Afull marks\nbob";

        progress.started(name);
        progress.graded(name, 0, 98, 1200);
        progress.finish();

        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertThat(shown).doesNotContain("\u001b").doesNotContain("marks\nbob");
        assertThat(shown.chars().filter(c -> c < ' ' && c != '\n' && c != '\r')).isEmpty();
    }
}

package threadlab.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The arguments watch/pom.xml passes, as Maven fills them in. */
class OptionsTests {

    @Test
    @DisplayName("empty values, as Maven passes what the command line left out, mean not given")
    void emptyValuesAreNotGiven() throws BadOptionException {
        Options options = Options.parse("--root=/course", "--module=", "--task=", "--once=false",
                "--report=");

        assertThat(options.root()).isEqualTo(Path.of("/course").toAbsolutePath());
        assertThat(options.module()).isEmpty();
        assertThat(options.task()).isEmpty();
        assertThat(options.once()).isFalse();
        assertThat(options.report()).isNull();
    }

    @Test
    @DisplayName("module and task are numbers")
    void moduleAndTaskAreNumbers() throws BadOptionException {
        Options options = Options.parse("--module=3", "--task=2", "--once=true");

        assertThat(options.module()).isEqualTo(OptionalInt.of(3));
        assertThat(options.task()).isEqualTo(OptionalInt.of(2));
        assertThat(options.once()).isTrue();
    }

    @Test
    @DisplayName("a task of 0 or an unknown option is refused with what to write")
    void wrongValuesAreRefused() {
        assertThatThrownBy(() -> Options.parse("--task=0")).hasMessageContaining(
                "-Dtask=0 is not a task number: give 1 or more, as in -Dtask=2");
        assertThatThrownBy(() -> Options.parse("--modul=3")).hasMessageContaining(
                "Unknown option --modul=3").hasMessageContaining("./mvnw -q -f watch");
    }
}

package threadlab.grader.handout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MarkersTests {

    @Test
    @DisplayName("a course-only block goes, a handout-only block is uncommented, the rest"
            + " stays")
    void blocksAreStrippedAndUncommented() throws Exception {
        String course = String.join("\n", "# Title", "<!-- course-only -->",
                "grade with the grader", "<!-- /course-only -->", "<!-- handout-only",
                "hand in on GitHub", "-->", "end", "");

        assertThat(Markers.handout("README.md", course))
                .isEqualTo(String.join("\n", "# Title", "hand in on GitHub", "end", ""));
    }

    @Test
    @DisplayName("markers may be indented, as in a pom")
    void indentedMarkersWork() throws Exception {
        String pom = String.join("\n", "  <modules>", "    <!-- course-only -->",
                "    <module>grader</module>", "    <!-- /course-only -->", "  </modules>");

        assertThat(Markers.handout("pom.xml", pom)).isEqualTo("  <modules>\n  </modules>");
    }

    @Test
    @DisplayName("a block left open is an error naming the file and the line")
    void anOpenBlockIsAnError() {
        assertThatThrownBy(() -> Markers.handout("module/README.md",
                "one\n<!-- course-only -->\nsecret\n"))
                .isInstanceOf(HandoutException.class)
                .hasMessageContaining("module/README.md, line 2")
                .hasMessageContaining("never closed");
    }

    @Test
    @DisplayName("a close without an open, or a block inside a block, is an error")
    void strayOrNestedMarkersAreErrors() {
        assertThatThrownBy(() -> Markers.handout("a.md", "x\n<!-- /course-only -->\n"))
                .isInstanceOf(HandoutException.class).hasMessageContaining("a.md, line 2");
        assertThatThrownBy(() -> Markers.handout("b.md",
                "<!-- course-only -->\n<!-- handout-only\n-->\n<!-- /course-only -->\n"))
                .isInstanceOf(HandoutException.class).hasMessageContaining("b.md, line 2");
    }
}

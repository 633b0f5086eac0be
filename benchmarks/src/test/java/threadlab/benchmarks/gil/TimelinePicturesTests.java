package threadlab.benchmarks.gil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.w3c.dom.Element;

/**
 * Module 2's timelines, as committed: each picture is valid SVG, and it is the drawing of the
 * measured log beside it, byte for byte; the lesson shows the figures of those logs. A picture
 * edited by hand, a log measured again without drawing it, or figures not updated fail here.
 */
class TimelinePicturesTests {

    static final List<String> TIMELINES = PictureCommands.TIMELINES;

    private static final Path FOLDER = Path.of(System.getProperty("threadlab.root", ".."))
            .resolve("module-02-gil/timeline");
    private static final String REDRAW = "java -jar benchmarks/target/benchmarks.jar timeline"
            + " --redraw --out module-02-gil/timeline";

    @ParameterizedTest(name = "{0}.svg is valid SVG")
    @FieldSource("TIMELINES")
    void isValidSvg(String name) throws Exception {
        Path svg = FOLDER.resolve(name + ".svg");
        assertThat(svg).as("module 2's lesson shows it").isRegularFile();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element root = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readAllBytes(svg))).getDocumentElement();

        assertThat(root.getNamespaceURI()).isEqualTo(TimelineSvg.NAMESPACE);
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("data-log")).isEqualTo(name + ".csv");
    }

    @ParameterizedTest(name = "{0}.svg is the drawing of {0}.csv")
    @FieldSource("TIMELINES")
    void isDrawnFromItsLog(String name) throws Exception {
        byte[] log = Files.readAllBytes(FOLDER.resolve(name + ".csv"));
        String svg = Files.readString(FOLDER.resolve(name + ".svg"), StandardCharsets.UTF_8);

        assertThat(svg).as("%s.svg must be drawn from %s.csv (SHA-256 %s). Draw it again: %s",
                name, name, TimelineSvg.sha256(log), REDRAW)
                .isEqualTo(TimelineSvg.draw(log, name + ".csv"));
    }

    @Test
    @DisplayName("module 2's lesson shows the figures of the committed logs")
    void theLessonShowsTheFigures() throws Exception {
        List<Timeline> timelines = new ArrayList<>();
        for (String name : TIMELINES) {
            timelines.add(Timeline.parse(Files.readString(FOLDER.resolve(name + ".csv"),
                    StandardCharsets.UTF_8)));
        }
        String figures = TimelineFigures.table(timelines);

        assertThat(Files.readString(FOLDER.resolveSibling("README.md"), StandardCharsets.UTF_8))
                .as("module 2's README.md must show the figures of the committed timelines, as"
                        + " %s prints them:%n%s", REDRAW, figures)
                .contains(figures);
    }

    @ParameterizedTest(name = "{0}.csv is a measured run of three threads")
    @FieldSource("TIMELINES")
    void isAMeasuredRun(String name) throws Exception {
        Timeline timeline = Timeline.parse(Files.readString(FOLDER.resolve(name + ".csv"),
                StandardCharsets.UTF_8));

        assertThat(timeline.threads()).containsExactly("cpu-1", "cpu-2", "sleeper");
        assertThat(timeline.header()).containsKeys("interpreter", "machine", "load average",
                "date", "switch interval ms", "run ms", "threads", "clock");
        for (String thread : timeline.threads()) {
            assertThat(timeline.segments(thread)).as(thread + " held the GIL")
                    .anyMatch(s -> s.state() == Timeline.Kind.HOLD);
        }
        assertThat(timeline.segments("sleeper")).as("the sleeper slept")
                .anyMatch(s -> s.state() == Timeline.Kind.SLEEP);
    }
}

package threadlab.grader.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.testing.Browser;
import threadlab.grader.testing.GraderProcess;
import threadlab.grader.testing.GraderProcess.ClassGraded;
import threadlab.grader.testing.Submissions;

/**
 * The class page and a student's page, opened in headless Chromium: what shows, what links
 * where, and a screenshot whose colours prove that the charts and badges were drawn. The pages
 * must stand alone: no script and no address outside the output folder.
 */
class HtmlReportsIT {

    private static final String THREADS = "module-03-threads";
    private static final String REFCOUNT = "module-01-refcount";
    private static final String GIL = "module-02-gil";

    @TempDir
    static Path classDir;

    @TempDir
    static Path out;

    private static ClassGraded graded;

    /**
     * Two students: one with module 3's solution only, one with every module's solution but for
     * a start() that calls run(). Bob's page shows passed tests (modules 1 and 2) at its top, so
     * its screenshot finds both badges however many tests a module has.
     */
    @BeforeAll
    static void gradeAClass() throws Exception {
        Path ada = Submissions.solution(classDir.resolve("ada"));
        Submissions.withoutModule(Submissions.withoutModule(ada, REFCOUNT), GIL);
        Submissions.editedSolution(classDir.resolve("bob"), THREADS, "PyThread.java",
                "        thread.start();\n", "        runOnThread();\n");
        graded = GraderProcess.gradeClass(out, classDir.toString());
    }

    private static Browser browser(Path profile) {
        Optional<Browser> browser = Browser.find(profile);
        if (browser.isEmpty()) {
            String why = "No Chromium on this machine, so the HTML reports were not opened in a"
                    + " browser. Install Debian's chromium package, or name one with"
                    + " -Dchromium=PATH.";
            if (Browser.required()) {
                throw new AssertionError(why + " (-Dthreadlab.requireBrowser=true: it must run"
                        + " here.)");
            }
            Assumptions.abort(why);
        }
        return browser.get();
    }

    @Test
    @DisplayName("the class page shows the summary, the charts, the misconceptions and links to"
            + " every student's page")
    void theClassPage(@TempDir Path profile) throws Exception {
        String dom = browser(profile).dom(out.resolve("index.html"));

        assertThat(dom).contains("<h1>Class grades</h1>").contains("id=\"distribution\"")
                .contains("id=\"pass-rates\"").contains("id=\"misconceptions\"")
                .contains("start() called run() or the target directly")
                .contains("href=\"ada/report.html\"").contains("href=\"bob/report.html\"");
        Matcher links = Pattern.compile("(?:href|src)=\"([^\"]+)\"").matcher(dom);
        while (links.find()) {
            String target = links.group(1);
            assertThat(target).as("a link that leaves the output folder").doesNotContain(":")
                    .doesNotStartWith("/").doesNotContain("..");
            assertThat(out.resolve(target)).as(target).exists();
        }
        assertThat(dom).doesNotContain("<script");
    }

    @Test
    @DisplayName("a student's page shows the score, the feedback and a timeline with a lane per"
            + " thread")
    void aStudentsPage(@TempDir Path profile) throws Exception {
        String ada = browser(profile).dom(out.resolve("ada/report.html"));
        String bob = browser(profile).dom(out.resolve("bob/report.html"));

        assertThat(ada).containsPattern("id=\"score\">[1-9][0-9]* / ").contains("Timeline:")
                .contains("class=\"lanes\"").contains("<th style=\"color:#d97706\">")
                .contains("(falls asleep for 5 seconds)").contains("To reproduce this grade")
                .contains(Runtime.version().toString().split("\\+")[0]);
        assertThat(bob).contains("FAIL").contains("start() called run() or the target directly")
                .contains("href=\"../index.html\"");
    }

    @Test
    @DisplayName("the screenshots show what was drawn: the bars of the score chart, the pass and"
            + " fail badges")
    void screenshots(@TempDir Path profile) throws Exception {
        Browser browser = browser(profile);
        Path shots = Files.createDirectories(GraderProcess.courseRoot()
                .resolve("grader/target/screenshots"));
        BufferedImage index = ImageIO.read(browser.screenshot(out.resolve("index.html"),
                shots.resolve("class.png"), 1200, 1400).toFile());
        BufferedImage bob = ImageIO.read(browser.screenshot(out.resolve("bob/report.html"),
                shots.resolve("student.png"), 1200, 12000).toFile());

        assertThat(index.getWidth()).isEqualTo(1200);
        assertThat(share(index, 0x3b82f6)).as("the blue of the bars").isGreaterThan(0.002);
        assertThat(share(bob, 0xdcf5e5)).as("the green of PASS badges").isGreaterThan(0.0001);
        assertThat(share(bob, 0xfde4e1)).as("the red of FAIL badges").isGreaterThan(0.0001);
    }

    /** The share of a picture's pixels that have a colour, give or take a little. */
    private static double share(BufferedImage image, int rgb) {
        long hits = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) <= 6
                        && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) <= 6
                        && Math.abs((p & 0xff) - (rgb & 0xff)) <= 6) {
                    hits++;
                }
            }
        }
        return (double) hits / ((long) image.getWidth() * image.getHeight());
    }
}

package threadlab.grader.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium, to look at the grader's HTML reports as a person would: the page as the
 * browser built it, and a screenshot. Where there is no Chromium, a test that needs one is
 * skipped with the reason, unless {@code -Dthreadlab.requireBrowser=true} (continuous
 * integration, which installs Debian's {@code chromium}) makes that a failure.
 */
public final class Browser {

    private static final List<String> PLACES = List.of("/usr/bin/chromium",
            "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/snap/bin/chromium");
    private static final long LIMIT_SECONDS = 120;

    private final Path executable;
    private final Path profile;

    private Browser(Path executable, Path profile) {
        this.executable = executable;
        this.profile = profile;
    }

    /**
     * The machine's Chromium, if it has one: {@code -Dchromium=PATH}, or a usual place.
     *
     * @param profile an empty folder for the browser's profile, fresh for each test
     * @return the browser, or none
     */
    public static Optional<Browser> find(Path profile) {
        String named = System.getProperty("chromium", "");
        List<String> places = new ArrayList<>();
        if (!named.isBlank()) {
            places.add(named);
        }
        places.addAll(PLACES);
        return places.stream().map(Path::of).filter(Files::isExecutable).findFirst()
                .map(p -> new Browser(p, profile));
    }

    /**
     * Whether a missing browser must fail the test instead of skipping it.
     *
     * @return the value of {@code threadlab.requireBrowser}
     */
    public static boolean required() {
        return Boolean.getBoolean("threadlab.requireBrowser");
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless",
                "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        return command;
    }

    private String run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("chromium", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Chromium ran past " + LIMIT_SECONDS + " s: "
                        + command);
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /**
     * The page as the browser built it.
     *
     * @param page an HTML file
     * @return its document, serialized
     * @throws Exception if the browser fails
     */
    public String dom(Path page) throws Exception {
        return run(command("--dump-dom", page.toUri().toString()));
    }

    /**
     * A screenshot of a page.
     *
     * @param page an HTML file
     * @param png where the PNG goes
     * @param width the window's width
     * @param height the window's height
     * @return the PNG file
     * @throws Exception if the browser fails or writes no picture
     */
    public Path screenshot(Path page, Path png, int width, int height) throws Exception {
        run(command("--hide-scrollbars", "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath(), page.toUri().toString()));
        if (!Files.isRegularFile(png)) {
            throw new IllegalStateException("Chromium wrote no screenshot of " + page);
        }
        return png;
    }
}

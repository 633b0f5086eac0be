package threadlab.grader.discover;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import threadlab.grader.protocol.Verdict;

/**
 * Keeps the hidden tests' source out of reports. A submission runs with the user's rights and
 * can read any file the user can, so it may find the hidden tests' source where the grader was
 * built, and throw or print it. Where that source is on this machine, beside the grader's jar,
 * the grader withholds any feedback or printed line that carries one of its lines.
 */
public final class HiddenSources {

    /** Shorter lines are too common to tell anything ({@code return true;}). */
    static final int SHORTEST = 25;
    /** What stands in for withheld feedback. */
    public static final String WITHHELD = "Feedback withheld: it held text of the hidden tests'"
            + " source, which a submission must not read. The test failed.";

    private final Set<String> lines;

    private HiddenSources(Set<String> lines) {
        this.lines = lines;
    }

    /**
     * The hidden tests' source beside the running grader, if it is there.
     *
     * @return the source's lines, or none
     */
    public static HiddenSources beside() {
        try {
            Path home = Path.of(HiddenSources.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
            // grader/target/grader.jar or grader/target/classes: the sources are in grader/src.
            Path grader = home.getParent() == null ? null : home.getParent().getParent();
            return grader == null ? new HiddenSources(Set.of())
                    : of(grader.resolve("src/hidden/java"));
        } catch (URISyntaxException | RuntimeException e) {
            return new HiddenSources(Set.of());
        }
    }

    /**
     * The lines of the sources in a folder.
     *
     * @param folder a source folder; a missing one holds nothing
     * @return the lines
     */
    public static HiddenSources of(Path folder) {
        Set<String> lines = new HashSet<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        String trimmed = line.strip();
                        if (trimmed.length() >= SHORTEST) {
                            lines.add(trimmed);
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                return new HiddenSources(Set.of());
            }
        }
        return new HiddenSources(lines);
    }

    /**
     * Whether a text carries a line of the hidden tests' source.
     *
     * @param text feedback or a printed line
     * @return {@code true} if any of its lines holds a source line
     */
    public boolean leaks(String text) {
        if (lines.isEmpty() || text.length() < SHORTEST) {
            return false;
        }
        for (String line : text.lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.length() >= SHORTEST && (lines.contains(trimmed)
                    || lines.stream().anyMatch(trimmed::contains))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The feedback, or a note that it was withheld.
     *
     * @param feedback the feedback
     * @return it, or {@link #WITHHELD}
     */
    public String feedback(String feedback) {
        return leaks(feedback) ? WITHHELD : feedback;
    }

    /**
     * The verdict, or one of the same kind that says it was withheld, if any of its texts
     * carries a line of the hidden tests' source.
     *
     * @param verdict the verdict
     * @return it, or a verdict that reads {@link #WITHHELD}
     */
    public Verdict verdict(Verdict verdict) {
        boolean leaked = Stream.of(verdict.expected(), verdict.happened(), verdict.likelyCause(),
                verdict.evidence()).anyMatch(this::leaks);
        return leaked ? Verdict.of(verdict.kind(), WITHHELD) : verdict;
    }

    /**
     * A printed line, or a note that it was withheld.
     *
     * @param text the line
     * @return it, or a note
     */
    public Optional<String> line(String text) {
        return leaks(text) ? Optional.of("(withheld: text of the hidden tests' source)")
                : Optional.empty();
    }

    /**
     * How many source lines it knows, for a report.
     *
     * @return the number of lines
     */
    public int size() {
        return lines.size();
    }

    /**
     * Nothing to withhold.
     *
     * @return an empty set of lines
     */
    public static HiddenSources none() {
        return new HiddenSources(Set.of());
    }
}

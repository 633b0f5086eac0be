package threadlab.grader.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import threadlab.grader.grading.Grader;
import threadlab.grader.course.ExerciseModule;
import threadlab.grader.discover.Fingerprint;
import threadlab.grader.discover.HiddenTest;
import threadlab.grader.protocol.Verdict;
import threadlab.grader.report.ModuleResult;
import threadlab.grader.report.TestResult;
import threadlab.grader.run.Limits;
import threadlab.grader.submission.Submission;

/**
 * The last check of each module, kept under the copy's {@code target/threadlab-check/}, so that
 * a module is tested again only when something its grade depends on changed: its sources, the
 * sources of the modules it uses, the grader (its jar or build folder, hidden tests included),
 * the JDK or the limits. Only the feedback is kept, never a hidden test's source.
 */
public final class CheckCache {

    /** Where the cache lives in a copy. */
    public static final String FOLDER = "target/threadlab-check";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;
    private final String graderKey;

    private CheckCache(Path folder, String graderKey) {
        this.folder = folder;
        this.graderKey = graderKey;
    }

    /** One module's kept results, and what they were computed from. */
    record Stored(String key, List<Row> tests) {
    }

    /** One kept test result. */
    record Row(String id, String group, String name, int points, int task, boolean passed,
            Verdict verdict, long millis) {
    }

    /**
     * The cache of a copy.
     *
     * @param copy the working copy
     * @param limits the limits its tests run within
     * @return its cache
     */
    public static CheckCache of(Submission copy, Limits limits) {
        return new CheckCache(copy.root().resolve(FOLDER), hash(Grader.version() + "\n"
                + Runtime.version() + "\n" + limits + "\n"
                + Fingerprint.quick(List.of(graderHome()))));
    }

    /**
     * What a module's grade depends on, as one hash.
     *
     * @param copy the working copy
     * @param module the module
     * @return the hash of its sources, those of the modules it uses, and the grader's
     */
    public String key(Submission copy, ExerciseModule module) {
        List<Path> sources = new ArrayList<>();
        sources.add(copy.sources(module));
        module.uses().forEach(used -> sources.add(copy.sources(used)));
        return hash(graderKey + "\n" + Fingerprint.of(sources));
    }

    /**
     * A module's results from the last check, if they were computed from the same key.
     *
     * @param module the module
     * @param key what they must have been computed from
     * @return the results, or none if there are none, or they are stale or unreadable
     */
    public Optional<ModuleResult> load(ExerciseModule module, String key) {
        Path file = file(module);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Stored stored = JSON.readValue(file.toFile(), Stored.class);
            if (!key.equals(stored.key()) || stored.tests() == null
                    || stored.tests().isEmpty()) {
                return Optional.empty();
            }
            List<TestResult> tests = new ArrayList<>();
            for (Row row : stored.tests()) {
                tests.add(new TestResult(new HiddenTest(module, row.id(), row.group(),
                        row.name(), row.points(), row.task()), row.passed(), row.verdict(),
                        row.millis()));
            }
            return Optional.of(new ModuleResult(module, tests));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Keeps a module's results for the next check.
     *
     * @param result the graded module
     * @param key what it was computed from, taken before it was graded
     * @throws IOException if the cache cannot be written
     */
    public void store(ModuleResult result, String key) throws IOException {
        List<Row> rows = result.tests().stream().map(t -> new Row(t.test().uniqueId(),
                t.test().group(), t.test().name(), t.test().points(), t.test().task(),
                t.passed(), t.verdict(), t.millis())).toList();
        Files.createDirectories(folder);
        Path file = file(result.module());
        Path temporary = Files.createTempFile(folder, result.module().folder(), ".tmp");
        try {
            Files.writeString(temporary, JSON.writeValueAsString(new Stored(key, rows)),
                    StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Where the cache is.
     *
     * @return its folder
     */
    public Path folder() {
        return folder;
    }

    private Path file(ExerciseModule module) {
        return folder.resolve(module.folder() + ".json");
    }

    /** The grader's jar, or its build folder when it runs from there. */
    private static Path graderHome() {
        try {
            return Path.of(CheckCache.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("no-grader-home");
        }
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

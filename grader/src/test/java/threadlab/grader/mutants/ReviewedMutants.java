package threadlab.grader.mutants;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A reviewed list of mutants, each with a one-line reason, in a text file: a mutant's id, spaces,
 * the reason; lines that start with {@code #} are comments. There are two lists:
 * <ul>
 *   <li>{@link #EQUIVALENT}: mutants that no correct test could tell from the solution. They are
 *       not graded.</li>
 *   <li>{@link #KNOWN}: survivors that no test can kill well today, each with what it waits
 *       for: the race detector (a removed {@code volatile} whose effect sequential consistency
 *       hides), the model checker, or time under the test's control. They are graded and still
 *       count as survivors; the build's sample leaves them out, rather than a flaky test
 *       catching them by luck.</li>
 * </ul>
 *
 * @param file the list's place in the course repository
 * @param reasons each listed mutant's reason, by id, in the file's order
 */
public record ReviewedMutants(String file, Map<String, String> reasons) {

    /** The equivalent mutants. */
    public static final String EQUIVALENT = "grader/src/test/resources/mutants/equivalent.txt";
    /** The known survivors, with what each waits for. */
    public static final String KNOWN = "grader/src/test/resources/mutants/known-survivors.txt";

    /**
     * Reads a list.
     *
     * @param courseRoot the course repository
     * @param file {@link #EQUIVALENT} or {@link #KNOWN}
     * @return the list
     */
    public static ReviewedMutants read(Path courseRoot, String file) {
        Map<String, String> reasons = new LinkedHashMap<>();
        try {
            List<String> lines = Files.readAllLines(courseRoot.resolve(file),
                    StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+", 2);
                if (parts.length < 2 || reasons.put(parts[0], parts[1]) != null) {
                    throw new IllegalStateException(file + ":" + (i + 1) + ": each line is a"
                            + " mutant's id, then its reason, and names a mutant once: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ReviewedMutants(file, reasons);
    }

    /** Whether a mutant is listed. */
    public boolean contains(Mutant mutant) {
        return reasons.containsKey(mutant.id());
    }

    /**
     * The listed ids that name no mutant: the solution changed under them, and they need
     * reviewing again.
     *
     * @param mutants every mutant there is
     * @return the stale ids, sorted
     */
    public Set<String> stale(Collection<Mutant> mutants) {
        Set<String> ids = mutants.stream().map(Mutant::id).collect(Collectors.toSet());
        return reasons.keySet().stream().filter(id -> !ids.contains(id))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}

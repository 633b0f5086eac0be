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
import java.util.stream.Collectors;

/**
 * The reviewed list of equivalent mutants: mutants that no correct test could tell from the
 * solution, each with a one-line reason. They are not graded. The list lives in
 * {@code grader/src/test/resources/mutants/equivalent.txt}: a mutant's id, spaces, the reason;
 * lines that start with {@code #} are comments.
 *
 * @param reasons each listed mutant's reason, by id, in the file's order
 */
public record Equivalents(Map<String, String> reasons) {

    /** The list's place in the course repository. */
    public static final String FILE = "grader/src/test/resources/mutants/equivalent.txt";

    /**
     * Reads the list.
     *
     * @param courseRoot the course repository
     * @return the list
     */
    public static Equivalents read(Path courseRoot) {
        Path file = courseRoot.resolve(FILE);
        Map<String, String> reasons = new LinkedHashMap<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+", 2);
                if (parts.length < 2 || reasons.put(parts[0], parts[1]) != null) {
                    throw new IllegalStateException(FILE + ":" + (i + 1) + ": each line is a"
                            + " mutant's id, then its reason, and names a mutant once: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Equivalents(reasons);
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
     * @return the stale ids
     */
    public Set<String> stale(Collection<Mutant> mutants) {
        Set<String> ids = mutants.stream().map(Mutant::id).collect(Collectors.toSet());
        return reasons.keySet().stream().filter(id -> !ids.contains(id))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}

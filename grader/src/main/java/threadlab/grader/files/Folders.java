package threadlab.grader.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folders the grader makes for a run and removes after it. */
public final class Folders {

    private Folders() {
    }

    /**
     * Deletes a folder and everything in it, as far as it can. Symbolic links are deleted, never
     * followed.
     *
     * @param folder the folder
     */
    public static void deleteQuietly(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover temporary folder is not worth failing a grade for.
        }
    }
}

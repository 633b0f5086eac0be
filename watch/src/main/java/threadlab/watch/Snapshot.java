package threadlab.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The files of a folder with their size and time of last change, to compare with a later look.
 * Comparing looks works the same on every system; Java's own watch service only polls on macOS,
 * where it notices a save seconds late.
 */
public final class Snapshot {

    private final Map<Path, String> files;

    private Snapshot(Map<Path, String> files) {
        this.files = files;
    }

    /**
     * Looks at every file in a folder and its subfolders; a missing folder holds none.
     *
     * @param folder the folder
     * @return what it holds now
     */
    public static Snapshot of(Path folder) {
        Map<Path, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return new Snapshot(files);
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.forEach(file -> stamp(file, files));
        } catch (IOException | UncheckedIOException e) {
            // A file deleted during the walk: the next look sees the folder as it settled.
            return new Snapshot(Map.of(folder, "unreadable " + e));
        }
        return new Snapshot(files);
    }

    private static void stamp(Path file, Map<Path, String> files) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file,
                    BasicFileAttributes.class);
            if (attributes.isRegularFile()) {
                files.put(file, attributes.size() + "@" + attributes.lastModifiedTime());
            }
        } catch (NoSuchFileException e) {
            // deleted since the walk found it
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The files that were added, removed or changed since an earlier look.
     *
     * @param earlier the earlier look
     * @return the files' paths, sorted
     */
    public Set<Path> changedSince(Snapshot earlier) {
        Set<Path> changed = new TreeSet<>();
        for (Map.Entry<Path, String> file : files.entrySet()) {
            if (!file.getValue().equals(earlier.files.get(file.getKey()))) {
                changed.add(file.getKey());
            }
        }
        for (Path file : earlier.files.keySet()) {
            if (!files.containsKey(file)) {
                changed.add(file);
            }
        }
        return changed;
    }
}

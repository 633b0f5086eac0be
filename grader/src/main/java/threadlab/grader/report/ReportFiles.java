package threadlab.grader.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes reports to an output folder, each file whole or not at all. It remembers what it wrote,
 * and {@link #rewriteChanged()} puts back any file that something else changed since: a
 * submission that writes where the reports go cannot change what the instructor reads.
 */
public final class ReportFiles {

    private final Map<Path, String> written = new LinkedHashMap<>();

    /**
     * Writes a file and remembers its text.
     *
     * @param file the file
     * @param text its text
     * @throws IOException if it cannot be written
     */
    public synchronized void put(Path file, String text) throws IOException {
        write(file, text);
        written.put(file.toAbsolutePath().normalize(), text);
    }

    /**
     * Writes every file again whose text on disk is no longer what was written.
     *
     * @return the files that had changed
     * @throws IOException if one cannot be written
     */
    public synchronized List<Path> rewriteChanged() throws IOException {
        List<Path> changed = new ArrayList<>();
        for (Map.Entry<Path, String> e : written.entrySet()) {
            byte[] now = Files.isRegularFile(e.getKey()) ? Files.readAllBytes(e.getKey()) : null;
            if (!Arrays.equals(e.getValue().getBytes(StandardCharsets.UTF_8), now)) {
                changed.add(e.getKey());
                write(e.getKey(), e.getValue());
            }
        }
        return changed;
    }

    /**
     * Writes a file whole or not at all: first beside it, then moved into place.
     *
     * @param file the file
     * @param text its text
     * @throws IOException if it cannot be written
     */
    public static void write(Path file, String text) throws IOException {
        Path target = file.toAbsolutePath();
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        // Bytes, not writeString: text that is not valid Unicode is replaced, never refused.
        Files.write(partial, text.getBytes(StandardCharsets.UTF_8));
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

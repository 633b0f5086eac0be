package threadlab.grader.submission;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The files of a snapshot as they are read, by their path in the course folder. It refuses what
 * could not be written back as one file per name on every system: the same name twice, two names
 * that differ only in case or in how an accent is encoded (one file on Windows and macOS), and a
 * name that is both a file and a folder. It also bounds how much one submission may hold.
 */
final class SourceTree {

    private final String what;
    private final Map<String, byte[]> files = new TreeMap<>();
    private final Map<String, String> folded = new HashMap<>();
    private final Set<String> folders = new HashSet<>();
    private long bytes;

    /**
     * An empty tree.
     *
     * @param what the submission, for messages
     */
    SourceTree(String what) {
        this.what = what;
    }

    /**
     * Counts a file before it is read, so that a submission of many files stops early.
     *
     * @throws UnreadableSubmissionException past {@link Snapshot#MAX_FILES}
     */
    void countFile() throws UnreadableSubmissionException {
        if (files.size() + 1 > Snapshot.MAX_FILES) {
            throw new UnreadableSubmissionException("The submission " + what + " has more than "
                    + Snapshot.MAX_FILES + " source files, so the grader did not read it. Hand"
                    + " in the course folder without build output.");
        }
    }

    /**
     * Counts bytes as they are read, so that a zip bomb stops at the limit.
     *
     * @param more bytes read
     * @throws UnreadableSubmissionException past {@link Snapshot#MAX_BYTES}
     */
    void countBytes(long more) throws UnreadableSubmissionException {
        bytes += more;
        if (bytes > Snapshot.MAX_BYTES) {
            throw new UnreadableSubmissionException("The submission " + what + " has more than "
                    + Snapshot.MAX_BYTES / (1024 * 1024) + " MB of sources, so the grader did not"
                    + " read it. Hand in the course folder without build output.");
        }
    }

    /**
     * Adds a file.
     *
     * @param path its path in the course folder, normalised, with forward slashes
     * @param contents its bytes
     * @throws UnreadableSubmissionException if the name clashes with one already added
     */
    void put(String path, byte[] contents) throws UnreadableSubmissionException {
        String key = Normalizer.normalize(path, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        String before = folded.putIfAbsent(key, path);
        if (before != null) {
            throw clash(path, before.equals(path) ? "twice" : "and also as " + before
                    + ", a name that differs only in case or accents and is the same file on"
                    + " Windows and macOS");
        }
        if (folders.contains(key)) {
            throw clash(path, "as a file, and as a folder of other files");
        }
        for (int slash = key.indexOf('/'); slash >= 0; slash = key.indexOf('/', slash + 1)) {
            String folder = key.substring(0, slash);
            folders.add(folder);
            if (folded.containsKey(folder)) {
                throw clash(folded.get(folder), "as a file, and as a folder of other files");
            }
        }
        files.put(path, contents);
    }

    private UnreadableSubmissionException clash(String path, String how) {
        return new UnreadableSubmissionException("The submission " + what + " holds " + path
                + " " + how + ", so the grader could not tell which to grade and read nothing"
                + " from it. Keep one file per name and hand it in again.");
    }

    /**
     * The files read.
     *
     * @return the files, by path, in order
     */
    Map<String, byte[]> files() {
        return files;
    }
}

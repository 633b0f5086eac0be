package threadlab.grader.submission;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import threadlab.grader.course.Course;
import threadlab.grader.course.ExerciseModule;

/**
 * The sources of a submission, read from a folder or a zip into memory before any student code
 * runs, so that the grader compiles what the student handed in, and nothing running meanwhile
 * can change it. Only each module's {@code src/main/java} is taken. A zip is checked whole before
 * anything is read: no entry may land outside its folder or be a link, no name may be there
 * twice, and its size is bounded. A folder is read without following any link.
 */
public final class Snapshot {

    private final Candidate candidate;
    private final Map<String, byte[]> files;

    private Snapshot(Candidate candidate, Map<String, byte[]> files) {
        this.candidate = candidate;
        this.files = files;
    }

    /**
     * Writes the sources to a folder of the grader's, to compile them.
     *
     * @param target an empty folder
     * @return the submission, read from that folder, with its name and origin
     * @throws IOException if the folder cannot be written
     */
    public Submission writeTo(Path target) throws IOException {
        Path base = Files.createDirectories(target).toAbsolutePath().normalize();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path to = base.resolve(file.getKey()).normalize();
            if (!to.startsWith(base) || to.equals(base)) {
                throw new IOException(file.getKey() + " would land outside " + base);
            }
            Files.createDirectories(to.getParent());
            // A new file only: nothing written before, and no link, can send it elsewhere.
            Files.write(to, file.getValue(), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        }
        return new Submission(candidate.name(), target,
                candidate.path().toAbsolutePath().normalize());
    }

    /** The most files a submission's sources may have. */
    static final int MAX_FILES = 2_000;
    /** The most bytes a submission's sources may have, unpacked. */
    static final long MAX_BYTES = 5L * 1024 * 1024;
    /** The most entries a zip may have, whatever they hold. */
    static final int MAX_ENTRIES = 50_000;
    /** How deep a submission's course folder may sit below extra top folders. */
    static final int MAX_TOP_FOLDERS = 3;

    /**
     * Takes a snapshot of a submission's sources.
     *
     * @param candidate the submission as named
     * @return the snapshot
     * @throws UnreadableSubmissionException if it cannot be read, with what to do
     */
    public static Snapshot take(Candidate candidate) throws UnreadableSubmissionException {
        Path path = candidate.path();
        String shown = path.toString();
        if (!Files.exists(path)) {
            throw new UnreadableSubmissionException("The submission " + shown + " does not exist,"
                    + " so nothing could be graded. Check the name and hand it in again.");
        }
        if (Files.isSymbolicLink(path)) {
            throw new UnreadableSubmissionException("The submission " + shown + " is a symbolic"
                    + " link, which may lead to another student's work or the reference"
                    + " solutions. The grader follows no link in a submission, so nothing could"
                    + " be graded. Hand in the folder or the .zip itself.");
        }
        SourceTree files = new SourceTree(shown);
        try {
            if (candidate.isZip()) {
                unzip(path, files);
            } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                FolderSources.read(root(path), files);
            } else {
                throw new UnreadableSubmissionException("The submission " + shown + " is a file,"
                        + " not a folder or a .zip, so nothing could be graded. Hand in the"
                        + " course folder, or a .zip of it.");
            }
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new UnreadableSubmissionException("The submission " + shown + " could not be"
                    + " read (" + e.getMessage() + "), so nothing could be graded.");
        }
        return new Snapshot(candidate, files.files());
    }

    /** The course folder in a student's folder: the folder itself, or below extra top folders. */
    private static Path root(Path folder) throws IOException, UnreadableSubmissionException {
        Path dir = folder;
        for (int depth = 0; depth <= MAX_TOP_FOLDERS; depth++) {
            if (Submission.holdsModule(dir)) {
                return dir;
            }
            List<Path> inside;
            try (Stream<Path> list = Files.list(dir)) {
                inside = list.filter(p -> !String.valueOf(p.getFileName()).startsWith(".")
                        && !String.valueOf(p.getFileName()).equals("__MACOSX")).toList();
            }
            if (inside.isEmpty()) {
                throw new UnreadableSubmissionException("The submission " + folder + " is empty,"
                        + " so nothing could be graded. Hand in the course folder with your"
                        + " work in it.");
            }
            if (inside.size() != 1 || !Files.isDirectory(inside.get(0),
                    LinkOption.NOFOLLOW_LINKS)) {
                break;
            }
            dir = inside.get(0);
        }
        throw new UnreadableSubmissionException(noModules(folder.toString()));
    }

    private static String noModules(String what) {
        return "The submission " + what + " holds none of the course's module folders ("
                + Intake.moduleNames() + "), so nothing could be graded. Hand in the course"
                + " folder as it is laid out, with each module's folder at its top.";
    }

    private static void unzip(Path zip, SourceTree target)
            throws IOException, UnreadableSubmissionException {
        ZipLinks links = links(zip);
        try (ZipFile file = open(zip)) {
            if (file.size() > MAX_ENTRIES || file.size() != links.entries()) {
                throw new UnreadableSubmissionException("The zip " + zip + " has "
                        + file.size() + " entries; the grader reads at most " + MAX_ENTRIES
                        + ", so nothing could be graded. Zip the course folder without build"
                        + " output.");
            }
            Map<String, ZipEntry> entries = entries(zip, file, links);
            if (entries.isEmpty()) {
                throw new UnreadableSubmissionException("The zip " + zip + " is empty, so nothing"
                        + " could be graded. Zip the course folder with your work in it.");
            }
            String prefix = prefix(entries.keySet());
            if (prefix == null) {
                throw new UnreadableSubmissionException(noModules(zip.toString()));
            }
            for (Map.Entry<String, ZipEntry> entry : entries.entrySet()) {
                for (ExerciseModule module : Course.modules()) {
                    String sources = prefix + module.sourceFolder() + "/";
                    if (entry.getKey().startsWith(sources)) {
                        target.countFile();
                        target.put(module.sourceFolder() + "/"
                                + entry.getKey().substring(sources.length()),
                                read(file, entry.getValue(), target));
                    }
                }
            }
        } catch (ZipException e) {
            throw new UnreadableSubmissionException("The zip " + zip + " is not a zip file the"
                    + " grader can read (" + e.getMessage() + "), so nothing could be graded."
                    + " Zip the course folder again and hand it in.");
        }
    }

    /**
     * A zip's files by their normalised names, refusing the whole zip for one entry that would
     * land outside its folder, that is a link, or whose name is there twice.
     */
    private static Map<String, ZipEntry> entries(Path zip, ZipFile file, ZipLinks links)
            throws UnreadableSubmissionException {
        Map<String, ZipEntry> entries = new TreeMap<>();
        Enumeration<? extends ZipEntry> all = file.entries();
        for (int index = 0; all.hasMoreElements(); index++) {
            ZipEntry entry = all.nextElement();
            String name;
            try {
                name = EntryNames.normalise(entry.getName());
            } catch (IllegalArgumentException e) {
                throw refused(zip, entry, e.getMessage());
            }
            if (links.links().get(index)) {
                throw refused(zip, entry, "is a link, which may lead to another student's work or"
                        + " the reference solutions; the grader follows no link in a submission");
            }
            if (name.isEmpty() || name.startsWith("__MACOSX/") || entry.isDirectory()) {
                continue;
            }
            if (entries.put(name, entry) != null) {
                throw refused(zip, entry, "is there twice, so the grader cannot tell which to"
                        + " grade");
            }
        }
        return entries;
    }

    private static UnreadableSubmissionException refused(Path zip, ZipEntry entry, String why) {
        return new UnreadableSubmissionException("The zip " + zip + " has an entry, \""
                + entry.getName() + "\", that " + why + ", so the grader unpacked nothing from"
                + " it. Zip the course folder again with your system's own zip tool, with paths"
                + " inside the folder and no links.");
    }

    private static ZipLinks links(Path zip) throws UnreadableSubmissionException {
        try {
            return ZipLinks.of(zip);
        } catch (IOException e) {
            throw new UnreadableSubmissionException("The zip " + zip + " is not a zip file the"
                    + " grader can read (" + e.getMessage() + "), so nothing could be graded."
                    + " Zip the course folder again and hand it in.");
        }
    }

    /** An entry's bytes, counted as they come, so that a zip bomb stops at the limit. */
    private static byte[] read(ZipFile file, ZipEntry entry, SourceTree budget)
            throws IOException, UnreadableSubmissionException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = file.getInputStream(entry)) {
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                budget.countBytes(n);
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    /** A zip's names in UTF-8, or, for zips from old tools, in the DOS code page. */
    private static ZipFile open(Path zip) throws IOException {
        try {
            ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8);
            file.stream().forEach(e -> { });
            return file;
        } catch (IllegalArgumentException | ZipException e) {
            return new ZipFile(zip.toFile(), Charset.forName("IBM437"));
        }
    }

    /** The folder inside a zip that holds the course's modules: "" or extra top folders. */
    private static String prefix(Iterable<String> names) {
        String best = null;
        for (String name : names) {
            for (ExerciseModule module : Course.modules()) {
                int at = name.indexOf(module.folder() + "/");
                while (at >= 0) {
                    if (at == 0 || name.charAt(at - 1) == '/') {
                        String prefix = name.substring(0, at);
                        if (prefix.chars().filter(c -> c == '/').count() <= MAX_TOP_FOLDERS
                                && (best == null || prefix.length() < best.length())) {
                            best = prefix;
                        }
                        break;
                    }
                    at = name.indexOf(module.folder() + "/", at + 1);
                }
            }
        }
        return best;
    }

}

package threadlab.grader.submission;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * anything is read: no entry may land outside its folder, and its size is bounded.
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
        Files.createDirectories(target);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path to = target.resolve(file.getKey());
            Files.createDirectories(to.getParent());
            Files.write(to, file.getValue());
        }
        return new Submission(candidate.name(), target,
                candidate.path().toAbsolutePath().normalize());
    }

    /** The most files a submission's sources may have. */
    static final int MAX_FILES = 2_000;
    /** The most bytes a submission's sources may have, unpacked. */
    static final long MAX_BYTES = 5L * 1024 * 1024;
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
        Map<String, byte[]> files = new TreeMap<>();
        try {
            if (candidate.isZip()) {
                unzip(path, files);
            } else if (Files.isDirectory(path)) {
                copy(path, files);
            } else {
                throw new UnreadableSubmissionException("The submission " + shown + " is a file,"
                        + " not a folder or a .zip, so nothing could be graded. Hand in the"
                        + " course folder, or a .zip of it.");
            }
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new UnreadableSubmissionException("The submission " + shown + " could not be"
                    + " read (" + e.getMessage() + "), so nothing could be graded.");
        }
        return new Snapshot(candidate, files);
    }

    private static void copy(Path folder, Map<String, byte[]> target)
            throws IOException, UnreadableSubmissionException {
        Path root = root(folder);
        Budget budget = new Budget(folder.toString());
        for (ExerciseModule module : Course.modules()) {
            Path sources = root.resolve(module.sourceFolder());
            if (!Files.isDirectory(sources, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(sources)) {
                files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                        .sorted().toList();
            }
            for (Path file : files) {
                budget.file();
                budget.add(Files.size(file));
                target.put(module.sourceFolder() + "/"
                        + sources.relativize(file).toString().replace('\\', '/'),
                        Files.readAllBytes(file));
            }
        }
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

    private static void unzip(Path zip, Map<String, byte[]> target)
            throws IOException, UnreadableSubmissionException {
        try (ZipFile file = open(zip)) {
            List<ZipEntry> entries = new ArrayList<>();
            Enumeration<? extends ZipEntry> all = file.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                String name = entry.getName().replace('\\', '/');
                if (escapes(name)) {
                    throw new UnreadableSubmissionException("The zip " + zip + " has an entry, \""
                            + name + "\", that would land outside the folder it unpacks to, so"
                            + " the grader unpacked nothing from it. Zip the course folder again"
                            + " with your system's own zip tool, with paths inside the folder.");
                }
                if (!name.startsWith("__MACOSX/") && !entry.isDirectory()) {
                    entries.add(entry);
                }
            }
            if (entries.isEmpty()) {
                throw new UnreadableSubmissionException("The zip " + zip + " is empty, so nothing"
                        + " could be graded. Zip the course folder with your work in it.");
            }
            String prefix = prefix(entries);
            if (prefix == null) {
                throw new UnreadableSubmissionException(noModules(zip.toString()));
            }
            Budget budget = new Budget(zip.toString());
            for (ZipEntry entry : entries) {
                String name = entry.getName().replace('\\', '/');
                for (ExerciseModule module : Course.modules()) {
                    String sources = prefix + module.sourceFolder() + "/";
                    if (name.startsWith(sources)) {
                        budget.file();
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        try (InputStream in = file.getInputStream(entry)) {
                            byte[] buffer = new byte[8192];
                            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                                budget.add(n);
                                out.write(buffer, 0, n);
                            }
                        }
                        target.put(module.sourceFolder() + "/" + Path.of(
                                name.substring(sources.length())).normalize().toString()
                                .replace('\\', '/'), out.toByteArray());
                    }
                }
            }
        } catch (ZipException e) {
            throw new UnreadableSubmissionException("The zip " + zip + " is not a zip file the"
                    + " grader can read (" + e.getMessage() + "), so nothing could be graded."
                    + " Zip the course folder again and hand it in.");
        }
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

    /** Whether an entry's name would put it outside the folder it is unpacked into. */
    static boolean escapes(String name) {
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            return true;
        }
        int depth = 0;
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                depth--;
            } else if (!part.isEmpty() && !part.equals(".")) {
                depth++;
            }
            if (depth < 0) {
                return true;
            }
        }
        return false;
    }

    /** The folder inside a zip that holds the course's modules: "" or extra top folders. */
    private static String prefix(List<ZipEntry> entries) {
        String best = null;
        for (ZipEntry entry : entries) {
            String name = entry.getName().replace('\\', '/');
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

    /** Bounds what one submission may unpack. */
    private static final class Budget {
        private final String what;
        private long bytes;
        private int files;

        Budget(String what) {
            this.what = what;
        }

        void add(long more) throws UnreadableSubmissionException {
            bytes += more;
            if (bytes > MAX_BYTES) {
                throw new UnreadableSubmissionException("The submission " + what + " has more than"
                        + " " + MAX_BYTES / (1024 * 1024) + " MB of sources, so the grader did not"
                        + " read it. Hand in the course folder without build output.");
            }
        }

        void file() throws UnreadableSubmissionException {
            if (++files > MAX_FILES) {
                throw new UnreadableSubmissionException("The submission " + what + " has more than"
                        + " " + MAX_FILES + " source files, so the grader did not read it.");
            }
        }
    }
}

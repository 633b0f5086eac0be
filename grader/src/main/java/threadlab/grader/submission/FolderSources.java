package threadlab.grader.submission;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import threadlab.grader.course.Course;
import threadlab.grader.course.ExerciseModule;

/**
 * Reads the modules' sources from a student's folder without following any link out of it. A
 * symbolic link, a Windows junction or a hard link could make another student's work, or the
 * reference solutions, pass for this student's, so each is refused with its name: the module
 * folder and every folder on the way to {@code src/main/java}, and every file and folder below.
 * Anything that is neither a plain file nor a folder (a pipe, a device) is refused too.
 */
final class FolderSources {

    private FolderSources() {
    }

    /**
     * Reads the sources of every module under a course folder.
     *
     * @param root the course folder, which holds the module folders
     * @param tree where the files go
     * @throws IOException if a file cannot be read
     * @throws UnreadableSubmissionException if a link or a special file is in the way
     */
    static void read(Path root, SourceTree tree) throws IOException, UnreadableSubmissionException {
        refuseLink(root, root);
        for (ExerciseModule module : Course.modules()) {
            Path sources = root;
            boolean present = true;
            for (String part : module.sourceFolder().split("/")) {
                sources = sources.resolve(part);
                present = present && isRealFolder(root, sources);
            }
            if (present) {
                walk(root, sources, module, tree);
            }
        }
    }

    /** Whether a folder on the way to the sources is there: a link or a special file is refused. */
    private static boolean isRealFolder(Path root, Path dir)
            throws IOException, UnreadableSubmissionException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(dir, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return false;
        }
        refuse(root, dir, attributes);
        return attributes.isDirectory();
    }

    private static void walk(Path root, Path sources, ExerciseModule module, SourceTree tree)
            throws IOException, UnreadableSubmissionException {
        try {
            Files.walkFileTree(sources, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                        throws IOException {
                    rethrow(root, dir, attrs);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                        throws IOException {
                    rethrow(root, file, attrs);
                    if (attrs.isRegularFile()) {
                        try {
                            add(root, sources, module, file, tree);
                        } catch (UnreadableSubmissionException e) {
                            throw new Refused(e);
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (Refused e) {
            throw e.refusal;
        }
    }

    private static void add(Path root, Path sources, ExerciseModule module, Path file,
            SourceTree tree) throws IOException, UnreadableSubmissionException {
        Object links = hardLinks(file);
        if (links instanceof Integer count && count > 1) {
            throw new UnreadableSubmissionException(shown(root, file) + " is a hard link: the"
                    + " same file has " + count + " names on disk, so its contents may be another"
                    + " student's or the reference solution's. The grader reads no file through"
                    + " a link, so it read nothing from this submission. Replace it with a copy"
                    + " of the file and hand it in again.");
        }
        tree.countFile();
        tree.countBytes(Files.size(file));
        tree.put(module.sourceFolder() + "/"
                + sources.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
    }

    /** How many names a file has on disk, where the file system says. */
    private static Object hardLinks(Path file) throws IOException {
        try {
            return Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    private static void rethrow(Path root, Path path, BasicFileAttributes attrs) throws Refused {
        try {
            refuse(root, path, attrs);
        } catch (UnreadableSubmissionException e) {
            throw new Refused(e);
        }
    }

    private static void refuseLink(Path root, Path path)
            throws IOException, UnreadableSubmissionException {
        refuse(root, path, Files.readAttributes(path, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS));
    }

    private static void refuse(Path root, Path path, BasicFileAttributes attributes)
            throws UnreadableSubmissionException {
        if (attributes.isSymbolicLink() || attributes.isOther()) {
            throw new UnreadableSubmissionException(shown(root, path) + " is "
                    + (attributes.isSymbolicLink() ? "a symbolic link" : "a link or a special"
                    + " file (a junction, a pipe or a device)") + ", which may lead to another"
                    + " student's work or the reference solutions. The grader follows no link"
                    + " in a submission, so it read nothing from this one. Replace the link with"
                    + " the folder or file itself and hand it in again.");
        }
    }

    /** A path as the student knows it: from the folder handed in. */
    static String shown(Path root, Path path) {
        Path base = root.getParent() == null ? root : root.getParent();
        return path.startsWith(base) ? base.relativize(path).toString().replace('\\', '/')
                : path.toString();
    }

    /** Carries a refusal out of a file visitor, whose methods may throw only I/O errors. */
    private static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient UnreadableSubmissionException refusal;

        Refused(UnreadableSubmissionException refusal) {
            super(refusal.getMessage());
            this.refusal = refusal;
        }
    }
}

package threadlab.grader.files;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Folders the grader makes for a run and removes after it, whatever a submission left in them. */
public final class Folders {

    /** How long, at most, ending processes waits for them to be gone. */
    private static final Set<PosixFilePermission> OWNER_ALL =
            PosixFilePermissions.fromString("rwx------");

    private Folders() {
    }

    /**
     * Deletes a folder and everything in it, as far as it can. A folder that a submission made
     * read-only or unreadable is made the owner's again first, so that its files can go; a link
     * is deleted, never followed.
     *
     * @param folder the folder; a missing one is left as it is
     */
    public static void deleteQuietly(Path folder) {
        if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // A folder it could not open: open it to its owner and walk it again.
                    if (ownerOnly(file)) {
                        deleteQuietly(file);
                    } else {
                        delete(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // A leftover temporary folder is not worth failing a grade for.
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // Its folder may be read-only: open it to its owner and try once more.
            Path parent = path.getParent();
            if (parent != null && ownerOnly(parent)) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException again) {
                    // Left behind; the rest still goes.
                }
            }
        }
    }

    /** Gives a folder's owner every right to it again, without following a link. */
    private static boolean ownerOnly(Path dir) {
        try {
            if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            Files.setPosixFilePermissions(dir, OWNER_ALL);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}

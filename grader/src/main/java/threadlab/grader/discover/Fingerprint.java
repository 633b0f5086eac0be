package threadlab.grader.discover;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A SHA-256 over files and folders, to tell whether anything changed them.
 *
 * <p>{@link #of} reads every byte. {@link #quick} reads only what the file system keeps about each
 * file and folder: size, times and identity, with the change time ({@code ctime}) that no program
 * can set back; any write, rename, new file or change of permissions shows. Where the file system
 * has no change time, it reads every byte as well.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    /**
     * The fingerprint of the contents of files and folders.
     *
     * @param roots files or folders; a missing one counts as empty
     * @return the hash, in hex
     */
    public static String of(List<Path> roots) {
        return hash(roots, false);
    }

    /**
     * A quick fingerprint of files and folders, from their attributes where the file system
     * keeps a change time, else from their contents.
     *
     * @param roots files or folders; a missing one counts as empty
     * @return the hash, in hex
     */
    public static String quick(List<Path> roots) {
        return hash(roots, true);
    }

    private static String hash(List<Path> roots, boolean quick) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[64 * 1024];
        for (Path root : roots) {
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                digest.update((byte) 1);
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.sorted().toList()) {
                    digest.update(root.relativize(file).toString()
                            .getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                    String stat = quick ? stat(file) : null;
                    if (stat != null) {
                        digest.update(stat.getBytes(StandardCharsets.UTF_8));
                    } else if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                        try (InputStream in = Files.newInputStream(file)) {
                            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                                digest.update(buffer, 0, n);
                            }
                        }
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                // A file that went, or could not be read, while it was walked: the files are not
                // as they were, which the fingerprint must show, never a crash of the caller.
                digest.update((byte) 2);
                digest.update(String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Size, times, identity and change time, or {@code null} without a change time. */
    private static String stat(Path file) throws IOException {
        try {
            Map<String, Object> unix = Files.readAttributes(file, "unix:ctime,ino,dev,mode",
                    LinkOption.NOFOLLOW_LINKS);
            BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return basic.size() + "|" + basic.lastModifiedTime().toMillis() + "|"
                    + unix.get("ctime") + "|" + unix.get("ino") + "|" + unix.get("dev") + "|"
                    + unix.get("mode");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }
}

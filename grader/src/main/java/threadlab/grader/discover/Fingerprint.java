package threadlab.grader.discover;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** A SHA-256 over files and folders: every file's path and bytes, in a fixed order. */
public final class Fingerprint {

    private Fingerprint() {
    }

    /**
     * The fingerprint of some files and folders.
     *
     * @param roots files or folders; a missing one counts as empty
     * @return the hash, in hex
     */
    public static String of(List<Path> roots) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[64 * 1024];
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    digest.update(root.relativize(file).toString()
                            .getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                    try (InputStream in = Files.newInputStream(file)) {
                        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                            digest.update(buffer, 0, n);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}

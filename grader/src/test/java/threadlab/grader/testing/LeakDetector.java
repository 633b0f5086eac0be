package threadlab.grader.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Finds hidden tests in text a student can read: the hidden sources and class files, cut into
 * windows of {@value #WINDOW} bytes, looked for in everything the text decodes to (each Base64
 * or hex run alone, the runs of a file put together in order, and any gzip stream in them, as
 * far as it goes), and, for the sources, in the text itself wherever a window spans a line
 * end after code (a string a test prints cannot hold one).
 */
public final class LeakDetector {

    /** How many bytes of a hidden file make a leak. */
    static final int WINDOW = 48;
    private static final int STRIDE = 16;
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{16,}={0,2}");
    private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2}){16,}");

    private final Map<String, String> encoded = new HashMap<>();
    private final Map<String, String> verbatim = new HashMap<>();

    private LeakDetector() {
    }

    /**
     * A detector for the course's hidden tests: their sources, and their class files in the
     * grader's jar.
     *
     * @param courseRoot the course repository
     * @param graderJar the packaged grader
     * @return the detector
     * @throws IOException if a hidden file cannot be read
     */
    public static LeakDetector forHiddenTests(Path courseRoot, Path graderJar)
            throws IOException {
        LeakDetector detector = new LeakDetector();
        try (Stream<Path> walk = Files.walk(courseRoot.resolve("grader/src/hidden/java"))) {
            for (Path source : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                detector.add(source.getFileName().toString(), Files.readAllBytes(source), true);
            }
        }
        try (JarFile jar = new JarFile(graderJar.toFile())) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                JarEntry entry = e.nextElement();
                if (entry.getName().startsWith("hidden/") && entry.getName().endsWith(".class")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        detector.add(entry.getName(), in.readAllBytes(), false);
                    }
                }
            }
        }
        if (detector.encoded.isEmpty()) {
            throw new IllegalStateException("no hidden test found to look for");
        }
        return detector;
    }

    private void add(String name, byte[] bytes, boolean source) {
        for (int at = 0; at + WINDOW <= bytes.length; at += STRIDE) {
            String window = new String(bytes, at, WINDOW, StandardCharsets.ISO_8859_1);
            encoded.putIfAbsent(window, name);
            if (source && window.matches("(?s).*[;{]\\n.*")) {
                verbatim.putIfAbsent(window, name);
            }
        }
    }

    /**
     * The hidden file a text gives away, if any.
     *
     * @param text a report's text
     * @return the first hidden file found, with how it came out
     */
    public Optional<String> leakIn(String text) {
        Optional<String> plain = find(text.getBytes(StandardCharsets.UTF_8), verbatim);
        if (plain.isPresent()) {
            return plain.map(name -> name + " (verbatim)");
        }
        for (byte[] blob : decoded(text)) {
            Optional<String> found = find(blob, encoded);
            if (found.isPresent()) {
                return found.map(name -> name + " (encoded)");
            }
        }
        return Optional.empty();
    }

    private static List<byte[]> decoded(String text) {
        List<byte[]> blobs = new ArrayList<>();
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        Matcher base64 = BASE64.matcher(text);
        while (base64.find()) {
            String run = base64.group();
            run = run.substring(0, run.length() - run.length() % 4);
            try {
                byte[] bytes = Base64.getDecoder().decode(run);
                blobs.add(bytes);
                joined.writeBytes(bytes);
            } catch (IllegalArgumentException e) {
                // Not Base64 after all.
            }
        }
        blobs.add(joined.toByteArray());
        Matcher hex = HEX.matcher(text);
        ByteArrayOutputStream hexJoined = new ByteArrayOutputStream();
        while (hex.find()) {
            byte[] bytes = HexFormat.of().parseHex(hex.group());
            blobs.add(bytes);
            hexJoined.writeBytes(bytes);
        }
        blobs.add(hexJoined.toByteArray());
        for (byte[] blob : List.copyOf(blobs)) {
            for (int at = 0; at + 2 < blob.length; at++) {
                if (blob[at] == 0x1f && blob[at + 1] == (byte) 0x8b && blob[at + 2] == 8) {
                    blobs.add(gunzip(blob, at));
                }
            }
        }
        return blobs;
    }

    /** As much of a gzip stream as can be read, up to where it is cut off. */
    private static byte[] gunzip(byte[] blob, int at) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(blob, at,
                blob.length - at))) {
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // Cut off or not gzip: keep what came out.
        }
        return out.toByteArray();
    }

    private static Optional<String> find(byte[] blob, Map<String, String> windows) {
        String text = new String(blob, StandardCharsets.ISO_8859_1);
        for (int at = 0; at + WINDOW <= text.length(); at++) {
            String name = windows.get(text.substring(at, at + WINDOW));
            if (name != null) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }
}

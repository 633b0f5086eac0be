package threadlab.grader.gradescope;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import threadlab.grader.failure.GraderException;

/**
 * A Gradescope autograder: {@code setup.sh}, which installs Java 17 when Gradescope builds the
 * image, {@code run_autograder}, which grades {@code /autograder/submission} into
 * {@code /autograder/results/results.json}, the grader's jar, and the rubric it grades with.
 * Written as a folder, to try it locally, and as a zip with the files at its root, to upload.
 *
 * @param graderJar the grader's jar, copied in whole
 * @param rubric the complete rubric, as YAML
 * @param maxScore the most points under that rubric, for the script's own results.json when the
 *     grader cannot run
 */
public record AutograderBundle(Path graderJar, String rubric, int maxScore) {

    /** The files of the bundle, in the order they are written. */
    public static final List<String> FILES = List.of("setup.sh", "run_autograder", "grader.jar",
            "rubric.yaml");

    private static final Set<PosixFilePermission> EXECUTABLE =
            PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> READABLE =
            PosixFilePermissions.fromString("rw-r--r--");

    /**
     * Writes the bundle into a folder.
     *
     * @param folder a new folder, or an empty one
     * @throws GraderException if the folder holds files already or cannot be written
     */
    public void writeTo(Path folder) throws GraderException {
        try {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> inside = Files.list(folder)) {
                    if (inside.findAny().isPresent()) {
                        throw new GraderException(folder + " holds files already. Name a new"
                                + " folder, or an empty one, for the autograder.");
                    }
                }
            } else if (Files.exists(folder)) {
                throw new GraderException(folder + " is a file. Name a new folder, or an empty"
                        + " one, for the autograder.");
            }
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("setup.sh"), script("setup.sh"),
                    StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("run_autograder"), script("run_autograder")
                    .replace("@MAX_SCORE@", String.valueOf(maxScore)), StandardCharsets.UTF_8);
            Files.copy(graderJar, folder.resolve("grader.jar"));
            Files.writeString(folder.resolve("rubric.yaml"), rubric, StandardCharsets.UTF_8);
            for (String name : FILES) {
                permit(folder.resolve(name), name.endsWith(".jar") || name.endsWith(".yaml")
                        ? READABLE : EXECUTABLE);
            }
        } catch (IOException e) {
            throw new GraderException("Could not write the autograder to " + folder + " (" + e
                    + "). Check that the folder is writable and has space.", e);
        }
    }

    /**
     * Zips a written bundle with its files at the zip's root, as Gradescope wants, the scripts
     * executable.
     *
     * @param folder the folder {@link #writeTo} wrote
     * @param zip the zip to write, which must not exist
     * @throws GraderException if the zip exists or cannot be written
     */
    public static void zip(Path folder, Path zip) throws GraderException {
        if (Files.exists(zip)) {
            throw new GraderException(zip + " exists already. Delete it, or name another folder"
                    + " for the autograder.");
        }
        URI uri = URI.create("jar:" + zip.toAbsolutePath().toUri());
        try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of("create", "true",
                "enablePosixFileAttributes", "true"))) {
            for (String name : FILES) {
                Path entry = fs.getPath("/" + name);
                Files.copy(folder.resolve(name), entry);
                Files.setPosixFilePermissions(entry, name.endsWith(".jar")
                        || name.endsWith(".yaml") ? READABLE : EXECUTABLE);
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new GraderException("Could not write the zip " + zip + " (" + e + "). Check"
                    + " that its folder is writable and has space.", e);
        }
    }

    private static String script(String name) throws IOException {
        try (InputStream in = AutograderBundle.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("the grader lacks its " + name + "; rebuild it with"
                        + " ./mvnw -q package -DskipTests -Pcourse");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void permit(Path file, Set<PosixFilePermission> permissions)
            throws IOException {
        try {
            Files.setPosixFilePermissions(file, permissions);
        } catch (UnsupportedOperationException e) {
            file.toFile().setExecutable(permissions.contains(PosixFilePermission.OWNER_EXECUTE));
        }
    }
}

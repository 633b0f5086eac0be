package threadlab.grader.discover;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import threadlab.grader.course.Course;
import threadlab.grader.course.ExerciseModule;
import threadlab.grader.failure.GraderException;
import threadlab.grader.files.Folders;

/**
 * The grader's own files: the hidden tests, the exercise API they were compiled against, and the
 * class path a test JVM needs. In {@code grader.jar} the first two sit under {@code hidden/} and
 * {@code course-api/}, off the grader's class path, and are unpacked once per run.
 */
public final class GraderFiles {

    private static final String HIDDEN = "hidden";
    private static final String COURSE_API = "course-api";
    private static final String HIDDEN_JAR = "hidden-tests.jar";

    private final Path hiddenTests;
    private final Path courseApi;
    private final List<Path> runtimeClasspath;

    private final Path unpackedFrom;

    private GraderFiles(Path hiddenTests, Path courseApi, List<Path> runtimeClasspath,
            Path unpackedFrom) {
        this.hiddenTests = hiddenTests;
        this.courseApi = courseApi;
        this.runtimeClasspath = List.copyOf(runtimeClasspath);
        this.unpackedFrom = unpackedFrom;
    }

    /**
     * Finds the grader's files, unpacking them from the jar into {@code work} if needed.
     *
     * @param work a folder of the current run
     * @return the files
     * @throws GraderException if the grader's own files are missing
     */
    public static GraderFiles locate(Path work) throws GraderException {
        Path home = codeSource();
        if (Files.isDirectory(home)) {
            return checked(new GraderFiles(home.resolve(HIDDEN), home.resolve(COURSE_API),
                    classPathWithoutExercises(), null));
        }
        Path unpacked = work.resolve("grader-files");
        unpack(home, unpacked);
        return checked(new GraderFiles(unpacked.resolve(HIDDEN), unpacked.resolve(COURSE_API),
                List.of(unpacked.resolve("grader.jar")), home));
    }

    /** Unpacks the hidden tests and the course API from the jar, and copies the jar. */
    private static void unpack(Path home, Path unpacked) throws GraderException {
        try (JarFile jar = new JarFile(home.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                boolean wanted = name.startsWith(HIDDEN + "/") || name.startsWith(COURSE_API + "/");
                if (!wanted || entry.isDirectory()) {
                    continue;
                }
                Path target = unpacked.resolve(name).normalize();
                Files.createDirectories(target.getParent());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            // The test JVMs run the grader from a copy, so that nothing they see leads back to
            // the folder the grader came from, where the hidden tests' sources may be.
            Path runtime = unpacked.resolve("grader.jar");
            Files.deleteIfExists(runtime);
            Files.copy(home, runtime);
            runtime.toFile().setReadOnly();
            jar(unpacked.resolve(HIDDEN), unpacked.resolve(HIDDEN_JAR));
        } catch (IOException e) {
            throw new GraderException("Could not read the grader's own jar " + home + ": " + e
                    + ". Rebuild it with ./mvnw -q package -DskipTests -Pcourse.", e);
        }
    }

    /**
     * A fingerprint of the hidden tests and the course API as they are now: the grader compares
     * it before and after each submission, so that a submission that rewrote them cannot go
     * unnoticed.
     *
     * @return a SHA-256 over every file's path and bytes
     */
    public String fingerprint() {
        return Fingerprint.quick(all());
    }

    /**
     * Everything a test JVM reads of the grader's: the hidden tests, the course API and, when
     * the grader runs from its jar, its runtime.
     *
     * @return files and folders
     */
    public List<Path> contents() {
        return all();
    }

    private List<Path> all() {
        List<Path> all = new ArrayList<>(List.of(hiddenTests, courseApi));
        if (unpackedFrom != null) {
            all.addAll(runtimeClasspath);
            all.add(hiddenTestsJar().orElseThrow());
        }
        return all;
    }

    /**
     * The hidden tests as a jar, when the grader runs from its own jar: test JVMs run them from
     * there, as class-data sharing takes jars only.
     *
     * @return the jar, or none when the grader runs from its build folder
     */
    public java.util.Optional<Path> hiddenTestsJar() {
        return unpackedFrom == null ? java.util.Optional.empty()
                : java.util.Optional.of(hiddenTests.resolveSibling(HIDDEN_JAR));
    }

    /** Packs a folder into a jar, its entries in a fixed order with fixed times. */
    private static void jar(Path folder, Path jar) throws IOException {
        Files.deleteIfExists(jar);
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(
                Files.newOutputStream(jar));
                java.util.stream.Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                JarEntry entry = new JarEntry(folder.relativize(file).toString()
                        .replace('\\', '/'));
                entry.setTime(0);
                out.putNextEntry(entry);
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        jar.toFile().setReadOnly();
    }

    /**
     * Unpacks the grader's files again, as they are in its jar: after a submission changed them.
     *
     * @throws GraderException if the jar cannot be read
     */
    public void restore() throws GraderException {
        if (unpackedFrom == null) {
            throw new GraderException("The grader's hidden tests changed on disk in its build"
                    + " folder " + hiddenTests + "; rebuild the grader.");
        }
        for (Path dir : List.of(hiddenTests, courseApi)) {
            Folders.deleteQuietly(dir);
        }
        unpack(unpackedFrom, hiddenTests.getParent());
    }

    private static GraderFiles checked(GraderFiles files) throws GraderException {
        if (!Files.isDirectory(files.hiddenTests)) {
            throw new GraderException("The grader has no hidden tests (" + files.hiddenTests
                    + " is missing). Rebuild it with ./mvnw -q package -DskipTests -Pcourse.");
        }
        return files;
    }

    private static Path codeSource() throws GraderException {
        try {
            return Path.of(GraderFiles.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            throw new GraderException("Could not tell where the grader runs from: " + e, e);
        }
    }

    /**
     * The class path of this JVM, less anything that holds an exercise's own classes: when the
     * grader runs from its build folder (an IDE, its own tests), the skeletons are on the class
     * path, and a test JVM must see the submission's classes only.
     */
    private static List<Path> classPathWithoutExercises() {
        List<Path> kept = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty() && !holdsExercise(Path.of(entry))) {
                kept.add(Path.of(entry));
            }
        }
        return kept;
    }

    private static boolean holdsExercise(Path entry) {
        String name = entry.toString().replace('\\', '/');
        for (ExerciseModule module : Course.modules()) {
            if (name.contains("/" + module.folder() + "/") || name.contains("/" + module.folder()
                    + "-")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The compiled hidden tests.
     *
     * @return a folder of classes
     */
    public Path hiddenTests() {
        return hiddenTests;
    }

    /**
     * The exercise API, compiled from the course's skeleton, that the hidden tests were compiled
     * against.
     *
     * @param module the module
     * @return a folder of classes
     */
    public Path courseApi(ExerciseModule module) {
        return courseApi.resolve(module.folder());
    }

    /**
     * What a test JVM needs on its class path besides the submission and the hidden tests: the
     * grader itself, JUnit, AssertJ and Awaitility.
     *
     * @return class path entries
     */
    public List<Path> runtimeClasspath() {
        return runtimeClasspath;
    }
}

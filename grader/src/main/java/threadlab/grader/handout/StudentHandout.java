package threadlab.grader.handout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import threadlab.grader.course.Course;
import threadlab.grader.course.ExerciseModule;

/**
 * Writes the student repository: the exercise modules (the modules that the course's pom builds,
 * less its course-only ones) with their lessons, skeletons and visible tests, the build with its
 * wrapper, a README for students and a GitHub Classroom workflow; and nothing a student must not
 * see: no solution, no hidden test, no grader.
 *
 * <pre>{@code
 * StudentHandout.Summary written = new StudentHandout(courseRoot).export(Path.of("handout"));
 * }</pre>
 *
 * <p>Before the handout is moved into place, it is checked for leaks: a file that holds a
 * reference solution, or text that names the solutions or the hidden tests, stops the export.
 */
public final class StudentHandout {

    /** Top-level files copied as they are. */
    private static final List<String> BUILD_FILES = List.of("mvnw", "mvnw.cmd", ".gitignore",
            ".mvn/wrapper/maven-wrapper.properties", "config/checkstyle/checkstyle.xml");
    /** Top-level files with course-only parts. */
    private static final List<String> MARKED_FILES = List.of("pom.xml", "README.md");
    /** What a course folder may hold that never goes into a handout. */
    private static final Set<String> LEFT_OUT = Set.of("target", ".idea", ".vscode", ".settings",
            ".classpath", ".project", ".DS_Store");
    /** Text that only course files may hold: it names what students do not get. */
    private static final List<String> LEAKS = List.of("threadlab.hidden", "src/hidden",
            "solutions/", "grader.jar", "grader/");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern TASK_TAG = Pattern.compile("@Tag\\(\"task:(\\d+)\"\\)");

    private final Path course;

    /**
     * A handout of a course repository.
     *
     * @param course the course repository: the instructor's copy, with solutions and grader
     * @throws HandoutException if the folder is not a course repository
     */
    public StudentHandout(Path course) throws HandoutException {
        this.course = course.toAbsolutePath().normalize();
        if (!isCourse(this.course)) {
            throw new HandoutException(course + " is not the course repository: it needs pom.xml,"
                    + " solutions/, grader/ and every exercise module. Run export-student in the"
                    + " instructor's copy of the course, or name it with --course DIR.");
        }
    }

    /**
     * The course repository at or above a folder.
     *
     * @param start where to start looking, upwards
     * @return the course repository's root
     * @throws HandoutException if there is none
     */
    public static Path courseAround(Path start) throws HandoutException {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (isCourse(dir)) {
                return dir;
            }
        }
        throw new HandoutException(start.toAbsolutePath() + " is not inside the course"
                + " repository (a folder with pom.xml, solutions/, grader/ and the exercise"
                + " modules). Run export-student there, or name it with --course DIR.");
    }

    private static boolean isCourse(Path dir) {
        return Files.isRegularFile(dir.resolve("pom.xml"))
                && Files.isDirectory(dir.resolve("solutions"))
                && Files.isDirectory(dir.resolve("grader"))
                && Course.modules().stream().allMatch(m -> Files.isDirectory(
                        dir.resolve(m.folder())));
    }

    /**
     * What an export wrote.
     *
     * @param folder the handout
     * @param files how many files it holds
     * @param bytes their total size
     */
    public record Summary(Path folder, int files, long bytes) {
    }

    /**
     * Writes the handout to a folder that does not exist yet, or is empty.
     *
     * @param out where the handout goes
     * @return what was written
     * @throws HandoutException if the folder holds files, or the handout would leak
     */
    public Summary export(Path out) throws HandoutException {
        Path target = out.toAbsolutePath().normalize();
        if (target.startsWith(course)) {
            throw new HandoutException(out + " is inside the course repository " + course
                    + ". Write the handout to a folder outside it, so that it never gets mixed"
                    + " into the course.");
        }
        if (Files.exists(target) && !isEmptyFolder(target)) {
            throw new HandoutException(out + " already exists and is not an empty folder. Name a"
                    + " new folder: export-student never overwrites files.");
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            deleteTree(partial);
            Files.createDirectories(partial);
            write(partial);
            checkForLeaks(partial);
            Files.deleteIfExists(target);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return summarise(target);
        } catch (IOException e) {
            throw new HandoutException("Could not write the handout to " + out + ": " + e
                    + ". Check that its parent folder exists and is writable.");
        } finally {
            try {
                deleteTree(partial);
            } catch (IOException e) {
                // A leftover partial folder is named as such; the next export removes it.
            }
        }
    }

    private void write(Path out) throws IOException, HandoutException {
        for (String file : BUILD_FILES) {
            copy(course.resolve(file), out.resolve(file));
        }
        for (String file : MARKED_FILES) {
            writeMarked(course.resolve(file), out.resolve(file));
        }
        out.resolve("mvnw").toFile().setExecutable(true, false);
        for (String folder : modules(out.resolve("pom.xml"))) {
            Path from = course.resolve(folder);
            if (!Files.isDirectory(from)) {
                throw new HandoutException("The course's pom.xml names the module " + folder
                        + ", but " + from + " is not a folder.");
            }
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    Path relative = from.relativize(file);
                    if (leftOut(relative)) {
                        continue;
                    }
                    Path to = out.resolve(folder).resolve(relative.toString());
                    String name = file.getFileName().toString();
                    if (name.endsWith(".md") || name.endsWith(".xml")) {
                        writeMarked(file, to);
                    } else {
                        copy(file, to);
                    }
                }
            }
        }
        List<ClassroomWorkflow.ModuleTasks> tasks = new ArrayList<>();
        for (ExerciseModule module : Course.modules()) {
            tasks.add(new ClassroomWorkflow.ModuleTasks(module,
                    tasks(out.resolve(module.folder()))));
        }
        Path workflow = out.resolve(ClassroomWorkflow.PATH);
        Files.createDirectories(workflow.getParent());
        Files.writeString(workflow, ClassroomWorkflow.render(tasks), StandardCharsets.UTF_8);
    }

    /** The modules a pom builds, in its order. */
    private static List<String> modules(Path pom) throws IOException {
        List<String> modules = new ArrayList<>();
        Matcher module = MODULE.matcher(Files.readString(pom, StandardCharsets.UTF_8));
        while (module.find()) {
            modules.add(module.group(1).strip());
        }
        return modules;
    }

    private static boolean leftOut(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (LEFT_OUT.contains(name) || name.endsWith(".iml") || name.endsWith(".class")) {
                return true;
            }
        }
        return false;
    }

    private static List<Integer> tasks(Path module) throws IOException {
        Set<Integer> tasks = new TreeSet<>();
        Path tests = module.resolve("src/test/java");
        if (Files.isDirectory(tests)) {
            try (Stream<Path> walk = Files.walk(tests)) {
                for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher tag = TASK_TAG.matcher(Files.readString(file, StandardCharsets.UTF_8));
                    while (tag.find()) {
                        tasks.add(Integer.parseInt(tag.group(1)));
                    }
                }
            }
        }
        return List.copyOf(tasks);
    }

    private void writeMarked(Path from, Path to) throws IOException, HandoutException {
        String text = Files.readString(from, StandardCharsets.UTF_8);
        Files.createDirectories(to.getParent());
        Files.writeString(to, Markers.handout(course.relativize(from).toString(), text),
                StandardCharsets.UTF_8);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    }

    /**
     * Stops the export if the handout holds a reference solution, or text that names the
     * solutions or the hidden tests.
     */
    private void checkForLeaks(Path handout) throws IOException, HandoutException {
        Map<String, Path> answers = answers();
        try (Stream<Path> walk = Files.walk(handout)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path shown = handout.relativize(file);
                byte[] bytes = Files.readAllBytes(file);
                Path answer = answers.get(digest(bytes));
                if (answer != null) {
                    throw new HandoutException("The handout would hold a reference solution: "
                            + shown + " is the same as " + course.relativize(answer)
                            + ". Keep solutions in solutions/ only.");
                }
                String text = new String(bytes, StandardCharsets.UTF_8);
                int lineNumber = 0;
                for (String line : text.split("\n", -1)) {
                    lineNumber++;
                    for (String leak : LEAKS) {
                        if (line.contains(leak)) {
                            throw new HandoutException("The handout's " + shown + ", line "
                                    + lineNumber + ", names \"" + leak + "\", which students do"
                                    + " not get. In the course's copy, put that part between "
                                    + Markers.COURSE_ONLY + " and " + Markers.COURSE_ONLY_END
                                    + " lines.");
                        }
                    }
                }
            }
        }
    }

    /** The solution files that differ from their skeletons, by the digest of their bytes. */
    private Map<String, Path> answers() throws IOException {
        Map<String, Path> answers = new TreeMap<>();
        for (ExerciseModule module : Course.modules()) {
            Path solution = course.resolve("solutions").resolve(module.sourceFolder());
            Path skeleton = course.resolve(module.sourceFolder());
            if (!Files.isDirectory(solution)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(solution)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    byte[] bytes = Files.readAllBytes(file);
                    Path twin = skeleton.resolve(solution.relativize(file).toString());
                    if (!Files.exists(twin) || !digest(Files.readAllBytes(twin))
                            .equals(digest(bytes))) {
                        answers.put(digest(bytes), file);
                    }
                }
            }
        }
        return answers;
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Summary summarise(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> files = walk.filter(Files::isRegularFile).toList();
            long bytes = 0;
            for (Path file : files) {
                bytes += Files.size(file);
            }
            return new Summary(folder, files.size(), bytes);
        }
    }

    private static boolean isEmptyFolder(Path dir) throws HandoutException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

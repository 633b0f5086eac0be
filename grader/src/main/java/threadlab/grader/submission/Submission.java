package threadlab.grader.submission;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import threadlab.grader.course.Course;
import threadlab.grader.course.ExerciseModule;
import threadlab.grader.text.StudentText;

/**
 * A folder laid out like the course repository, holding a student's work.
 *
 * @param name the name the report gives it: the folder's or the zip's name
 * @param root the folder the grader reads it from
 * @param origin where it came from, as given: a folder or a zip
 */
public record Submission(String name, Path root, Path origin) {

    /** A submission: a name, made safe for every report, a folder and where it came from. */
    public Submission {
        name = StudentText.line(Objects.requireNonNull(name, "name"), StudentText.NAME);
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * A submission read from where it lies.
     *
     * @param name its name
     * @param root its folder
     */
    public Submission(String name, Path root) {
        this(name, root, root);
    }

    /**
     * The submission in a folder that must exist.
     *
     * @param path the folder
     * @return the submission, named after the folder
     * @throws SubmissionNotFoundException if the path is missing or not a folder
     */
    public static Submission at(Path path) throws SubmissionNotFoundException {
        if (!Files.exists(path)) {
            throw new SubmissionNotFoundException(path, "does not exist");
        }
        if (!Files.isDirectory(path)) {
            throw new SubmissionNotFoundException(path, "is a file, not a folder");
        }
        Path root = path.toAbsolutePath().normalize();
        Path name = root.getFileName();
        return new Submission(name == null ? root.toString() : name.toString(), root);
    }

    /**
     * The course repository around a folder: the student's work in place.
     *
     * @param start where to start looking, upwards
     * @return the nearest folder at or above {@code start} that holds a course module
     * @throws CourseRootNotFoundException if there is none
     */
    public static Submission around(Path start) throws CourseRootNotFoundException {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (holdsModule(dir)) {
                return new Submission(String.valueOf(dir.getFileName()), dir);
            }
        }
        throw new CourseRootNotFoundException(start);
    }

    /**
     * Whether a folder holds a module of the course directly, as a submission's root does.
     *
     * @param dir the folder
     * @return {@code true} if one of the course's module folders is in it
     */
    public static boolean holdsModule(Path dir) {
        for (ExerciseModule module : Course.modules()) {
            if (Files.isDirectory(dir.resolve(module.folder()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where this submission keeps a module's sources.
     *
     * @param module the module
     * @return the module's {@code src/main/java}, which may not exist
     */
    public Path sources(ExerciseModule module) {
        return root.resolve(module.sourceFolder());
    }

    /**
     * This submission, read from another folder: a snapshot of it.
     *
     * @param copy the folder with the copy
     * @return the submission, with its name and origin kept
     */
    public Submission readFrom(Path copy) {
        return new Submission(name, copy, origin);
    }
}

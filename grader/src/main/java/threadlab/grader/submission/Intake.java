package threadlab.grader.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import threadlab.grader.failure.GraderException;
import threadlab.grader.course.Course;
import threadlab.grader.course.ExerciseModule;

/**
 * What to grade, from the paths on the command line. Several paths are several submissions. One
 * path is a submission when it is a {@code .zip}, or a folder that holds one of the course's
 * module folders; otherwise it is a class: a folder holding one submission per student, each a
 * folder or a {@code .zip}, named after the student.
 *
 * @param candidates the submissions, in the order given or sorted by name in a class folder
 * @param notes what the grader decided and why, where a person could have meant otherwise
 * @param isClass whether the one path was a class folder
 */
public record Intake(List<Candidate> candidates, List<String> notes, boolean isClass) {

    /** What to grade. */
    public Intake {
        candidates = List.copyOf(candidates);
        notes = List.copyOf(notes);
    }

    /**
     * Reads the command line's paths.
     *
     * @param paths the paths, at least one
     * @return what to grade
     * @throws GraderException if one path names nothing that can be graded
     */
    public static Intake of(List<Path> paths) throws GraderException {
        if (paths.size() > 1) {
            List<Candidate> each = new ArrayList<>();
            for (Path path : paths) {
                each.add(new Candidate(nameOf(path), path));
            }
            return new Intake(each, List.of(), false);
        }
        Path path = paths.get(0);
        if (!Files.exists(path)) {
            throw new SubmissionNotFoundException(path, "does not exist");
        }
        if (Files.isRegularFile(path)) {
            if (isZip(path)) {
                return new Intake(List.of(new Candidate(nameOf(path), path)), List.of(), false);
            }
            throw new SubmissionNotFoundException(path, "is a file, not a folder or a .zip");
        }
        List<Path> entries = list(path);
        List<Path> students = entries.stream().filter(p -> Files.isDirectory(p) || isZip(p))
                .toList();
        if (Submission.holdsModule(path)) {
            List<String> notes = new ArrayList<>();
            List<Path> lookAlikes = students.stream().filter(p -> isZip(p)
                    || Files.isDirectory(p) && Submission.holdsModule(p)).toList();
            if (!lookAlikes.isEmpty()) {
                notes.add("Graded " + path + " as one submission, because it holds "
                        + modulesIn(path) + ". It also holds " + lookAlikes.size()
                        + " folders or .zip files that look like submissions (" + names(lookAlikes)
                        + "); to grade those as a class, put them in a folder of their own and"
                        + " name that folder.");
            }
            return new Intake(List.of(new Candidate(nameOf(path), path)), notes, false);
        }
        if (students.isEmpty()) {
            throw new GraderException(path + " is neither a submission nor a class: it holds no "
                    + moduleNames() + " folder, and no student folders or .zip files"
                    + (entries.isEmpty() ? " (it is empty)" : "") + ". Name a student's folder,"
                    + " or the folder that holds one folder or .zip per student.");
        }
        List<String> notes = new ArrayList<>();
        List<Path> ignored = entries.stream().filter(p -> !students.contains(p)).toList();
        if (!ignored.isEmpty()) {
            notes.add("Ignored " + names(ignored) + " in " + path
                    + ": a class folder holds one folder or .zip per student.");
        }
        List<Candidate> candidates = students.stream().map(p -> new Candidate(nameOf(p), p))
                .toList();
        return new Intake(candidates, notes, true);
    }

    /**
     * One student's submission, whatever it holds: what an autograder such as Gradescope's
     * receives, where the student may have uploaded the course folder, a folder around it, only
     * some module folders, or a .zip of any of these. A folder whose only entry is a .zip is that
     * zip.
     *
     * @param path the folder or .zip
     * @return the submission to read, which may turn out empty or unreadable
     * @throws SubmissionNotFoundException if the path does not exist
     */
    public static Candidate one(Path path) throws SubmissionNotFoundException {
        if (!Files.exists(path)) {
            throw new SubmissionNotFoundException(path, "does not exist");
        }
        if (Files.isDirectory(path) && !Submission.holdsModule(path)) {
            List<Path> entries = list(path);
            if (entries.size() == 1 && isZip(entries.get(0))) {
                return new Candidate(nameOf(path), entries.get(0));
            }
        }
        return new Candidate(nameOf(path), path);
    }

    /**
     * Whether a path names a zip file.
     *
     * @param path the path
     * @return {@code true} for a regular file whose name ends in {@code .zip}
     */
    static boolean isZip(Path path) {
        return Files.isRegularFile(path) && String.valueOf(path.getFileName())
                .toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    private static String nameOf(Path path) {
        Path name = path.toAbsolutePath().normalize().getFileName();
        String text = name == null ? path.toString() : name.toString();
        return text.toLowerCase(Locale.ROOT).endsWith(".zip")
                ? text.substring(0, text.length() - 4) : text;
    }

    /** The folder's entries that a person put there: no hidden files, no macOS zip leftovers. */
    private static List<Path> list(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> {
                String name = String.valueOf(p.getFileName());
                return !name.startsWith(".") && !name.equals("__MACOSX");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String names(List<Path> paths) {
        List<String> names = paths.stream().map(p -> String.valueOf(p.getFileName())).toList();
        return names.size() <= 5 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
    }

    private static String modulesIn(Path dir) {
        return Course.modules().stream().map(ExerciseModule::folder)
                .filter(f -> Files.isDirectory(dir.resolve(f))).map(f -> f + "/")
                .collect(Collectors.joining(", "));
    }

    static String moduleNames() {
        return Course.modules().stream().map(ExerciseModule::folder)
                .collect(Collectors.joining(", ", "", ""));
    }
}

package threadlab.grader.course;

import java.util.List;
import java.util.Objects;

/**
 * An exercise module that the grader grades.
 *
 * @param folder the module's folder in the course repository and in a submission
 * @param exercisePackage the package of the exercise's code and its visible tests
 * @param hiddenTestPackage the package that holds the module's hidden tests
 * @param uses earlier modules whose provided classes this one builds on
 */
public record ExerciseModule(String folder, String exercisePackage, String hiddenTestPackage,
        List<ExerciseModule> uses) {

    /** A module. */
    public ExerciseModule {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(exercisePackage, "exercisePackage");
        Objects.requireNonNull(hiddenTestPackage, "hiddenTestPackage");
        uses = List.copyOf(uses);
    }

    /**
     * A module that builds on no other.
     *
     * @param folder the module's folder
     * @param exercisePackage the package of the exercise's code
     * @param hiddenTestPackage the package of its hidden tests
     */
    public ExerciseModule(String folder, String exercisePackage, String hiddenTestPackage) {
        this(folder, exercisePackage, hiddenTestPackage, List.of());
    }

    /** Where a submission keeps the module's sources, relative to the submission's root. */
    public String sourceFolder() {
        return folder + "/src/main/java";
    }

    @Override
    public String toString() {
        return folder;
    }
}

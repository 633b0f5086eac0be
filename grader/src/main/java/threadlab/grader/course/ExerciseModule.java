package threadlab.grader.course;

/**
 * An exercise module that the grader grades.
 *
 * @param folder the module's folder in the course repository and in a submission
 * @param hiddenTestPackage the package that holds the module's hidden tests
 */
public record ExerciseModule(String folder, String hiddenTestPackage) {

    /** Where a submission keeps the module's sources, relative to the submission's root. */
    public String sourceFolder() {
        return folder + "/src/main/java";
    }
}

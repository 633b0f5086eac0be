package threadlab.grader.compile;

import threadlab.grader.failure.GradingFailure;
import threadlab.grader.course.ExerciseModule;

/** The submission has no sources for a module. */
public final class ModuleMissingException extends GradingFailure {

    private static final long serialVersionUID = 1L;

    /**
     * A module whose source folder is missing or empty.
     *
     * @param module the module
     */
    public ModuleMissingException(ExerciseModule module) {
        super("No Java sources were found in " + module.sourceFolder() + ", so " + module.folder()
                + " could not be graded. Keep the module's folder and its src/main/java as the"
                + " course laid them out.");
    }
}

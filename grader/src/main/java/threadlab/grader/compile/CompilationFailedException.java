package threadlab.grader.compile;

import threadlab.grader.failure.GradingFailure;
import threadlab.grader.course.ExerciseModule;

/** A module did not compile, so none of its tests could run. */
public final class CompilationFailedException extends GradingFailure {

    private static final long serialVersionUID = 1L;

    /**
     * A module that did not compile.
     *
     * @param module the module
     * @param compilerOutput what the compiler said, with paths relative to the submission
     */
    public CompilationFailedException(ExerciseModule module, String compilerOutput) {
        super(module.folder() + " did not compile, so its tests could not run. Fix the errors"
                + " below, then grade again. The compiler said:\n" + compilerOutput);
    }
}

package threadlab.grader.compile;

import threadlab.grader.failure.GradingFailure;
import threadlab.grader.course.ExerciseModule;

/**
 * Compiling a module took longer, or more memory, than the grader allows, so none of its tests
 * could run. A few hundred bytes of source can keep javac busy for as long as one waits (huge
 * constants folded at compile time, for one); the grader stops it at the limit and grades the
 * rest.
 */
public final class CompileLimitException extends GradingFailure {

    private static final long serialVersionUID = 1L;

    /**
     * A module whose compiling was stopped at a limit.
     *
     * @param module the module
     * @param what which limit, such as "60 s of processor time" or "512 MB of memory"
     */
    public CompileLimitException(ExerciseModule module, String what) {
        super(module.folder() + " could not be compiled within the grader's limit of " + what
                + " (a right solution compiles in about a second and under 100 MB), so its tests"
                + " could not run. Look for code that makes the compiler work hard: constants"
                + " built from each other many times over, or deeply nested generic calls or"
                + " lambdas. Simplify it and grade again.");
    }
}

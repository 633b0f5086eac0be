package threadlab.grader.compile;

import threadlab.grader.failure.GradingFailure;

/**
 * A module's sources cannot be graded as they are, before the compiler is even asked: a file is
 * not UTF-8 text, a file declares a package other than the exercise's, or a class the tests use
 * is missing. None of the module's tests can run.
 */
public final class SourceProblemException extends GradingFailure {

    private static final long serialVersionUID = 1L;

    /**
     * A problem with a module's sources.
     *
     * @param what what is wrong, where, and what to do
     */
    public SourceProblemException(String what) {
        super(what);
    }
}

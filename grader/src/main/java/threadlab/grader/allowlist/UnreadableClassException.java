package threadlab.grader.allowlist;

import threadlab.grader.failure.GradingFailure;
import threadlab.grader.course.ExerciseModule;

/**
 * A module's compiled output holds a file the allow-list check cannot read: a class file that
 * does not parse, or a file that is not a class. What cannot be checked does not run, so each
 * of the module's tests scores 0.
 */
public final class UnreadableClassException extends GradingFailure {

    private static final long serialVersionUID = 1L;

    /**
     * A file the check cannot read.
     *
     * @param module the module
     * @param file the file, relative to the module's compiled classes
     * @param problem what is wrong with it
     */
    public UnreadableClassException(ExerciseModule module, String file, String problem) {
        super(module.folder() + " compiled, but the grader could not check its compiled file "
                + file + " (" + problem + "), so none of its tests ran: the grader runs no code"
                + " it has not checked against its list of allowed Java APIs. Grade again; if"
                + " this comes back, send your submission to the course staff.");
    }
}

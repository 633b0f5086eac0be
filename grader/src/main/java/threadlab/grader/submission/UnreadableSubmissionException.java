package threadlab.grader.submission;

import threadlab.grader.failure.GradingFailure;

/**
 * A submission the grader could not read at all: a missing path, an empty folder, a folder
 * without the course's modules, a broken zip or one whose entries would land outside its
 * folder. Every test of that submission fails with this message; the rest of the class is graded.
 */
public final class UnreadableSubmissionException extends GradingFailure {

    private static final long serialVersionUID = 1L;

    /**
     * A submission that could not be read.
     *
     * @param what what is wrong and what to do
     */
    public UnreadableSubmissionException(String what) {
        super(what);
    }
}

package threadlab.grader.failure;

/**
 * Files that grading depends on changed on disk while a submission was graded: the hidden tests,
 * the course API, or the submission's own snapshot or classes. Java cannot stop code from
 * writing files with the user's rights, so the grader checks, and refuses a grade it cannot
 * trust.
 */
public final class TamperedException extends GraderException {

    private static final long serialVersionUID = 1L;

    /**
     * Files that changed.
     *
     * @param what which files changed, and while what was graded
     */
    public TamperedException(String what) {
        super(what + " The grade cannot be trusted. Grade again as a user who can write only the"
                + " output folder, or in a container, and look at the submissions named.");
    }
}

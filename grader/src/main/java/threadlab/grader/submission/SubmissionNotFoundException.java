package threadlab.grader.submission;

import java.nio.file.Path;
import threadlab.grader.failure.GraderException;

/** The submission named on the command line is not a folder that exists. */
public final class SubmissionNotFoundException extends GraderException {

    private static final long serialVersionUID = 1L;

    /**
     * A submission path that is missing or not a folder.
     *
     * @param path the path as given
     * @param what what was found there instead
     */
    public SubmissionNotFoundException(Path path, String what) {
        super("The submission " + path + " " + what + ". Name a folder laid out like the course"
                + " repository, with module-03-threads/ and the other modules inside.");
    }
}

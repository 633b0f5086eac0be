package threadlab.grader.submission;

import java.nio.file.Path;
import threadlab.grader.failure.GraderException;

/** No submission was named, and no course repository was found to grade in its place. */
public final class CourseRootNotFoundException extends GraderException {

    private static final long serialVersionUID = 1L;

    /**
     * No course repository around the working folder.
     *
     * @param start where the search began
     */
    public CourseRootNotFoundException(Path start) {
        super("No submission was named, and " + start + " is not inside the course repository"
                + " (no module-03-threads/ folder there or above). Run the grader from the course"
                + " repository, or name a submission: grade PATH.");
    }
}

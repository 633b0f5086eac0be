package threadlab.grader.submission;

import java.nio.file.Path;
import threadlab.grader.text.StudentText;

/**
 * A submission as named on the command line or found in a class folder, before it is read.
 *
 * @param name the student's name: the folder's name, or the zip's without {@code .zip}
 * @param path the folder or zip
 */
public record Candidate(String name, Path path) {

    /** A candidate, its name made safe for every report and the console. */
    public Candidate {
        name = StudentText.line(name, StudentText.NAME);
    }

    /**
     * Whether it is a zip file.
     *
     * @return {@code true} for a {@code .zip}
     */
    public boolean isZip() {
        return Intake.isZip(path);
    }
}

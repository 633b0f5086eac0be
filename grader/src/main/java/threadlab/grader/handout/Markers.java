package threadlab.grader.handout;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a course file into its handout version. Course files mark what is for the course only,
 * and what only the handout says, in comments that readers of the course never see:
 *
 * <pre>{@code
 * <!-- course-only -->
 * The grader's own command, which students of the handout do not have.
 * <!-- /course-only -->
 * <!-- handout-only
 * Text for the handout only.
 * -->
 * }</pre>
 *
 * <p>The same markers work in Markdown and in a pom. A marker left open is an error that names
 * the file and the line, so a broken marker can never leak course-only text into a handout.
 */
final class Markers {

    static final String COURSE_ONLY = "<!-- course-only -->";
    static final String COURSE_ONLY_END = "<!-- /course-only -->";
    static final String HANDOUT_ONLY = "<!-- handout-only";
    static final String HANDOUT_ONLY_END = "-->";

    private Markers() {
    }

    /**
     * The handout version of a file's text.
     *
     * @param file the file's name, for messages
     * @param text the course version
     * @return the text without course-only blocks, with handout-only blocks uncommented
     * @throws HandoutException if a block is not closed, or closed without being opened
     */
    static String handout(String file, String text) throws HandoutException {
        List<String> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int openedAt = 0;
        String open = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String marker = line.strip();
            if (open == null) {
                if (marker.equals(COURSE_ONLY) || marker.equals(HANDOUT_ONLY)) {
                    open = marker;
                    openedAt = i + 1;
                } else if (marker.equals(COURSE_ONLY_END)) {
                    throw new HandoutException(file + ", line " + (i + 1) + ": " + COURSE_ONLY_END
                            + " closes a block that was never opened with " + COURSE_ONLY + ".");
                } else {
                    out.add(line);
                }
            } else if (open.equals(COURSE_ONLY) && marker.equals(COURSE_ONLY_END)
                    || open.equals(HANDOUT_ONLY) && marker.equals(HANDOUT_ONLY_END)) {
                open = null;
            } else if (marker.equals(COURSE_ONLY) || marker.equals(HANDOUT_ONLY)) {
                throw new HandoutException(file + ", line " + (i + 1) + ": a block opens inside"
                        + " the block opened at line " + openedAt + "; close that one first.");
            } else if (open.equals(HANDOUT_ONLY)) {
                out.add(line);
            }
        }
        if (open != null) {
            throw new HandoutException(file + ", line " + openedAt + ": " + open + " is never"
                    + " closed; close it with " + (open.equals(COURSE_ONLY) ? COURSE_ONLY_END
                    : HANDOUT_ONLY_END) + " on a line of its own.");
        }
        return String.join("\n", out);
    }
}

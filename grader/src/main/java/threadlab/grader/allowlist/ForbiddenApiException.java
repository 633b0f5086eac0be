package threadlab.grader.allowlist;

import java.util.List;
import threadlab.grader.failure.GradingFailure;
import threadlab.grader.course.ExerciseModule;

/**
 * A module compiled but uses Java APIs outside the grader's allow-list, so none of its code
 * ran and each of its tests scores 0. The message names each use: the class, the source line,
 * the API, and what the exercise needs instead.
 */
public final class ForbiddenApiException extends GradingFailure {

    private static final long serialVersionUID = 1L;

    /** What the message says after the module's folder, so that tools can tell a refusal. */
    public static final String REFUSED = " uses Java APIs that the grader does not allow, so none"
            + " of its tests ran";

    /** How many uses the message shows; the rest are counted. */
    static final int MAX_SHOWN = 10;

    /**
     * A module that uses APIs the grader refuses.
     *
     * @param module the module
     * @param uses one line per use, in the order of the classes and their lines
     * @param advice what the exercise needs instead, once for each family of the APIs used
     */
    public ForbiddenApiException(ExerciseModule module, List<String> uses, List<String> advice) {
        super(module.folder() + REFUSED + ": the grader checks every compiled class before any"
                + " of it runs, and refuses code that could reach the tests, the grader or the"
                + " machine."
                + " Remove these uses and try again:\n" + shown(uses) + String.join("\n",
                advice));
    }

    private static String shown(List<String> uses) {
        StringBuilder out = new StringBuilder();
        uses.stream().limit(MAX_SHOWN).forEach(use -> out.append("  ").append(use).append('\n'));
        if (uses.size() > MAX_SHOWN) {
            out.append("  ... and ").append(uses.size() - MAX_SHOWN).append(" more uses\n");
        }
        return out.toString();
    }
}

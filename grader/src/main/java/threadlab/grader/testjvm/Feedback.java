package threadlab.grader.testjvm;

import java.util.ArrayList;
import java.util.List;
import threadlab.grader.api.VerdictError;
import threadlab.grader.protocol.Verdict;

/**
 * Turns what a hidden test threw into a verdict for the student. Hidden tests give their own
 * ({@link VerdictError}: expected, happened, likely cause, evidence); this class names the kind of
 * everything else: the skeleton's "Task N: ..." reminder (not done), a class of the wrong shape,
 * a plain failed assertion (a check with no likely cause) and what the submission threw, with
 * only the submission's own stack frames as evidence, never the hidden tests'.
 */
final class Feedback {

    private static final int FRAMES_SHOWN = 5;
    /** How the skeleton's reminder starts: {@code Task 3: wait until the thread has finished}. */
    private static final String NOT_DONE = "Task ";
    private Feedback() {
    }

    static Verdict of(Throwable thrown) {
        Throwable notDone = find(thrown, UnsupportedOperationException.class);
        if (notDone != null && String.valueOf(notDone.getMessage()).startsWith(NOT_DONE)) {
            return Verdict.of(Verdict.Kind.NOT_DONE, notDone.getMessage());
        }
        Throwable linkage = find(thrown, LinkageError.class);
        if (linkage != null) {
            return new Verdict(Verdict.Kind.WRONG_SHAPE, "the package, class and method names,"
                    + " parameters and return types of the skeleton", "your code does not have"
                    + " the shape the exercise gives it: " + linkage.getClass().getSimpleName()
                    + ": " + linkage.getMessage(), "a name, a parameter or a return type of the"
                    + " skeleton was changed; keep them as the skeleton gives them", List.of(),
                    null, "");
        }
        if (thrown instanceof VerdictError error) {
            return error.verdict();
        }
        if (thrown instanceof AssertionError) {
            return Verdict.of(Verdict.Kind.CHECK_FAILED, String.valueOf(thrown.getMessage()));
        }
        Verdict verdict = Verdict.of(Verdict.Kind.STUDENT_EXCEPTION, describe(thrown))
                .withEvidence(studentFrames(thrown));
        String where = StudentExceptions.likelyCause(thrown);
        return where == null ? verdict : verdict.withLikelyCause(where);
    }

    private static Throwable find(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    private static String describe(Throwable thrown) {
        String text = thrown.getClass().getName()
                + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
        return thrown.getCause() == null || thrown.getCause() == thrown ? text
                : text + "\n  caused by " + describe(thrown.getCause());
    }

    private static String studentFrames(Throwable thrown) {
        List<String> frames = new ArrayList<>();
        for (Throwable t = thrown; t != null && frames.isEmpty(); t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (StudentExceptions.isStudentCode(frame.getClassName())
                        && frames.size() < FRAMES_SHOWN) {
                    frames.add("  at " + frame);
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return String.join("\n", frames);
    }
}

package threadlab.grader.testjvm;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns what a hidden test threw into feedback for the student. Hidden tests write their own
 * messages (expected, happened, likely cause); this class handles what the submission threw,
 * and shows only the submission's own stack frames, never the hidden tests'.
 */
final class Feedback {

    private static final int FRAMES_SHOWN = 5;
    private static final List<String> NOT_STUDENT_CODE = List.of("threadlab.hidden.",
            "threadlab.grader.", "org.junit.", "org.assertj.", "org.awaitility.", "java.",
            "javax.", "jdk.", "sun.", "com.sun.", "org.opentest4j.", "org.jetbrains.", "kotlin.",
            "kotlinx.", "net.bytebuddy.", "com.fasterxml.", "picocli.");

    private Feedback() {
    }

    static String of(Throwable thrown) {
        Throwable notDone = find(thrown, UnsupportedOperationException.class);
        if (notDone != null && String.valueOf(notDone.getMessage()).startsWith("Task ")) {
            return "Not done yet. " + notDone.getMessage();
        }
        Throwable linkage = find(thrown, LinkageError.class);
        if (linkage != null) {
            return "Your code does not have the shape the exercise gives it: "
                    + linkage.getClass().getSimpleName() + ": " + linkage.getMessage()
                    + ". Keep the package, class and method names, parameters and return types"
                    + " of the skeleton.";
        }
        if (thrown instanceof AssertionError) {
            return String.valueOf(thrown.getMessage());
        }
        return "Your code threw " + describe(thrown) + studentFrames(thrown);
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
                if (isStudentCode(frame.getClassName()) && frames.size() < FRAMES_SHOWN) {
                    frames.add("\n  at " + frame);
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return String.join("", frames);
    }

    static boolean isStudentCode(String className) {
        return NOT_STUDENT_CODE.stream().noneMatch(className::startsWith);
    }
}

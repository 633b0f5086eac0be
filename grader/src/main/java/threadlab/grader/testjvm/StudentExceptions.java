package threadlab.grader.testjvm;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The likely cause of an exception that the submission's own code threw where no test said what
 * it expected: where it was thrown (the submission's method and line, the first frame of its own
 * code) and what that kind of exception usually means there. A student who reads
 * "NullPointerException" alone has to find the place first.
 */
public final class StudentExceptions {

    private static final List<String> NOT_STUDENT_CODE = List.of("threadlab.hidden.",
            "threadlab.grader.", "org.junit.", "org.assertj.", "org.awaitility.", "java.",
            "javax.", "jdk.", "sun.", "com.sun.", "org.opentest4j.", "org.jetbrains.", "kotlin.",
            "kotlinx.", "net.bytebuddy.", "com.fasterxml.", "picocli.");

    /** What each kind of exception usually means in a submission, in the course's words. */
    private static final Map<Class<? extends Throwable>, String> MEANINGS = Map.of(
            NullPointerException.class, "a value there is null at that moment: it was never"
                    + " set, or another thread changed it between a check and its use (read a"
                    + " shared field once, under its lock)",
            ClassCastException.class, "a value there is not of the type the code casts it to",
            NoSuchElementException.class, "the code takes a value from an empty Optional,"
                    + " iterator or collection",
            ArrayIndexOutOfBoundsException.class, "an index there is outside its array",
            IllegalStateException.class, "the code refused a state it was in, or a JDK call it"
                    + " made did",
            IllegalArgumentException.class, "a call there got an argument it refuses",
            ArithmeticException.class, "a division by zero, or an overflow the code checks for");

    private StudentExceptions() {
    }

    /**
     * Whether a class is the submission's, not the tests', the grader's or a library's.
     *
     * @param className the class's binary name
     * @return whether it is the submission's
     */
    public static boolean isStudentCode(String className) {
        return NOT_STUDENT_CODE.stream().noneMatch(className::startsWith);
    }

    /**
     * Where the submission threw, and what that kind of exception usually means.
     *
     * @param thrown what was thrown
     * @return the likely cause, or {@code null} when no frame of the submission's code shows
     */
    public static String likelyCause(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (isStudentCode(frame.getClassName())) {
                    return "an unexpected " + t.getClass().getSimpleName() + " in your "
                            + simpleName(frame.getClassName()) + "." + frame.getMethodName()
                            + "()" + (frame.getLineNumber() > 0 ? " (line "
                            + frame.getLineNumber() + ")" : "") + meaning(t);
                }
            }
        }
        return null;
    }

    private static String meaning(Throwable thrown) {
        for (Map.Entry<Class<? extends Throwable>, String> entry : MEANINGS.entrySet()) {
            if (entry.getKey() == thrown.getClass()) {
                return ": " + entry.getValue();
            }
        }
        return "";
    }

    private static String simpleName(String className) {
        String name = className.substring(className.lastIndexOf('.') + 1);
        int nested = name.indexOf('$');
        return nested > 0 ? name.substring(0, nested) : name;
    }
}

package threadlab.grader.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * The one path every student-chosen string takes into a report: the student's name, feedback
 * that quotes what the submission threw, printed lines and thread names. Whatever a student
 * chose, the result is valid Unicode (an unpaired surrogate becomes U+FFFD, the replacement
 * character), holds no control character that could rewrite a terminal or a line of a report
 * (newlines only where the text has lines; bidirectional overrides, which can make text read
 * otherwise than it is, become U+FFFD), and is no longer than its limit, with what was cut said
 * at the end. Each report format then escapes it as it must (HTML, JSON, CSV).
 */
public final class StudentText {

    /** The most characters of feedback one test keeps: enough for a message and its frames. */
    public static final int FEEDBACK = 2_000;
    /** The most characters of one printed line or one thread name. */
    public static final int LINE = 500;
    /** The most characters of a name, such as a student's. */
    public static final int NAME = 100;
    /** The most characters of a student's name as a folder of the reports. */
    static final int FOLDER = 64;

    private static final char REPLACEMENT = '\uFFFD';
    /** Names Windows keeps for devices, with or without an extension. */
    private static final Set<String> DEVICES = Set.of("con", "prn", "aux", "nul", "com1", "com2",
            "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3",
            "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9", "conin$", "conout$");

    private StudentText() {
    }

    /**
     * Text of several lines, such as feedback.
     *
     * @param text the text, or {@code null}
     * @param limit the most characters kept
     * @return the text, safe, with {@code \n} between lines; empty for {@code null}
     */
    public static String lines(String text, int limit) {
        return cut(clean(text, true), limit);
    }

    /**
     * Text that must stay on one line, such as a name or a printed line: line breaks and tabs
     * become spaces.
     *
     * @param text the text, or {@code null}
     * @param limit the most characters kept
     * @return the text, safe, on one line; empty for {@code null}
     */
    public static String line(String text, int limit) {
        return cut(clean(text, false), limit);
    }

    /**
     * A name made into a folder name that every system takes and that clashes with nothing the
     * grader writes: letters, digits, {@code .}, {@code _} and {@code -} only, composed
     * accents (NFC), not {@code .} or {@code ..}, not hidden, not a Windows device name, not one
     * of the names given, and at most {@value #FOLDER} characters.
     *
     * @param name the name
     * @param taken names the folder must not have, in lower case, such as the class's own
     *     report files
     * @return the folder name; never empty
     */
    public static String folderName(String name, Set<String> taken) {
        String composed = Normalizer.normalize(line(name, NAME), Normalizer.Form.NFC);
        String safe = composed.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        if (safe.length() > FOLDER) {
            safe = safe.substring(0, FOLDER);
        }
        String lower = safe.toLowerCase(Locale.ROOT);
        int dot = lower.indexOf('.');
        String stem = dot < 0 ? lower : lower.substring(0, dot);
        if (safe.isEmpty() || safe.startsWith(".") || safe.endsWith(".")
                || DEVICES.contains(stem) || taken.contains(lower)) {
            safe = "student_" + safe;
        }
        return safe;
    }

    private static String clean(String text, boolean lines) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(REPLACEMENT);
            } else if (c == '\r') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    continue;
                }
                out.append(lines ? '\n' : ' ');
            } else if (c == '\n' || c == '\u2028' || c == '\u2029') {
                out.append(lines ? '\n' : ' ');
            } else if (c == '\t') {
                out.append(lines ? '\t' : ' ');
            } else if (Character.isISOControl(c) || isBidiControl(c) || c == '\uFEFF') {
                out.append(REPLACEMENT);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isBidiControl(char c) {
        return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069'
                || c == '\u200E' || c == '\u200F' || c == '\u061C';
    }

    private static String cut(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int end = limit;
        if (Character.isLowSurrogate(text.charAt(end)) && end > 0) {
            end--;
        }
        return text.substring(0, end) + " ... (" + (text.length() - end) + " more characters"
                + " cut: the grader keeps at most " + limit + ")";
    }
}

package threadlab.grader.allowlist;

import java.util.regex.Pattern;

/**
 * One entry of the allow-list: a pattern of classes, or of members of classes, with what the
 * grader does with code that uses them, and why.
 *
 * @param verdict allowed, allowed on the submission's own class only, or refused
 * @param pattern the pattern as written, such as {@code java.lang.Thread#getAllStackTraces}
 * @param family for a refusal, the family of APIs whose advice the student reads; else empty
 * @param why the reason the file gives
 * @param line the line of the file
 */
record Rule(Verdict verdict, String pattern, String family, String why, int line) {

    /** What the grader does with a use of an API that a rule matches. */
    enum Verdict {
        /** Allowed. */
        ALLOW,
        /** Allowed when its first argument is a class literal of the submission's own. */
        ALLOW_OWN,
        /** Refused. */
        DENY
    }

    /**
     * The class part of the pattern as a regular expression: {@code **} is any text, {@code *}
     * any text without a dot.
     *
     * @return the expression
     */
    Pattern classPattern() {
        return glob(classPart(), "[^.]*");
    }

    /**
     * The member part of the pattern as a regular expression, {@code *} being any text.
     *
     * @return the expression, or {@code null} if the rule names whole classes
     */
    Pattern memberPattern() {
        int hash = pattern.indexOf('#');
        return hash < 0 ? null : glob(pattern.substring(hash + 1), ".*");
    }

    /**
     * How specific the rule is: a rule on members beats one on classes, then the longer pattern
     * without its wildcards wins.
     *
     * @return the rank, higher for more specific rules
     */
    int specificity() {
        return (pattern.indexOf('#') >= 0 ? 10_000 : 0) + pattern.replace("*", "").length();
    }

    private String classPart() {
        int hash = pattern.indexOf('#');
        return hash < 0 ? pattern : pattern.substring(0, hash);
    }

    private static Pattern glob(String glob, String star) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append(star);
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}

package threadlab.grader.protocol;

/** Text the submission wrote, made safe to carry and show: no control characters, capped. */
public final class Text {

    private Text() {
    }

    /**
     * The text with control characters other than line breaks and tabs replaced, cut to a
     * length.
     *
     * @param text the text, or {@code null}
     * @param max the most characters kept
     * @return the clean text, with a note where it was cut
     */
    public static String clean(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (c == '\r' && i == text.length() - 1) {
                continue;
            }
            out.append(c == '\n' || c == '\t' || !Character.isISOControl(c) ? c : '?');
        }
        if (text.length() > max) {
            out.append(" ... (cut at ").append(max).append(" characters)");
        }
        return out.toString();
    }
}

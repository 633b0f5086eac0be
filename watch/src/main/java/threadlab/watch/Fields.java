package threadlab.watch;

import java.util.ArrayList;
import java.util.List;

/**
 * A line of fields, as the watch and its test JVM pass them: separated by tabs, with a field's
 * own backslashes, tabs and line breaks escaped, so that a failure's message of many lines stays
 * on one line.
 */
final class Fields {

    private Fields() {
    }

    /**
     * Joins fields into one line.
     *
     * @param fields the fields
     * @return the line, with no line break in it
     */
    static String join(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append('\t');
            }
            for (char c : fields.get(i).toCharArray()) {
                switch (c) {
                    case '\\' -> line.append("\\\\");
                    case '\t' -> line.append("\\t");
                    case '\n' -> line.append("\\n");
                    case '\r' -> line.append("\\r");
                    default -> line.append(c);
                }
            }
        }
        return line.toString();
    }

    /**
     * Splits a line that {@link #join} made into its fields.
     *
     * @param line the line
     * @return the fields
     */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                field.append(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}

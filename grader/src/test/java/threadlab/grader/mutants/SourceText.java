package threadlab.grader.mutants;

import com.github.javaparser.Position;
import com.github.javaparser.Range;
import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A source file's text, and edits to it by the positions JavaParser gives its nodes and tokens: a
 * mutant changes only the characters it must, so its diff shows the mutation and nothing else.
 */
final class SourceText {

    private final String text;
    private final int[] lineStarts;

    SourceText(String text) {
        this.text = text;
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The text. */
    String text() {
        return text;
    }

    /** The offset of a position (JavaParser's lines and columns count from 1). */
    int offset(Position position) {
        return lineStarts[position.line - 1] + position.column - 1;
    }

    /** The offset just after a range's last character. */
    int end(Range range) {
        return offset(range.end) + 1;
    }

    /** A node's text as it stands in the file. */
    String of(Node node) {
        Range range = node.getRange().orElseThrow();
        return text.substring(offset(range.begin), end(range));
    }

    /** The whitespace that starts a node's first line. */
    String indentOf(Node node) {
        int line = node.getBegin().orElseThrow().line;
        int start = lineStarts[line - 1];
        int i = start;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(start, i);
    }

    /** An edit that replaces a node's text. */
    Edit replace(Node node, String replacement) {
        Range range = node.getRange().orElseThrow();
        return new Edit(offset(range.begin), end(range), replacement);
    }

    /** An edit that replaces a token's text, given its range. */
    Edit replace(Range range, String replacement) {
        return new Edit(offset(range.begin), end(range), replacement);
    }

    /**
     * An edit that removes a node and, when it stands on lines of its own, those lines: no empty
     * line is left where a statement was.
     */
    Edit removeLines(Node node) {
        Range range = node.getRange().orElseThrow();
        int begin = offset(range.begin);
        int end = end(range);
        int lineStart = lineStarts[range.begin.line - 1];
        int lineEnd = text.indexOf('\n', end);
        lineEnd = lineEnd < 0 ? text.length() : lineEnd + 1;
        if (text.substring(lineStart, begin).isBlank() && text.substring(end, lineEnd).isBlank()) {
            return new Edit(lineStart, lineEnd, "");
        }
        return new Edit(begin, end, "");
    }

    /** A node's whole lines, re-indented to start at an indent of their own, each line ended. */
    String linesOf(Node node, String indent) {
        Range range = node.getRange().orElseThrow();
        String own = indentOf(node);
        StringBuilder moved = new StringBuilder();
        for (String line : text.substring(lineStarts[range.begin.line - 1], end(range))
                .split("\n", -1)) {
            String body = line.startsWith(own) ? line.substring(own.length()) : line.strip();
            moved.append(indent).append(body).append('\n');
        }
        return moved.toString();
    }

    /** The offset where a node's first line starts. */
    int lineStart(Node node) {
        return lineStarts[node.getBegin().orElseThrow().line - 1];
    }

    /** The offset just after the line on which a node ends. */
    int afterLine(Node node) {
        int end = end(node.getRange().orElseThrow());
        int lineEnd = text.indexOf('\n', end);
        return lineEnd < 0 ? text.length() : lineEnd + 1;
    }

    /**
     * The text with edits made; they must not overlap.
     *
     * @param edits the edits
     * @return the edited text
     */
    String apply(List<Edit> edits) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::begin).thenComparingInt(Edit::end).reversed());
        StringBuilder edited = new StringBuilder(text);
        int limit = Integer.MAX_VALUE;
        for (Edit edit : sorted) {
            if (edit.end() > limit) {
                throw new IllegalArgumentException("edits overlap: " + edits);
            }
            edited.replace(edit.begin(), edit.end(), edit.replacement());
            limit = edit.begin();
        }
        return edited.toString();
    }

    /**
     * A change to the text: characters from {@code begin} up to {@code end} replaced.
     *
     * @param begin the first offset replaced
     * @param end the offset after the last one replaced
     * @param replacement the new text
     */
    record Edit(int begin, int end, String replacement) {

        /** An insertion at an offset. */
        static Edit insert(int at, String text) {
            return new Edit(at, at, text);
        }
    }
}

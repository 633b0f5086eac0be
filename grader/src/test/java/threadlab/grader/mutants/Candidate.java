package threadlab.grader.mutants;

import com.github.javaparser.ast.Node;
import java.util.List;

/**
 * One mutation an operator found, before it is numbered: where it is, what it does, and the edits
 * that make it.
 *
 * @param operator the operator
 * @param line the line it changes (the first, if several)
 * @param description what it does, in one line
 * @param edits the edits to the solution's file
 */
record Candidate(Operator operator, int line, String description,
        List<SourceText.Edit> edits) {

    /** A mutation at a node's first line. */
    static Candidate at(Operator operator, Node node, String description,
            SourceText.Edit... edits) {
        return new Candidate(operator, node.getBegin().orElseThrow().line, description,
                List.of(edits));
    }

    /** Code in a description: on one line, and short. */
    static String code(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return "`" + (flat.length() > 60 ? flat.substring(0, 57) + "..." : flat) + "`";
    }
}

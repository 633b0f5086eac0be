package threadlab.grader.mutants;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What the operators see of one file: its text, the members a student writes, and which calls in
 * it return nothing.
 *
 * @param path the file's path in the module's sources, such as {@code threadlab/gil/Step.java}
 * @param source the solution's text
 * @param members the student's members
 * @param voidCalls the void calls, keyed as {@link Javac#key} makes them
 */
record Context(String path, SourceText source, List<BodyDeclaration<?>> members,
        Set<String> voidCalls) {

    /**
     * The nodes of a kind in the student's members, in the order they stand in the file.
     *
     * @param <T> the kind
     * @param kind its class
     * @return the nodes
     */
    <T extends Node> List<T> all(Class<T> kind) {
        return members.stream().flatMap(m -> m.findAll(kind).stream())
                .sorted(Comparator.comparing((Node n) -> n.getBegin().orElseThrow()))
                .toList();
    }

    /** Whether a call returns nothing. */
    boolean isVoid(MethodCallExpr call) {
        var begin = call.getBegin().orElseThrow();
        return voidCalls.contains(Javac.key(path, begin.line, begin.column,
                call.getNameAsString()));
    }
}

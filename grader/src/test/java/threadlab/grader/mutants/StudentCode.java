package threadlab.grader.mutants;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.comments.Comment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a student writes in a file: the members of the solution that the skeleton of the same file
 * does not have, or has with another body. Provided code, the same in both, is not the student's
 * and is never mutated.
 */
final class StudentCode {

    private StudentCode() {
    }

    /**
     * The student's members of a solution file.
     *
     * @param skeleton the skeleton's file, or none if the solution adds the file
     * @param solution the solution's file
     * @return its members that the skeleton lacks or has otherwise, in the file's order
     */
    static List<BodyDeclaration<?>> members(Optional<CompilationUnit> skeleton,
            CompilationUnit solution) {
        Map<String, String> given = new HashMap<>();
        skeleton.ifPresent(unit -> unit.findAll(BodyDeclaration.class).stream()
                .filter(StudentCode::isMember)
                .forEach(m -> given.put(key(m), withoutComments(m))));
        List<BodyDeclaration<?>> written = new ArrayList<>();
        for (BodyDeclaration<?> member : solution.findAll(BodyDeclaration.class)) {
            if (isMember(member) && !withoutComments(member).equals(given.get(key(member)))
                    && !insideWritten(member, written)) {
                written.add(member);
            }
        }
        return written;
    }

    /** Methods, constructors, fields and initializers: not whole types, which hold them. */
    private static boolean isMember(BodyDeclaration<?> declaration) {
        return !(declaration instanceof TypeDeclaration<?>)
                && !declaration.isAnnotationMemberDeclaration()
                && !declaration.isEnumConstantDeclaration();
    }

    private static boolean insideWritten(Node member, List<BodyDeclaration<?>> written) {
        return written.stream().anyMatch(w -> member.isDescendantOf(w));
    }

    /** What a member is called, so the same member is found in both files. */
    private static String key(BodyDeclaration<?> member) {
        String type = member.findAncestor(TypeDeclaration.class).map(t -> t.getNameAsString())
                .orElse("");
        if (member instanceof CallableDeclaration<?> callable) {
            return type + "." + callable.getSignature().asString();
        }
        if (member instanceof FieldDeclaration field) {
            return type + "#" + field.getVariable(0).getNameAsString();
        }
        return type + "@" + member.getClass().getSimpleName();
    }

    private static String withoutComments(BodyDeclaration<?> member) {
        BodyDeclaration<?> copy = member.clone();
        copy.getAllContainedComments().forEach(Comment::remove);
        copy.removeComment();
        return copy.toString();
    }
}

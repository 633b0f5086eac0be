package threadlab.grader.allowlist;

import java.util.List;
import java.util.Set;

/**
 * What the check needs of one compiled class: its place in the class hierarchy, the names of
 * the members it declares, and every API it uses.
 *
 * @param name the class, by binary name
 * @param superName its superclass, by binary name, or {@code null} for {@code Object}
 * @param interfaces the interfaces it implements, by binary name
 * @param members the names of the fields and methods it declares
 * @param uses every use of a class or member, in the order of the class file
 */
record ScannedClass(String name, String superName, List<String> interfaces, Set<String> members,
        List<ApiUse> uses) {

    /** A scanned class. */
    ScannedClass {
        interfaces = List.copyOf(interfaces);
        members = Set.copyOf(members);
        uses = List.copyOf(uses);
    }
}

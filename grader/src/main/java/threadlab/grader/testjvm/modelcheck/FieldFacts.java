package threadlab.grader.testjvm.modelcheck;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;

/**
 * How the fields that a class reads and writes are declared, as far as races go: volatile,
 * final, or plain. A field of another class is looked up in that class's file, through the
 * class loader, up its superclasses; a field that cannot be found is not checked, so that it
 * never makes a race that is not there.
 */
final class FieldFacts {

    private static final int MAX_SUPERCLASSES = 8;
    private static final Map<String, ClassFacts> CACHE = new ConcurrentHashMap<>();

    /** A class's own fields, by name, with their access flags, and its superclass. */
    private record ClassFacts(Map<String, Integer> fields, String superName) {
    }

    private final ClassNode node;
    private final ClassLoader loader;

    FieldFacts(ClassNode node, ClassLoader loader) {
        this.node = node;
        this.loader = loader;
    }

    /**
     * How a field is declared.
     *
     * @param owner the class named by the access
     * @param name the field's name
     * @return its kind
     */
    Site.Kind kind(String owner, String name) {
        String type = owner;
        for (int i = 0; i < MAX_SUPERCLASSES && type != null; i++) {
            ClassFacts facts = type.equals(node.name) ? of(node) : load(type);
            if (facts == null) {
                return Site.Kind.UNCHECKED;
            }
            Integer access = facts.fields().get(name);
            if (access != null) {
                if ((access & Opcodes.ACC_VOLATILE) != 0) {
                    return Site.Kind.VOLATILE;
                }
                return (access & Opcodes.ACC_FINAL) != 0 ? Site.Kind.UNCHECKED
                        : Site.Kind.PLAIN;
            }
            type = facts.superName();
        }
        return Site.Kind.UNCHECKED;
    }

    private static ClassFacts of(ClassNode node) {
        Map<String, Integer> fields = new HashMap<>();
        for (FieldNode field : node.fields) {
            fields.put(field.name, field.access);
        }
        return new ClassFacts(fields, node.superName);
    }

    private ClassFacts load(String type) {
        if (type.startsWith("java/") || type.startsWith("jdk/") || type.startsWith("sun/")) {
            return null;
        }
        ClassFacts cached = CACHE.get(type);
        if (cached != null) {
            return cached;
        }
        ClassLoader from = loader != null ? loader : ClassLoader.getSystemClassLoader();
        try (InputStream in = from.getResourceAsStream(type + ".class")) {
            if (in == null) {
                return null;
            }
            ClassNode other = new ClassNode();
            new ClassReader(in.readAllBytes()).accept(other, ClassReader.SKIP_CODE);
            ClassFacts facts = of(other);
            CACHE.put(type, facts);
            return facts;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}

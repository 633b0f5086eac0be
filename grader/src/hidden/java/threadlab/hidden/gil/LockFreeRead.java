package threadlab.hidden.gil;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Reads a method of a compiled class, and the class's own methods it calls, for what a read
 * without a lock must not do: take a lock, or read a field of the class that is neither
 * {@code volatile} nor {@code final}. A race on such a field may never show in a run (the JIT
 * decides), so the rule is checked on the code itself. An atomic variable in a final field reads
 * as it should: its {@code get()} is a volatile read.
 */
final class LockFreeRead {

    private static final Set<String> LOCKING = Set.of("lock", "lockInterruptibly", "tryLock",
            "readLock", "writeLock", "tryReadLock", "tryWriteLock", "readLockInterruptibly",
            "writeLockInterruptibly");
    private static final String LOCKS = "java/util/concurrent/locks/";

    private LockFreeRead() {
    }

    /**
     * What a method does that a read without a lock must not.
     *
     * @param type the compiled class
     * @param name the method's name
     * @param descriptor its descriptor, such as {@code ()Z}
     * @return each problem in words; none when the read takes no lock and reads only volatile or
     *     final fields
     * @throws IOException if the class file cannot be read
     */
    static List<String> problems(Class<?> type, String name, String descriptor)
            throws IOException {
        ClassNode node = new ClassNode();
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            if (in == null) {
                return List.of("the class file of " + type.getName() + " cannot be read");
            }
            new ClassReader(in).accept(node, ClassReader.SKIP_DEBUG);
        }
        List<String> problems = new ArrayList<>();
        check(node, name, descriptor, problems, new HashSet<>());
        return problems;
    }

    private static void check(ClassNode owner, String name, String descriptor,
            List<String> problems, Set<String> seen) {
        if (!seen.add(name + descriptor)) {
            return;
        }
        MethodNode method = owner.methods.stream()
                .filter(m -> m.name.equals(name) && m.desc.equals(descriptor)).findFirst()
                .orElse(null);
        if (method == null) {
            return;
        }
        if ((method.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            problems.add(name + "() is synchronized");
        }
        for (AbstractInsnNode instruction : method.instructions) {
            if (instruction.getOpcode() == Opcodes.MONITORENTER) {
                problems.add(name + "() enters a synchronized block");
            } else if (instruction instanceof FieldInsnNode field
                    && (field.getOpcode() == Opcodes.GETFIELD
                    || field.getOpcode() == Opcodes.GETSTATIC)
                    && field.owner.equals(owner.name)) {
                checkField(owner, name, field.name, problems);
            } else if (instruction instanceof MethodInsnNode call) {
                if (call.owner.startsWith(LOCKS) && LOCKING.contains(call.name)) {
                    problems.add(name + "() takes a lock ("
                            + call.owner.substring(LOCKS.length()) + "." + call.name + ")");
                } else if (call.owner.equals(owner.name)) {
                    check(owner, call.name, call.desc, problems, seen);
                }
            }
        }
    }

    private static void checkField(ClassNode owner, String method, String name,
            List<String> problems) {
        for (FieldNode field : owner.fields) {
            if (field.name.equals(name)
                    && (field.access & (Opcodes.ACC_VOLATILE | Opcodes.ACC_FINAL)) == 0) {
                String problem = method + "() reads the field " + name + ", which is neither"
                        + " volatile nor final";
                if (!problems.contains(problem)) {
                    problems.add(problem);
                }
            }
        }
    }
}

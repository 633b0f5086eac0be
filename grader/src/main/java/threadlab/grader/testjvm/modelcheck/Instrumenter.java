package threadlab.grader.testjvm.modelcheck;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Rewrites a class of the exercise so that its steps call {@link Hooks}: each read and write of a
 * field that is not final, each call to an atomic class, each {@code lock()} and {@code unlock()},
 * each {@code acquire()} and {@code release()} of a {@code Semaphore}, and each
 * {@code synchronized} block and method. A {@code synchronized} method becomes a method
 * whose body is a {@code synchronized} block, so that the checker sees its monitor being taken.
 */
public final class Instrumenter {

    private static final String HOOKS = Type.getInternalName(Hooks.class);
    private static final String ATOMIC = "java/util/concurrent/atomic/";
    private static final String LOCKS = "java/util/concurrent/locks/";
    private static final Set<String> LOCK_CALLS = Set.of("lock", "lockInterruptibly");
    private static final String SEMAPHORE = "java/util/concurrent/Semaphore";
    private static final Set<String> ACQUIRE_CALLS = Set.of("acquire", "acquireUninterruptibly");

    private static final AtomicInteger REWRITTEN = new AtomicInteger();
    private static final List<String> FAILURES = new CopyOnWriteArrayList<>();

    private Instrumenter() {
    }

    /**
     * Rewrites a class.
     *
     * @param bytes the class file
     * @param loader the class loader that loads it, for the types the rewritten code needs
     * @return the rewritten class file
     */
    public static byte[] rewrite(byte[] bytes, ClassLoader loader) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, ClassReader.SKIP_FRAMES);
        Set<String> finals = new HashSet<>();
        for (FieldNode field : node.fields) {
            if ((field.access & Opcodes.ACC_FINAL) != 0) {
                finals.add(field.name);
            }
        }
        for (MethodNode method : node.methods) {
            if (method.instructions.size() > 0 && !method.name.equals("<clinit>")) {
                rewrite(node, method, finals);
            }
        }
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                try {
                    return super.getCommonSuperClass(a, b);
                } catch (RuntimeException | LinkageError e) {
                    return "java/lang/Object";
                }
            }

            @Override
            protected ClassLoader getClassLoader() {
                return loader != null ? loader : ClassLoader.getSystemClassLoader();
            }
        };
        node.accept(writer);
        REWRITTEN.incrementAndGet();
        return writer.toByteArray();
    }

    /**
     * Records that a class could not be rewritten: model checks then stop with the reason, as
     * they could not see that class's steps.
     *
     * @param className the class
     * @param problem what went wrong
     */
    static void failed(String className, Throwable problem) {
        FAILURES.add(className.replace('/', '.') + " (" + problem + ")");
    }

    /**
     * Checks that the exercise's classes were rewritten: else a model check would see no steps,
     * and pass whatever the code does.
     *
     * @throws IllegalStateException if none was, or one could not be
     */
    static void requireRewritten() {
        if (!FAILURES.isEmpty()) {
            throw new IllegalStateException("The model checker could not prepare "
                    + String.join(", ", FAILURES) + ", so it cannot check it.");
        }
        if (REWRITTEN.get() == 0) {
            throw new IllegalStateException("No class was prepared for model checking: the"
                    + " test JVM runs without the model checker's agent (" + Agent.class.getName()
                    + ").");
        }
    }

    private static void rewrite(ClassNode owner, MethodNode method, Set<String> finals) {
        InsnList code = method.instructions;
        FieldInsnNode lastField = null;
        for (AbstractInsnNode insn : code.toArray()) {
            int op = insn.getOpcode();
            if (insn instanceof FieldInsnNode field) {
                boolean isFinal = field.owner.equals(owner.name) && finals.contains(field.name);
                if (op == Opcodes.GETFIELD || op == Opcodes.GETSTATIC) {
                    if (!isFinal && !field.name.startsWith("$")) {
                        code.insertBefore(field, hook("beforeRead", "(Ljava/lang/String;)V",
                                new LdcInsnNode(field.name)));
                        code.insert(field, hook("afterRead", "(" + hookType(field.desc)
                                + "Ljava/lang/String;)V", dup(field.desc),
                                new LdcInsnNode(field.name)));
                    }
                    lastField = field;
                    continue;
                }
                if (!isFinal && !field.name.startsWith("$")) {
                    code.insertBefore(field, hook("write", "(" + hookType(field.desc)
                            + "Ljava/lang/String;)V", dup(field.desc),
                            new LdcInsnNode(field.name)));
                }
            } else if (insn instanceof MethodInsnNode call) {
                rewriteCall(code, call, lastField);
            } else if (op == Opcodes.MONITORENTER) {
                code.insertBefore(insn, hook("monitorEnter", "(Ljava/lang/Object;)V",
                        new InsnNode(Opcodes.DUP)));
            } else if (op == Opcodes.MONITOREXIT) {
                code.insertBefore(insn, new InsnNode(Opcodes.DUP));
                code.insert(insn, hook("monitorExited", "(Ljava/lang/Object;)V"));
            }
            if (insn.getOpcode() >= 0 && !(insn instanceof VarInsnNode)
                    && !isConstantOrArithmetic(insn.getOpcode())) {
                lastField = null;
            }
        }
        if ((method.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            synchronizedToBlock(owner, method);
        }
        if (!method.name.startsWith("<") && (method.access & (Opcodes.ACC_SYNTHETIC
                | Opcodes.ACC_BRIDGE)) == 0) {
            for (AbstractInsnNode insn : code.toArray()) {
                if (insn.getOpcode() >= Opcodes.IRETURN && insn.getOpcode() <= Opcodes.RETURN) {
                    code.insertBefore(insn, hook("exit", "()V"));
                }
            }
            code.insert(hook("enter", "(Ljava/lang/String;)V", new LdcInsnNode(method.name)));
        }
    }

    private static boolean isConstantOrArithmetic(int op) {
        return op >= Opcodes.ACONST_NULL && op <= Opcodes.LDC
                || op >= Opcodes.IADD && op <= Opcodes.LXOR
                || op >= Opcodes.I2L && op <= Opcodes.I2S;
    }

    /** A call: to an atomic class, a lock, or a {@code Runnable}. */
    private static void rewriteCall(InsnList code, MethodInsnNode call, FieldInsnNode lastField) {
        String receiver = lastField != null && call.getOpcode() != Opcodes.INVOKESTATIC
                && lastField.desc.startsWith("L") ? lastField.name
                : call.owner.substring(call.owner.lastIndexOf('/') + 1);
        String label = receiver + "." + call.name;
        Type[] arguments = Type.getArgumentTypes(call.desc);
        if (call.owner.startsWith(LOCKS) && LOCK_CALLS.contains(call.name)
                && arguments.length == 0) {
            code.insertBefore(call, hook("lock", "(Ljava/lang/Object;Ljava/lang/String;)V",
                    new InsnNode(Opcodes.DUP), new LdcInsnNode(label)));
        } else if (call.owner.startsWith(LOCKS) && call.name.equals("unlock")
                && arguments.length == 0) {
            code.insertBefore(call, new InsnNode(Opcodes.DUP));
            code.insert(call, hook("unlocked", "(Ljava/lang/Object;Ljava/lang/String;)V",
                    new LdcInsnNode(label)));
        } else if (call.owner.equals(SEMAPHORE) && ACQUIRE_CALLS.contains(call.name)
                && arguments.length == 0) {
            code.insertBefore(call, hook("acquire", "(Ljava/lang/Object;Ljava/lang/String;)V",
                    new InsnNode(Opcodes.DUP), new LdcInsnNode(label)));
        } else if (call.owner.equals(SEMAPHORE) && call.name.equals("release")
                && arguments.length == 0) {
            code.insertBefore(call, new InsnNode(Opcodes.DUP));
            code.insert(call, hook("released", "(Ljava/lang/Object;Ljava/lang/String;)V",
                    new LdcInsnNode(label)));
        } else if (call.owner.startsWith(ATOMIC) || call.owner.startsWith(LOCKS)
                || call.owner.equals(SEMAPHORE)
                || call.owner.equals("java/lang/invoke/VarHandle")) {
            String kinds = argumentKinds(arguments);
            if (kinds == null || kinds.isEmpty()) {
                code.insertBefore(call, hook("beforeCall", "(Ljava/lang/String;)V",
                        new LdcInsnNode(label)));
            } else {
                code.insertBefore(call, hook("beforeCall", "(" + kinds + "Ljava/lang/String;)V",
                        new InsnNode(arguments.length == 1 ? Opcodes.DUP : Opcodes.DUP2),
                        new LdcInsnNode(label)));
            }
            Type result = Type.getReturnType(call.desc);
            if (result.getSort() != Type.VOID && result.getSort() != Type.FLOAT
                    && result.getSort() != Type.DOUBLE) {
                code.insert(call, hook("afterCall", "(" + hookType(result.getDescriptor()) + ")V",
                        dup(result.getDescriptor())));
            }
        } else if (call.owner.equals("java/lang/Runnable") && call.name.equals("run")) {
            code.insertBefore(call, hook("note", "(Ljava/lang/String;)V",
                    new LdcInsnNode(label + "()")));
        }
    }

    /**
     * The hook's parameter types for up to two arguments that are ints or objects, or
     * {@code null} when the call has none or others, and the hook shows no arguments.
     */
    private static String argumentKinds(Type[] arguments) {
        if (arguments.length == 0 || arguments.length > 2) {
            return arguments.length == 0 ? "" : null;
        }
        StringBuilder kinds = new StringBuilder();
        for (Type argument : arguments) {
            switch (argument.getSort()) {
                case Type.INT, Type.SHORT, Type.BYTE, Type.CHAR, Type.BOOLEAN -> kinds.append('I');
                case Type.OBJECT, Type.ARRAY -> kinds.append("Ljava/lang/Object;");
                default -> {
                    return null;
                }
            }
        }
        String k = kinds.toString();
        // The hooks take two arguments of the same kind only.
        if (arguments.length == 2 && !(k.equals("II")
                || k.equals("Ljava/lang/Object;Ljava/lang/Object;"))) {
            return null;
        }
        return k;
    }

    /** The hook's type for a value of a field's type, or for what a call returns. */
    private static String hookType(String desc) {
        return switch (desc.charAt(0)) {
            case 'Z' -> "Z";
            case 'I', 'S', 'B', 'C' -> "I";
            case 'J' -> "J";
            case 'F' -> "F";
            case 'D' -> "D";
            default -> "Ljava/lang/Object;";
        };
    }

    private static AbstractInsnNode dup(String desc) {
        char sort = desc.charAt(0);
        return new InsnNode(sort == 'J' || sort == 'D' ? Opcodes.DUP2 : Opcodes.DUP);
    }

    private static InsnList hook(String name, String desc, AbstractInsnNode... before) {
        InsnList list = new InsnList();
        for (AbstractInsnNode insn : before) {
            list.add(insn);
        }
        list.add(new MethodInsnNode(Opcodes.INVOKESTATIC, HOOKS, name, desc, false));
        return list;
    }

    /**
     * Turns a {@code synchronized} method into one whose whole body is a {@code synchronized}
     * block on the same object: the monitor is taken where the checker can see it, and let go
     * on every return and on every exception that leaves the method.
     */
    private static void synchronizedToBlock(ClassNode owner, MethodNode method) {
        method.access &= ~Opcodes.ACC_SYNCHRONIZED;
        boolean isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
        InsnList code = method.instructions;
        for (AbstractInsnNode insn : code.toArray()) {
            if (insn.getOpcode() >= Opcodes.IRETURN && insn.getOpcode() <= Opcodes.RETURN) {
                InsnList exit = monitor(owner, isStatic);
                exit.add(new InsnNode(Opcodes.DUP));
                exit.add(new InsnNode(Opcodes.MONITOREXIT));
                exit.add(hook("monitorExited", "(Ljava/lang/Object;)V"));
                code.insertBefore(insn, exit);
            }
        }
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        LabelNode handler = new LabelNode();
        InsnList enter = monitor(owner, isStatic);
        enter.add(new InsnNode(Opcodes.DUP));
        enter.add(hook("monitorEnter", "(Ljava/lang/Object;)V"));
        enter.add(new InsnNode(Opcodes.MONITORENTER));
        enter.add(start);
        code.insert(enter);
        InsnList onThrow = new InsnList();
        onThrow.add(end);
        onThrow.add(handler);
        onThrow.add(monitor(owner, isStatic));
        onThrow.add(new InsnNode(Opcodes.DUP));
        onThrow.add(new InsnNode(Opcodes.MONITOREXIT));
        onThrow.add(hook("monitorExited", "(Ljava/lang/Object;)V"));
        onThrow.add(new InsnNode(Opcodes.ATHROW));
        code.add(onThrow);
        method.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
    }

    private static InsnList monitor(ClassNode owner, boolean isStatic) {
        InsnList load = new InsnList();
        if (isStatic) {
            load.add(new LdcInsnNode(Type.getObjectType(owner.name)));
        } else {
            load.add(new VarInsnNode(Opcodes.ALOAD, 0));
        }
        return load;
    }
}

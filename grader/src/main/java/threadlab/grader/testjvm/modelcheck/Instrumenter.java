package threadlab.grader.testjvm.modelcheck;

import java.util.ArrayList;
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
 * field that is not final, each call to {@code java.util.concurrent} or a {@code VarHandle}, and
 * each {@code synchronized} block and method. A {@code synchronized} method becomes a method
 * whose body is a {@code synchronized} block, so that the checker sees its monitor being taken.
 * Blocking calls and the atomics' calls that run a function are replaced by hooks of the same
 * effect ({@link Replacements}). Each field access and array element access also tells the race
 * detector which object, field and line it is.
 */
public final class Instrumenter {

    private static final String HOOKS = Type.getInternalName(Hooks.class);
    private static final String CONCURRENT = "java/util/concurrent/";
    private static final String VAR_HANDLE = "java/lang/invoke/VarHandle";
    private static final String OBJECT = "Ljava/lang/Object;";
    /** Classes of java.util.concurrent that share nothing between threads: no steps. */
    private static final Set<String> NOT_SYNCHRONISERS = Set.of(
            CONCURRENT + "TimeUnit", CONCURRENT + "ThreadLocalRandom");

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
        FieldFacts facts = new FieldFacts(node, loader);
        List<MethodNode> bridges = new ArrayList<>();
        for (MethodNode method : node.methods) {
            if (method.instructions.size() == 0) {
                continue;
            }
            if (method.name.equals("<clinit>")) {
                recordViews(method.instructions);
            } else {
                new MethodRewriter(node, method, finals, facts, bridges).rewrite();
            }
        }
        node.methods.addAll(bridges);
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

    /** Records the views a class initialiser makes, such as a static lock's condition. */
    private static void recordViews(InsnList code) {
        for (AbstractInsnNode insn : code.toArray()) {
            if (insn instanceof MethodInsnNode call && Replacements.givesView(call)) {
                recordView(code, call);
            }
        }
    }

    /** After a call that gives a view of its receiver, tells {@link Views}; not a step. */
    static void recordView(InsnList code, MethodInsnNode call) {
        code.insertBefore(call, new InsnNode(Opcodes.DUP));
        InsnList after = new InsnList();
        after.add(new InsnNode(Opcodes.DUP_X1));
        after.add(new MethodInsnNode(Opcodes.INVOKESTATIC, HOOKS, "view", "(" + OBJECT + OBJECT
                + ")V", false));
        code.insert(call, after);
    }

    /** Whether a call is one whose steps the checker sees: to java.util.concurrent. */
    static boolean isConcurrent(MethodInsnNode call) {
        return call.owner.startsWith(CONCURRENT) && !NOT_SYNCHRONISERS.contains(call.owner)
                || call.owner.equals(VAR_HANDLE);
    }

    /** The hook's type for a value of a field's type, or for what a call returns. */
    static String hookType(String desc) {
        return switch (desc.charAt(0)) {
            case 'Z' -> "Z";
            case 'I', 'S', 'B', 'C' -> "I";
            case 'J' -> "J";
            case 'F' -> "F";
            case 'D' -> "D";
            default -> "Ljava/lang/Object;";
        };
    }

    static AbstractInsnNode dup(String desc) {
        char sort = desc.charAt(0);
        return new InsnNode(sort == 'J' || sort == 'D' ? Opcodes.DUP2 : Opcodes.DUP);
    }

    static InsnList hook(String name, String desc, AbstractInsnNode... before) {
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
    static void synchronizedToBlock(ClassNode owner, MethodNode method) {
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

package threadlab.grader.testjvm.modelcheck;

import java.util.List;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/** Rewrites one method of an exercise's class for {@link Instrumenter}. */
final class MethodRewriter {

    private static final String HOOKS = Type.getInternalName(Hooks.class);
    private static final String OBJECT = "Ljava/lang/Object;";

    private final ClassNode owner;
    private final MethodNode method;
    private final Set<String> finals;
    private final FieldFacts facts;
    private final List<MethodNode> bridges;
    private final InsnList code;
    private int line;
    private int nextLocal;

    /**
     * A rewriter for one method.
     *
     * @param owner the method's class
     * @param method the method
     * @param finals the class's final fields
     * @param facts what is known of the fields the method uses
     * @param bridges where to put the methods it adds to the class, to add once every method
     *     is rewritten
     */
    MethodRewriter(ClassNode owner, MethodNode method, Set<String> finals, FieldFacts facts,
            List<MethodNode> bridges) {
        this.owner = owner;
        this.method = method;
        this.finals = finals;
        this.facts = facts;
        this.bridges = bridges;
        this.code = method.instructions;
        this.nextLocal = method.maxLocals;
    }

    /** Rewrites the method. */
    void rewrite() {
        FieldInsnNode lastField = null;
        for (AbstractInsnNode insn : code.toArray()) {
            int op = insn.getOpcode();
            if (insn instanceof LineNumberNode number) {
                line = number.line;
            } else if (insn instanceof FieldInsnNode field) {
                rewriteField(field);
                if (op == Opcodes.GETFIELD || op == Opcodes.GETSTATIC) {
                    lastField = field;
                    continue;
                }
            } else if (insn instanceof MethodInsnNode call) {
                rewriteCall(call, lastField);
            } else if (insn instanceof InvokeDynamicInsnNode dynamic) {
                rewriteMethodReference(dynamic);
            } else if (op == Opcodes.MONITORENTER) {
                code.insertBefore(insn, Instrumenter.hook("monitorEnter", "(" + OBJECT + ")V",
                        new InsnNode(Opcodes.DUP)));
            } else if (op == Opcodes.MONITOREXIT) {
                code.insertBefore(insn, new InsnNode(Opcodes.DUP));
                code.insert(insn, Instrumenter.hook("monitorExited", "(" + OBJECT + ")V"));
            } else if (op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) {
                arrayRead(insn);
            } else if (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE) {
                arrayWrite(insn);
            }
            if (op >= 0 && !(insn instanceof VarInsnNode) && !isConstantOrArithmetic(op)) {
                lastField = null;
            }
        }
        if ((method.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            Instrumenter.synchronizedToBlock(owner, method);
        }
        if (!method.name.startsWith("<") && (method.access & (Opcodes.ACC_SYNTHETIC
                | Opcodes.ACC_BRIDGE)) == 0) {
            for (AbstractInsnNode insn : code.toArray()) {
                if (insn.getOpcode() >= Opcodes.IRETURN && insn.getOpcode() <= Opcodes.RETURN) {
                    code.insertBefore(insn, Instrumenter.hook("exit", "()V"));
                }
            }
            code.insert(Instrumenter.hook("enter", "(Ljava/lang/String;)V",
                    new LdcInsnNode(method.name)));
        }
    }

    private static boolean isConstantOrArithmetic(int op) {
        return op >= Opcodes.ACONST_NULL && op <= Opcodes.LDC
                || op >= Opcodes.IADD && op <= Opcodes.LXOR
                || op >= Opcodes.I2L && op <= Opcodes.I2S;
    }

    /**
     * A field access: a step (unless the field is this class's own final field) that the
     * interleaving shows, then the race detector's look at it.
     */
    private void rewriteField(FieldInsnNode field) {
        int op = field.getOpcode();
        boolean isFinal = field.owner.equals(owner.name) && finals.contains(field.name);
        if (isFinal || field.name.startsWith("$")) {
            return;
        }
        boolean read = op == Opcodes.GETFIELD || op == Opcodes.GETSTATIC;
        boolean isStatic = op == Opcodes.GETSTATIC || op == Opcodes.PUTSTATIC;
        int site = site(field, !read);
        if (read) {
            InsnList before = Instrumenter.hook("beforeRead", "(Ljava/lang/String;)V",
                    new LdcInsnNode(field.name));
            before.add(isStatic ? new InsnNode(Opcodes.ACONST_NULL) : new InsnNode(Opcodes.DUP));
            before.add(access(site));
            code.insertBefore(field, before);
            code.insert(field, Instrumenter.hook("afterRead", "("
                    + Instrumenter.hookType(field.desc) + "Ljava/lang/String;)V",
                    Instrumenter.dup(field.desc), new LdcInsnNode(field.name)));
            return;
        }
        InsnList before = Instrumenter.hook("write", "(" + Instrumenter.hookType(field.desc)
                + "Ljava/lang/String;)V", Instrumenter.dup(field.desc),
                new LdcInsnNode(field.name));
        if (isStatic) {
            before.add(new InsnNode(Opcodes.ACONST_NULL));
            before.add(access(site));
        } else {
            Type type = Type.getType(field.desc);
            int local = local(type);
            before.add(new VarInsnNode(type.getOpcode(Opcodes.ISTORE), local));
            before.add(new InsnNode(Opcodes.DUP));
            before.add(access(site));
            before.add(new VarInsnNode(type.getOpcode(Opcodes.ILOAD), local));
        }
        code.insertBefore(field, before);
    }

    private InsnList access(int site) {
        InsnList list = new InsnList();
        list.add(number(site));
        list.add(new MethodInsnNode(Opcodes.INVOKESTATIC, HOOKS, "access", "(" + OBJECT + "I)V",
                false));
        return list;
    }

    private int site(FieldInsnNode field, boolean write) {
        String simple = field.owner.substring(field.owner.lastIndexOf('/') + 1);
        return Site.register(new Site(simple + "." + field.name, where(), write,
                facts.kind(field.owner, field.name), field.owner + "." + field.name));
    }

    private String where() {
        String file = owner.sourceFile != null ? owner.sourceFile
                : owner.name.substring(owner.name.lastIndexOf('/') + 1) + ".java";
        return file + ":" + line;
    }

    private void arrayRead(AbstractInsnNode insn) {
        int site = arraySite(false);
        InsnList before = new InsnList();
        before.add(new InsnNode(Opcodes.DUP2));
        before.add(number(site));
        before.add(new MethodInsnNode(Opcodes.INVOKESTATIC, HOOKS, "arrayAccess", "(" + OBJECT
                + "II)V", false));
        code.insertBefore(insn, before);
    }

    private void arrayWrite(AbstractInsnNode insn) {
        Type type = switch (insn.getOpcode()) {
            case Opcodes.LASTORE -> Type.LONG_TYPE;
            case Opcodes.FASTORE -> Type.FLOAT_TYPE;
            case Opcodes.DASTORE -> Type.DOUBLE_TYPE;
            case Opcodes.AASTORE -> Type.getType(OBJECT);
            default -> Type.INT_TYPE;
        };
        int site = arraySite(true);
        int local = local(type);
        InsnList before = new InsnList();
        before.add(new VarInsnNode(type.getOpcode(Opcodes.ISTORE), local));
        before.add(new InsnNode(Opcodes.DUP2));
        before.add(number(site));
        before.add(new MethodInsnNode(Opcodes.INVOKESTATIC, HOOKS, "arrayAccess", "(" + OBJECT
                + "II)V", false));
        before.add(new VarInsnNode(type.getOpcode(Opcodes.ILOAD), local));
        code.insertBefore(insn, before);
    }

    private int arraySite(boolean write) {
        String simple = owner.name.substring(owner.name.lastIndexOf('/') + 1);
        return Site.register(new Site(simple + ": an array element", where(), write,
                Site.Kind.PLAIN, "[]"));
    }

    /**
     * A method reference to a call the checker must see, as in
     * {@code waiters.forEach(Condition::signal)} or {@code forEach(LockSupport::unpark)}: the
     * JDK would make the call through a method handle, outside the student's code, so the
     * checker would not see it and a waiter would stay blocked in the model. The reference is
     * pointed at a bridge method added to the class, which makes the call in its own code,
     * rewritten like any other call.
     */
    private void rewriteMethodReference(InvokeDynamicInsnNode dynamic) {
        Object[] arguments = dynamic.bsmArgs;
        if (!dynamic.bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory")
                || arguments.length < 3 || !(arguments[1] instanceof Handle target)
                || target.getOwner().equals(owner.name)) {
            return;
        }
        int opcode = switch (target.getTag()) {
            case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
            case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
            case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
            default -> -1;
        };
        if (opcode < 0) {
            return;
        }
        MethodInsnNode call = new MethodInsnNode(opcode, target.getOwner(), target.getName(),
                target.getDesc(), target.isInterface());
        if (!watched(call)) {
            return;
        }
        String desc = opcode == Opcodes.INVOKESTATIC ? target.getDesc()
                : "(L" + target.getOwner() + ";" + target.getDesc().substring(1);
        MethodNode bridge = new MethodNode(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC
                | Opcodes.ACC_SYNTHETIC, "threadlab$reference$" + bridges.size(), desc, null,
                null);
        LabelNode start = new LabelNode();
        bridge.instructions.add(start);
        bridge.instructions.add(new LineNumberNode(line, start));
        int slot = 0;
        for (Type argument : Type.getArgumentTypes(desc)) {
            bridge.instructions.add(new VarInsnNode(argument.getOpcode(Opcodes.ILOAD), slot));
            slot += argument.getSize();
        }
        bridge.instructions.add(call);
        bridge.instructions.add(new InsnNode(Type.getReturnType(desc).getOpcode(
                Opcodes.IRETURN)));
        bridge.maxLocals = slot;
        bridges.add(bridge);
        new MethodRewriter(owner, bridge, finals, facts, bridges).rewrite();
        arguments[1] = new Handle(Opcodes.H_INVOKESTATIC, owner.name, bridge.name, desc,
                (owner.access & Opcodes.ACC_INTERFACE) != 0);
    }

    /** Whether {@link #rewriteCall} does anything with a call. */
    private static boolean watched(MethodInsnNode call) {
        return Replacements.hookFor(call) != null || Replacements.givesView(call)
                || Instrumenter.isConcurrent(call)
                || call.owner.equals("java/lang/Runnable") && call.name.equals("run");
    }

    /** A call: replaced by a hook, a view recorded, a step, or a note. */
    private void rewriteCall(MethodInsnNode call, FieldInsnNode lastField) {
        String receiver = lastField != null && call.getOpcode() != Opcodes.INVOKESTATIC
                && lastField.desc.startsWith("L") ? lastField.name
                : call.owner.substring(call.owner.lastIndexOf('/') + 1);
        String label = receiver + "." + call.name;
        MethodInsnNode replacement = Replacements.hookFor(call);
        if (replacement != null) {
            code.insertBefore(call, new LdcInsnNode(label));
            code.set(call, replacement);
        } else if (Replacements.givesView(call)) {
            Instrumenter.recordView(code, call);
        } else if (Instrumenter.isConcurrent(call)) {
            concurrentCall(call, label);
        } else if (call.owner.equals("java/lang/Runnable") && call.name.equals("run")) {
            code.insertBefore(call, Instrumenter.hook("note", "(Ljava/lang/String;)V",
                    new LdcInsnNode(label + "()")));
        }
    }

    /**
     * A call to java.util.concurrent or a VarHandle: its arguments are set aside in new local
     * variables, shown, and put back; the hook is a step that orders the threads through the
     * receiver. A constructor's call is a step only.
     */
    private void concurrentCall(MethodInsnNode call, String label) {
        Type[] arguments = Type.getArgumentTypes(call.desc);
        int[] locals = new int[arguments.length];
        InsnList before = new InsnList();
        for (int i = arguments.length - 1; i >= 0; i--) {
            locals[i] = local(arguments[i]);
            before.add(new VarInsnNode(arguments[i].getOpcode(Opcodes.ISTORE), locals[i]));
        }
        boolean hasReceiver = call.getOpcode() != Opcodes.INVOKESTATIC
                && !call.name.equals("<init>");
        before.add(new InsnNode(hasReceiver ? Opcodes.DUP : Opcodes.ACONST_NULL));
        before.add(number(arguments.length));
        before.add(new TypeInsnNode(Opcodes.ANEWARRAY, "java/lang/Object"));
        for (int i = 0; i < arguments.length; i++) {
            before.add(new InsnNode(Opcodes.DUP));
            before.add(number(i));
            before.add(new VarInsnNode(arguments[i].getOpcode(Opcodes.ILOAD), locals[i]));
            before.add(box(arguments[i]));
            before.add(new InsnNode(Opcodes.AASTORE));
        }
        before.add(new LdcInsnNode(label));
        before.add(new MethodInsnNode(Opcodes.INVOKESTATIC, HOOKS, "call", "(" + OBJECT
                + "[Ljava/lang/Object;Ljava/lang/String;)V", false));
        for (int i = 0; i < arguments.length; i++) {
            before.add(new VarInsnNode(arguments[i].getOpcode(Opcodes.ILOAD), locals[i]));
        }
        code.insertBefore(call, before);
        Type result = Type.getReturnType(call.desc);
        if (result.getSort() != Type.VOID && result.getSort() != Type.FLOAT
                && result.getSort() != Type.DOUBLE && !call.name.equals("<init>")) {
            code.insert(call, Instrumenter.hook("afterCall", "("
                    + Instrumenter.hookType(result.getDescriptor()) + ")V",
                    Instrumenter.dup(result.getDescriptor())));
        }
    }

    /** Boxes a value of a type, or leaves a reference as it is. */
    private static AbstractInsnNode box(Type type) {
        String boxed = switch (type.getSort()) {
            case Type.BOOLEAN -> "java/lang/Boolean";
            case Type.CHAR -> "java/lang/Character";
            case Type.BYTE -> "java/lang/Byte";
            case Type.SHORT -> "java/lang/Short";
            case Type.INT -> "java/lang/Integer";
            case Type.LONG -> "java/lang/Long";
            case Type.FLOAT -> "java/lang/Float";
            case Type.DOUBLE -> "java/lang/Double";
            default -> null;
        };
        if (boxed == null) {
            return new InsnNode(Opcodes.NOP);
        }
        return new MethodInsnNode(Opcodes.INVOKESTATIC, boxed, "valueOf", "("
                + type.getDescriptor() + ")L" + boxed + ";", false);
    }

    private int local(Type type) {
        int local = nextLocal;
        nextLocal += type.getSize();
        return local;
    }

    private static AbstractInsnNode number(int value) {
        if (value >= -1 && value <= 5) {
            return new InsnNode(Opcodes.ICONST_0 + value);
        }
        if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            return new IntInsnNode(value <= Byte.MAX_VALUE ? Opcodes.BIPUSH : Opcodes.SIPUSH,
                    value);
        }
        return new LdcInsnNode(value);
    }
}

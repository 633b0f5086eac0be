package threadlab.grader.allowlist;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Reads one class file and lists every class and member it uses: its superclass and interfaces,
 * the types in its declarations and generic signatures, annotations and their values, every
 * method call and field access, the types of {@code new}, casts, {@code instanceof}, arrays and
 * {@code catch}, class literals and other constants, and {@code invokedynamic}: its bootstrap
 * method, its type and every constant argument, method handles and dynamic constants included.
 * Lambda bodies and static initializers are methods of the class, so they are read too; nested
 * and anonymous classes are class files of their own.
 */
final class ClassScanner {

    private final List<ApiUse> uses = new ArrayList<>();
    private String file;

    /** Where in the class a use is: the text a student reads, and the line if there is one. */
    private record Where(String text, int line) {
    }

    private ClassScanner() {
    }

    /**
     * Scans a class file.
     *
     * @param bytes the class file
     * @return what it declares and uses
     * @throws IllegalArgumentException or another runtime exception if ASM cannot read it
     */
    static ScannedClass scan(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, ClassReader.SKIP_FRAMES);
        return new ClassScanner().scan(node);
    }

    private ScannedClass scan(ClassNode node) {
        file = node.sourceFile == null ? binary(node.name) : node.sourceFile;
        Where header = new Where(file + ", the declaration of " + binary(node.name), -1);
        if (node.superName != null) {
            type(node.superName, header);
        }
        node.interfaces.forEach(i -> type(i, header));
        signature(node.signature, header);
        annotations(node.visibleAnnotations, header);
        annotations(node.invisibleAnnotations, header);
        annotations(node.visibleTypeAnnotations, header);
        annotations(node.invisibleTypeAnnotations, header);
        Set<String> members = new HashSet<>();
        for (FieldNode field : node.fields) {
            members.add(field.name);
            Where where = new Where(file + ", field " + field.name, -1);
            descriptor(field.desc, where);
            signature(field.signature, where);
            annotations(field.visibleAnnotations, where);
            annotations(field.invisibleAnnotations, where);
            annotations(field.visibleTypeAnnotations, where);
            annotations(field.invisibleTypeAnnotations, where);
            if (field.value instanceof Type constant) {
                constant(constant, where);
            }
        }
        for (MethodNode method : node.methods) {
            members.add(method.name);
            method(method);
        }
        return new ScannedClass(binary(node.name), node.superName == null ? null
                : binary(node.superName), node.interfaces.stream().map(ClassScanner::binary)
                .toList(), members, uses);
    }

    private void method(MethodNode method) {
        Where declared = where(line(method.instructions.getFirst()), method.name);
        descriptor(method.desc, declared);
        signature(method.signature, declared);
        method.exceptions.forEach(e -> type(e, declared));
        annotations(method.visibleAnnotations, declared);
        annotations(method.invisibleAnnotations, declared);
        annotations(method.visibleTypeAnnotations, declared);
        annotations(method.invisibleTypeAnnotations, declared);
        parameterAnnotations(method.visibleParameterAnnotations, declared);
        parameterAnnotations(method.invisibleParameterAnnotations, declared);
        if (method.annotationDefault != null) {
            value(method.annotationDefault, declared);
        }
        for (TryCatchBlockNode handler : method.tryCatchBlocks) {
            if (handler.type != null) {
                type(handler.type, where(line(handler.handler), method.name));
            }
        }
        if (method.localVariables != null) {
            for (LocalVariableNode local : method.localVariables) {
                descriptor(local.desc, declared);
                signature(local.signature, declared);
            }
        }
        int line = -1;
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof LineNumberNode number) {
                line = number.line;
            } else {
                instruction(insn, where(line, method.name));
            }
        }
    }

    /** The line of a label: the line number that follows it, else the last before it. */
    private static int line(AbstractInsnNode label) {
        for (AbstractInsnNode insn = label; insn != null; insn = insn.getNext()) {
            if (insn instanceof LineNumberNode number) {
                return number.line;
            }
            if (insn.getOpcode() >= 0) {
                break;
            }
        }
        for (AbstractInsnNode insn = label; insn != null; insn = insn.getPrevious()) {
            if (insn instanceof LineNumberNode number) {
                return number.line;
            }
        }
        return -1;
    }

    private Where where(int line, String method) {
        if (line >= 0) {
            return new Where(file + ":" + line, line);
        }
        return new Where(file + ", " + (method.equals("<clinit>") ? "its static initializer"
                : method.equals("<init>") ? "a constructor" : "method " + method), -1);
    }

    private void instruction(AbstractInsnNode insn, Where where) {
        if (insn instanceof MethodInsnNode call) {
            member(call.owner, call.name, where, classArgument(call));
        } else if (insn instanceof FieldInsnNode field) {
            member(field.owner, field.name, where, null);
        } else if (insn instanceof TypeInsnNode type) {
            type(type.desc, where);
        } else if (insn instanceof MultiANewArrayInsnNode array) {
            descriptor(array.desc, where);
        } else if (insn instanceof LdcInsnNode ldc) {
            constant(ldc.cst, where);
        } else if (insn instanceof InvokeDynamicInsnNode indy) {
            handle(indy.bsm, where);
            descriptor(indy.desc, where);
            for (Object argument : indy.bsmArgs) {
                constant(argument, where);
            }
        }
    }

    /**
     * The class named by a call's first argument, when that argument is a class literal pushed
     * as it is, with each later argument a constant too, as in
     * {@code lookup.findVarHandle(Counter.class, "count", int.class)}.
     */
    private static String classArgument(MethodInsnNode call) {
        Type[] arguments = Type.getArgumentTypes(call.desc);
        if (arguments.length == 0 || !arguments[0].getDescriptor().equals("Ljava/lang/Class;")) {
            return null;
        }
        AbstractInsnNode insn = call;
        for (int i = 0; i < arguments.length; i++) {
            insn = previous(insn);
            if (!constantPush(insn)) {
                return null;
            }
        }
        if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof Type type
                && type.getSort() == Type.OBJECT) {
            return binary(type.getInternalName());
        }
        return null;
    }

    private static AbstractInsnNode previous(AbstractInsnNode insn) {
        AbstractInsnNode before = insn == null ? null : insn.getPrevious();
        while (before != null && before.getOpcode() < 0) {
            before = before.getPrevious();
        }
        return before;
    }

    private static boolean constantPush(AbstractInsnNode insn) {
        if (insn == null) {
            return false;
        }
        int op = insn.getOpcode();
        return insn instanceof LdcInsnNode || op == Opcodes.GETSTATIC
                || (op >= Opcodes.ACONST_NULL && op <= Opcodes.SIPUSH);
    }

    private void constant(Object constant, Where where) {
        if (constant instanceof Type type) {
            descriptor(type.getDescriptor(), where);
        } else if (constant instanceof Handle handle) {
            handle(handle, where);
        } else if (constant instanceof ConstantDynamic condy) {
            handle(condy.getBootstrapMethod(), where);
            descriptor(condy.getDescriptor(), where);
            for (int i = 0; i < condy.getBootstrapMethodArgumentCount(); i++) {
                constant(condy.getBootstrapMethodArgument(i), where);
            }
        }
    }

    private void handle(Handle handle, Where where) {
        member(handle.getOwner(), handle.getName(), where, null);
    }

    private void member(String owner, String name, Where where, String classArgument) {
        if (owner.startsWith("[")) {
            // A method of an array, such as clone(): only the element type is used.
            descriptor(owner, where);
        } else {
            uses.add(new ApiUse(binary(owner), name, where.text(), where.line(), classArgument));
        }
    }

    /** A class by internal name, or an array by descriptor, as in {@code anewarray}. */
    private void type(String internalName, Where where) {
        if (internalName.startsWith("[")) {
            descriptor(internalName, where);
        } else {
            uses.add(new ApiUse(binary(internalName), null, where.text(), where.line(), null));
        }
    }

    private void descriptor(String descriptor, Where where) {
        Type type = Type.getType(descriptor);
        switch (type.getSort()) {
            case Type.METHOD -> {
                for (Type argument : type.getArgumentTypes()) {
                    descriptor(argument.getDescriptor(), where);
                }
                descriptor(type.getReturnType().getDescriptor(), where);
            }
            case Type.ARRAY -> descriptor(type.getElementType().getDescriptor(), where);
            case Type.OBJECT -> type(type.getInternalName(), where);
            default -> {
                // A primitive type uses no class.
            }
        }
    }

    private void signature(String signature, Where where) {
        if (signature == null) {
            return;
        }
        new SignatureReader(signature).accept(new SignatureVisitor(Opcodes.ASM9) {
            private String current;

            @Override
            public void visitClassType(String name) {
                current = name;
                type(name, where);
            }

            @Override
            public void visitInnerClassType(String name) {
                current = current + "$" + name;
                type(current, where);
            }
        });
    }

    private void annotations(List<? extends AnnotationNode> annotations, Where where) {
        if (annotations != null) {
            annotations.forEach(a -> annotation(a, where));
        }
    }

    private void parameterAnnotations(List<AnnotationNode>[] parameters, Where where) {
        if (parameters != null) {
            for (List<AnnotationNode> annotations : parameters) {
                annotations(annotations, where);
            }
        }
    }

    private void annotation(AnnotationNode annotation, Where where) {
        descriptor(annotation.desc, where);
        if (annotation.values != null) {
            for (int i = 1; i < annotation.values.size(); i += 2) {
                value(annotation.values.get(i), where);
            }
        }
    }

    private void value(Object value, Where where) {
        if (value instanceof Type type) {
            descriptor(type.getDescriptor(), where);
        } else if (value instanceof String[] enumConstant) {
            descriptor(enumConstant[0], where);
        } else if (value instanceof AnnotationNode nested) {
            annotation(nested, where);
        } else if (value instanceof List<?> list) {
            list.forEach(v -> value(v, where));
        }
    }

    static String binary(String internalName) {
        return internalName.replace('/', '.');
    }
}

package threadlab.grader.allowlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import threadlab.grader.compile.CompileWorkers;
import threadlab.grader.compile.ModuleCompiler;
import threadlab.grader.course.Course;
import threadlab.grader.submission.Submission;

/**
 * Hostile code is refused before it runs, one test per family of refused APIs and per place a
 * use can hide; each refusal names the class, the source line, the API and what to do instead.
 */
class ApiCheckTests {

    private static final String FILE = "Forger.java";
    private static final String CLASS = "threadlab.threads.Forger";

    private static CompileWorkers workers;

    @TempDir
    Path root;

    @BeforeAll
    static void startWorkers() throws Exception {
        workers = new CompileWorkers();
    }

    @AfterAll
    static void endWorkers() {
        workers.close();
    }

    /** Compiles a module 3 holding one class, Forger, as the grader does, and checks it. */
    private void check(String source) throws Exception {
        Path file = root.resolve("module-03-threads/src/main/java/threadlab/threads/" + FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "package threadlab.threads;\n\n" + source);
        Path classes = new ModuleCompiler(workers).compile(Submission.at(root), Course.THREADS,
                List.of(), root.resolve("classes"));
        ApiCheck.packaged().verify(Course.THREADS, classes, List.of());
    }

    /** The line of the source (as {@link #check} writes it) that holds a marker. */
    private static int line(String source, String marker) {
        List<String> lines = ("package threadlab.threads;\n\n" + source).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no " + marker + " in the source");
    }

    private void assertRefused(String source, String inClass, String api, String advice) {
        String where = inClass + " (" + FILE + ":" + line(source, "// refused") + ") uses "
                + api;
        assertThatThrownBy(() -> check(source)).isInstanceOf(ForbiddenApiException.class)
                .hasMessageContaining("module-03-threads uses Java APIs that the grader does"
                        + " not allow, so none of its tests ran")
                .hasMessageContaining(where).hasMessageContaining(advice);
    }

    @Test
    @DisplayName("Class.forName, the way into another class by its name, is refused")
    void reflectionIsRefused() {
        String source = """
                public class Forger {
                    static Object find() throws Exception {
                        return Class.forName("threadlab.grader.run.Protocol"); // refused
                    }
                }
                """;
        assertRefused(source, CLASS, "java.lang.Class.forName", "Reflection is not needed");
    }

    @Test
    @DisplayName("setAccessible, which opens another class's private fields, is refused")
    void setAccessibleIsRefused() {
        String source = """
                import java.lang.reflect.Field;

                public class Forger {
                    static void open(Field field) {
                        field.setAccessible(true); // refused
                    }
                }
                """;
        assertRefused(source, CLASS, "java.lang.reflect.Field.setAccessible",
                "Reflection is not needed");
    }

    @Test
    @DisplayName("sun.misc.Unsafe, which writes any memory, is refused")
    void unsafeIsRefused() {
        String source = """
                public class Forger {
                    static Object unsafe() {
                        return sun.misc.Unsafe.class; // refused
                    }
                }
                """;
        assertRefused(source, CLASS, "sun.misc.Unsafe", "internal classes are not needed");
    }

    @Test
    @DisplayName("a class loader, which reaches every class and resource, is refused")
    void classLoadersAreRefused() {
        String source = """
                public class Forger {
                    static Object loader() {
                        return ClassLoader.getSystemClassLoader(); // refused
                    }
                }
                """;
        assertRefused(source, CLASS, "java.lang.ClassLoader.getSystemClassLoader",
                "Class loaders are not needed");
    }

    @Test
    @DisplayName("reading a hidden test's class file as a resource is refused")
    void resourcesAreRefused() {
        String source = """
                public class Forger {
                    static Object hidden() {
                        return Forger.class.getResourceAsStream( // refused
                                "/threadlab/hidden/threads/Task5SleeperDemoHiddenTests.class");
                    }
                }
                """;
        assertRefused(source, CLASS, "java.lang.Class.getResourceAsStream",
                "read no resources");
    }

    @Test
    @DisplayName("reading a file is refused")
    void filesAreRefused() {
        String source = """
                import java.nio.file.Files;
                import java.nio.file.Path;

                public class Forger {
                    static String read(Path hidden) throws Exception {
                        return Files.readString(hidden); // refused
                    }
                }
                """;
        assertRefused(source, CLASS, "java.nio.file.Files.readString",
                "Files are not needed");
    }

    @Test
    @DisplayName("a stream on a file descriptor, which writes past System.out, is refused")
    void fileDescriptorsAreRefused() {
        String source = """
                public class Forger {
                    static Object raw() {
                        return new java.io.FileOutputStream(java.io.FileDescriptor.out); // refused
                    }
                }
                """;
        assertRefused(source, CLASS, "new java.io.FileOutputStream", "Files are not needed");
    }

    @Test
    @DisplayName("starting another process is refused")
    void processesAreRefused() {
        String source = """
                public class Forger {
                    static Object kill() throws Exception {
                        return new ProcessBuilder("kill", "-9", "1").start(); // refused
                    }
                }
                """;
        assertRefused(source, CLASS, "new java.lang.ProcessBuilder",
                "Other processes are not needed");
    }

    @Test
    @DisplayName("attaching to other JVMs is refused")
    void attachIsRefused() {
        String source = """
                public class Forger {
                    static Object others() {
                        return com.sun.tools.attach.VirtualMachine.list(); // refused
                    }
                }
                """;
        assertRefused(source, CLASS, "com.sun.tools.attach.VirtualMachine.list",
                "management and attach interfaces are not needed");
    }

    @Test
    @DisplayName("the JVM's management interface is refused")
    void managementIsRefused() {
        String source = """
                import java.lang.management.ManagementFactory;

                public class Forger {
                    static Object threads() {
                        return ManagementFactory.getThreadMXBean(); // refused
                    }
                }
                """;
        assertRefused(source, CLASS, "java.lang.management.ManagementFactory.getThreadMXBean",
                "management and attach interfaces are not needed");
    }

    @Test
    @DisplayName("System.setOut, which would take over the grader's reporting, is refused")
    void setOutIsRefused() {
        String source = """
                public class Forger {
                    static void mute() {
                        System.setOut(null); // refused
                    }
                }
                """;
        assertRefused(source, CLASS, "java.lang.System.setOut",
                "Changing or reading the whole JVM's state is not needed");
    }

    @Test
    @DisplayName("Thread.getAllStackTraces, which reaches the grader's threads, is refused")
    void allStackTracesAreRefused() {
        String source = """
                public class Forger {
                    static Object all() {
                        return Thread.getAllStackTraces(); // refused
                    }
                }
                """;
        assertRefused(source, CLASS, "java.lang.Thread.getAllStackTraces",
                "Threads you did not start are not needed");
    }

    @Test
    @DisplayName("System.exit is allowed: it ends only the test JVM, and costs the calling test")
    void systemExitIsAllowed() {
        String source = """
                public class Forger {
                    static void end() {
                        System.exit(3);
                        Runtime.getRuntime().halt(7);
                    }
                }
                """;
        assertThatCode(() -> check(source)).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("an API that no rule names is refused, with where to ask")
    void unlistedApisAreRefused() {
        String source = """
                public class Forger {
                    static Object format() {
                        return java.text.NumberFormat.getInstance(); // refused
                    }
                }
                """;
        assertRefused(source, CLASS, "java.text.NumberFormat.getInstance",
                "ask the course staff");
    }

    @Test
    @DisplayName("a refused call inside a lambda's body is found at the lambda's line")
    void lambdaBodiesAreChecked() {
        String source = """
                public class Forger {
                    static Runnable later() {
                        return () -> {
                            System.setErr(null); // refused
                        };
                    }
                }
                """;
        assertRefused(source, CLASS, "java.lang.System.setErr",
                "Changing or reading the whole JVM's state is not needed");
    }

    @Test
    @DisplayName("a refused call in a nested class names the nested class")
    void nestedClassesAreChecked() {
        String source = """
                public class Forger {
                    static final class Helper {
                        Object all() {
                            return Thread.getAllStackTraces(); // refused
                        }
                    }
                }
                """;
        assertRefused(source, CLASS + "$Helper", "java.lang.Thread.getAllStackTraces",
                "Threads you did not start");
    }

    @Test
    @DisplayName("a refused call in an anonymous class names it")
    void anonymousClassesAreChecked() {
        String source = """
                public class Forger {
                    static Runnable later() {
                        return new Runnable() {
                            public void run() {
                                Runtime.getRuntime().addShutdownHook(null); // refused
                            }
                        };
                    }
                }
                """;
        assertRefused(source, CLASS + "$1", "java.lang.Runtime.addShutdownHook",
                "Changing or reading the whole JVM's state");
    }

    @Test
    @DisplayName("a method reference to a refused method is refused")
    void methodReferencesAreChecked() {
        String source = """
                import java.util.function.Supplier;

                public class Forger {
                    static Supplier<?> all() {
                        return Thread::getAllStackTraces; // refused
                    }
                }
                """;
        assertRefused(source, CLASS, "java.lang.Thread.getAllStackTraces",
                "Threads you did not start");
    }

    @Test
    @DisplayName("a refused call in a static initializer, which runs as the class loads, is"
            + " refused")
    void staticInitializersAreChecked() {
        String source = """
                public class Forger {
                    static {
                        System.setProperty("user.dir", "/"); // refused
                    }
                }
                """;
        assertRefused(source, CLASS, "java.lang.System.setProperty",
                "Changing or reading the whole JVM's state");
    }

    @Test
    @DisplayName("a static method of Thread reached through the submission's own subclass is"
            + " judged as Thread's")
    void inheritedMembersAreJudgedAsTheJdks() {
        String source = """
                public class Forger extends Thread {
                    static Object all() {
                        return getAllStackTraces(); // refused
                    }
                }
                """;
        assertRefused(source, CLASS, "java.lang.Thread.getAllStackTraces, through " + CLASS,
                "Threads you did not start");
    }

    @Test
    @DisplayName("a class literal of a refused class is refused")
    void classLiteralsAreChecked() {
        String source = """
                public class Forger {
                    static Object type() {
                        return java.lang.reflect.Field.class; // refused
                    }
                }
                """;
        assertRefused(source, CLASS, "java.lang.reflect.Field", "Reflection is not needed");
    }

    @Test
    @DisplayName("a VarHandle on another class's field is refused; on its own, allowed")
    void varHandlesOnlyOnItsOwnFields() {
        String source = """
                import java.lang.invoke.MethodHandles;

                public class Forger {
                    static Object other() throws Exception {
                        return MethodHandles.lookup().findVarHandle( // refused
                                Thread.class, "name", String.class);
                    }
                }
                """;
        assertRefused(source, CLASS,
                "java.lang.invoke.MethodHandles.Lookup.findVarHandle on a class that is not"
                        + " one of its own", "Name your own class with a class literal");
    }

    @Test
    @DisplayName("a field updater on a class passed in, not named, is refused")
    void fieldUpdatersOnlyOnNamedOwnClasses() {
        String source = """
                import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

                public class Forger {
                    static Object any(Class<?> type) {
                        return AtomicIntegerFieldUpdater.newUpdater(type, "count"); // refused
                    }
                }
                """;
        assertRefused(source, CLASS, "java.util.concurrent.atomic.AtomicIntegerFieldUpdater"
                + ".newUpdater on a class that is not one of its own", "Name your own class");
    }

    @Test
    @DisplayName("an invokedynamic whose constant arguments hold a refused method handle is"
            + " refused")
    void invokedynamicConstantsAreChecked() throws Exception {
        Handle forName = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/Class", "forName",
                "(Ljava/lang/String;)Ljava/lang/Class;", false);
        Handle metafactory = new Handle(Opcodes.H_INVOKESTATIC,
                "java/lang/invoke/LambdaMetafactory", "metafactory",
                "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
                        + "Ljava/lang/invoke/MethodType;Ljava/lang/invoke/MethodType;"
                        + "Ljava/lang/invoke/MethodHandle;Ljava/lang/invoke/MethodType;)"
                        + "Ljava/lang/invoke/CallSite;", false);
        Path classes = generated("Indy", method -> method.visitInvokeDynamicInsn("apply",
                "()Ljava/util/function/Function;", metafactory,
                Type.getType("(Ljava/lang/Object;)Ljava/lang/Object;"), forName,
                Type.getType("(Ljava/lang/String;)Ljava/lang/Class;")));

        assertThatThrownBy(() -> ApiCheck.packaged().verify(Course.THREADS, classes, List.of()))
                .isInstanceOf(ForbiddenApiException.class)
                .hasMessageContaining("threadlab.threads.Indy (Indy.java:7) uses"
                        + " java.lang.Class.forName");
    }

    @Test
    @DisplayName("a dynamic constant whose bootstrap calls a refused method is refused")
    void dynamicConstantsAreChecked() throws Exception {
        Handle invoke = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/invoke/ConstantBootstraps",
                "invoke", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;"
                        + "Ljava/lang/Class;Ljava/lang/invoke/MethodHandle;[Ljava/lang/Object;)"
                        + "Ljava/lang/Object;", false);
        Handle allStackTraces = new Handle(Opcodes.H_INVOKESTATIC, "java/lang/Thread",
                "getAllStackTraces", "()Ljava/util/Map;", false);
        Path classes = generated("Condy", method -> method.visitLdcInsn(new ConstantDynamic(
                "all", "Ljava/lang/Object;", invoke, allStackTraces)));

        assertThatThrownBy(() -> ApiCheck.packaged().verify(Course.THREADS, classes, List.of()))
                .isInstanceOf(ForbiddenApiException.class)
                .hasMessageContaining("threadlab.threads.Condy (Condy.java:7) uses"
                        + " java.lang.invoke.ConstantBootstraps.invoke")
                .hasMessageContaining("threadlab.threads.Condy (Condy.java:7) uses"
                        + " java.lang.Thread.getAllStackTraces");
    }

    /** What a generated method does before it returns what is on the stack. */
    private interface Body {
        void emit(MethodVisitor method);
    }

    /**
     * A class file written with ASM, as no Java source compiles to it: threadlab.threads.NAME,
     * from NAME.java, whose static method {@code make()} does the body at line 7.
     */
    private Path generated(String name, Body body) throws Exception {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES
                | ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "threadlab/threads/" + name, null,
                "java/lang/Object", null);
        writer.visitSource(name + ".java", null);
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_STATIC, "make",
                "()Ljava/lang/Object;", null, null);
        method.visitCode();
        Label start = new Label();
        method.visitLabel(start);
        method.visitLineNumber(7, start);
        body.emit(method);
        method.visitInsn(Opcodes.ARETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
        writer.visitEnd();
        Path file = root.resolve("generated/threadlab/threads/" + name + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, writer.toByteArray());
        return root.resolve("generated");
    }

    @Test
    @DisplayName("a class file that does not parse is refused, named")
    void brokenClassFilesAreRefused() throws Exception {
        Path file = root.resolve("classes/threadlab/threads/Broken.class");
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0});

        assertThatThrownBy(() -> ApiCheck.packaged().verify(Course.THREADS,
                root.resolve("classes"), List.of())).isInstanceOf(UnreadableClassException.class)
                .hasMessageContaining("threadlab/threads/Broken.class")
                .hasMessageContaining("not a valid class file")
                .hasMessageContaining("none of its tests ran");
    }

    @Test
    @DisplayName("a file that is not a class among the classes is refused, named")
    void otherFilesAreRefused() throws Exception {
        Path file = root.resolve("classes/threadlab/threads/notes.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "not a class");

        assertThatThrownBy(() -> ApiCheck.packaged().verify(Course.THREADS,
                root.resolve("classes"), List.of())).isInstanceOf(UnreadableClassException.class)
                .hasMessageContaining("threadlab/threads/notes.txt (it is not a class file)");
    }

    @Test
    @DisplayName("the refusal lists each use once, in the order of the source")
    void everyUseIsListed() {
        String source = """
                public class Forger {
                    static void all() throws Exception {
                        Class.forName("a");
                        Thread.getAllStackTraces();
                    }
                }
                """;
        assertThatThrownBy(() -> check(source)).satisfies(e -> assertThat(e.getMessage())
                .containsSubsequence("Forger.java:5) uses java.lang.Class.forName",
                        "Forger.java:6) uses java.lang.Thread.getAllStackTraces"));
    }
}

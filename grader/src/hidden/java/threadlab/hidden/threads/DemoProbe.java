package threadlab.hidden.threads;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InnerClassNode;
import threadlab.hidden.support.Caller;
import threadlab.threads.Sleeper;
import threadlab.threads.SleeperDemo;

/**
 * Runs a copy of the student's compiled demo in which {@code PyThread} is a
 * {@link RecordingPyThread}, to see what no run of the real demo can show: which args the thread
 * was given. A demo whose target captures {@code seconds} and one that passes it as the thread's
 * argument print the same lines; only the thread's construction tells them apart.
 *
 * <p>The copy is the student's class file with two names changed, defined beside the student's
 * classes in their package, so that it reaches what the original reaches. A demo that calls a
 * method of {@code PyThread} beyond the task's API cannot be copied this way; the probe says so,
 * and the tests that run the real demo judge it.
 */
final class DemoProbe {

    private static final String PACKAGE = "threadlab/threads/";
    private static final String DEMO = Type.getInternalName(SleeperDemo.class);
    private static final String COPY = PACKAGE + "SleeperDemoWithRecordingThreads";
    private static final List<RecordingPyThread> MADE = new CopyOnWriteArrayList<>();
    private static Class<?> copy;

    private DemoProbe() {
    }

    /**
     * What one run of the copied demo did.
     *
     * @param made the threads it made, in order
     * @param failure what it threw, or {@code null}
     * @param unprobed why the demo could not be copied or run as a copy, or {@code null}
     */
    record Outcome(List<RecordingPyThread> made, Throwable failure, String unprobed) {
    }

    static void made(RecordingPyThread thread) {
        MADE.add(thread);
    }

    /**
     * Runs the copied demo once, on a thread of its own, within the course's patience.
     *
     * @param sleeper the sleeper to give it
     * @param seconds the seconds to give it
     * @param hiCount how many Hi lines it prints
     * @param out where it prints them
     * @return what it did
     * @throws Exception if the test itself fails
     */
    static synchronized Outcome run(Sleeper sleeper, int seconds, int hiCount, PrintStream out)
            throws Exception {
        Class<?> demo;
        try {
            demo = copy();
        } catch (LinkageError | IllegalAccessException | IOException e) {
            return new Outcome(List.of(), null, "its class could not be copied (" + e + ")");
        }
        Method method;
        try {
            method = demo.getDeclaredMethod("demo", Sleeper.class, int.class, int.class,
                    PrintStream.class);
            method.setAccessible(true);
        } catch (NoSuchMethodException e) {
            return new Outcome(List.of(), null, "the copy has no demo(Sleeper, int, int,"
                    + " PrintStream)");
        }
        MADE.clear();
        Caller caller = Caller.start("main", () -> method.invoke(null, sleeper, seconds,
                hiCount, out));
        if (!caller.awaitFinished(Caller.PATIENCE)) {
            caller.thread().interrupt();
            return new Outcome(List.copyOf(MADE), null, "the copied demo did not return within "
                    + Caller.PATIENCE.toSeconds() + " s");
        }
        Throwable failure = caller.failure();
        if (failure instanceof InvocationTargetException invocation) {
            failure = invocation.getCause();
        }
        if (failure instanceof LinkageError) {
            return new Outcome(List.copyOf(MADE), null, "the copied demo calls what a"
                    + " RecordingPyThread does not have (" + failure + ")");
        }
        return new Outcome(List.copyOf(MADE), failure, null);
    }

    /** Defines the copy once per test JVM: a class name can be defined only once. */
    private static Class<?> copy() throws IOException, IllegalAccessException {
        if (copy != null) {
            return copy;
        }
        Map<String, byte[]> originals = new HashMap<>();
        Deque<String> toRead = new ArrayDeque<>(List.of(DEMO));
        while (!toRead.isEmpty()) {
            String name = toRead.pop();
            if (originals.containsKey(name)) {
                continue;
            }
            byte[] bytes = read(name);
            originals.put(name, bytes);
            ClassNode node = new ClassNode();
            new ClassReader(bytes).accept(node, ClassReader.SKIP_CODE);
            for (InnerClassNode inner : node.innerClasses) {
                if (inner.name.startsWith(DEMO + "$")) {
                    toRead.push(inner.name);
                }
            }
        }
        Map<String, String> names = new HashMap<>();
        names.put(PACKAGE + "PyThread", Type.getInternalName(RecordingPyThread.class));
        for (String name : originals.keySet()) {
            names.put(name, COPY + name.substring(DEMO.length()));
        }
        SimpleRemapper remapper = new SimpleRemapper(names);
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(SleeperDemo.class,
                MethodHandles.lookup());
        // The outer class first; a nested class whose super class is another nested one is
        // defined once that one is.
        List<String> order = new ArrayList<>(originals.keySet());
        order.sort((a, b) -> a.length() != b.length() ? a.length() - b.length()
                : a.compareTo(b));
        Class<?> outer = null;
        List<String> left = new ArrayList<>(order);
        for (int round = 0; round < order.size() && !left.isEmpty(); round++) {
            for (String name : List.copyOf(left)) {
                ClassWriter writer = new ClassWriter(0);
                new ClassReader(originals.get(name)).accept(new ClassRemapper(writer, remapper),
                        0);
                try {
                    Class<?> defined = lookup.defineClass(writer.toByteArray());
                    left.remove(name);
                    if (name.equals(DEMO)) {
                        outer = defined;
                    }
                } catch (NoClassDefFoundError notYet) {
                    if (round == order.size() - 1) {
                        throw notYet;
                    }
                }
            }
        }
        copy = outer;
        return copy;
    }

    private static byte[] read(String internalName) throws IOException {
        try (InputStream in = SleeperDemo.class.getResourceAsStream(
                "/" + internalName + ".class")) {
            if (in == null) {
                throw new IOException("no class file for " + internalName);
            }
            return in.readAllBytes();
        }
    }
}

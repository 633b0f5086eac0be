package threadlab.grader.testjvm.modelcheck;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Fresh thread-local values for a scenario's thread that is used again: a run must begin as if
 * its threads were new, or a value one run left in a {@code ThreadLocal} would change the next.
 * Where the values cannot be cleared, the checker starts new threads for every run instead.
 */
final class ThreadLocals {

    private static final String CLEARER = ThreadLocalsClearer.class.getName();
    private static volatile Consumer<Thread> clearer = opened();

    private ThreadLocals() {
    }

    /** A clearer where {@code java.lang} is open to the class path already (tests), or none. */
    private static Consumer<Thread> opened() {
        try {
            return new ThreadLocalsClearer();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Makes the clearer with the agent's instrumentation: it opens {@code java.lang} to a class
     * loader that holds the clearer alone.
     *
     * @param instrumentation the JVM's instrumentation
     */
    static void install(Instrumentation instrumentation) {
        if (clearer != null) {
            return;
        }
        try (InputStream in = ThreadLocals.class.getClassLoader().getResourceAsStream(
                CLEARER.replace('.', '/') + ".class")) {
            Isolated loader = new Isolated(ThreadLocals.class.getClassLoader());
            Class<?> type = loader.define(CLEARER, in.readAllBytes());
            instrumentation.redefineModule(Thread.class.getModule(), Set.of(), Map.of(),
                    Map.of("java.lang", Set.of(loader.getUnnamedModule())), Set.of(), Map.of());
            @SuppressWarnings("unchecked")
            Consumer<Thread> made = (Consumer<Thread>) type.getConstructor().newInstance();
            clearer = made;
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            clearer = null;
        }
    }

    /**
     * Whether a thread's values can be cleared, so that it may serve another run.
     *
     * @return whether they can
     */
    static boolean canClear() {
        return clearer != null;
    }

    /** Clears the running thread's values. */
    static void clearCurrent() {
        clearer.accept(Thread.currentThread());
    }

    /** A class loader for one class. */
    private static final class Isolated extends ClassLoader {

        Isolated(ClassLoader parent) {
            super(parent);
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}

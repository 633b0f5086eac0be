package threadlab.grader.testjvm.modelcheck;

import java.lang.reflect.Field;
import java.util.function.Consumer;

/**
 * Clears the running thread's thread-local values. It reads {@code java.lang.Thread}'s private
 * fields, so {@link ThreadLocals} loads it in a class loader of its own, whose module alone has
 * {@code java.lang} opened to it: the exercise's code, in the class path's module, gets nothing.
 */
public final class ThreadLocalsClearer implements Consumer<Thread> {

    private final Field locals;
    private final Field inheritable;

    /**
     * Finds the fields.
     *
     * @throws ReflectiveOperationException if this runtime's threads keep them elsewhere, or
     *     {@code java.lang} is not open to this class's module
     */
    public ThreadLocalsClearer() throws ReflectiveOperationException {
        locals = Thread.class.getDeclaredField("threadLocals");
        inheritable = Thread.class.getDeclaredField("inheritableThreadLocals");
        locals.setAccessible(true);
        inheritable.setAccessible(true);
    }

    @Override
    public void accept(Thread thread) {
        try {
            locals.set(thread, null);
            inheritable.set(thread, null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}

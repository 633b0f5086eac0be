package threadlab.grader.testjvm.modelcheck;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * Which lock stands behind a view of it: the read and write locks of a
 * {@code ReentrantReadWriteLock}, the {@code Lock} views of a {@code StampedLock}, and the lock
 * that made a {@code Condition}. The instrumenter records each as the exercise makes it, on any
 * thread, so that the checker blocks and orders them as the one lock they are.
 */
final class Views {

    private static final Map<Object, Object> BASES = Collections.synchronizedMap(
            new WeakHashMap<>());
    private static final Map<Condition, Lock> LOCKS = Collections.synchronizedMap(
            new WeakHashMap<>());

    private Views() {
    }

    /** Records that an object is a view of another, such as a read lock of its read-write lock. */
    static void record(Object base, Object view) {
        if (view instanceof Condition condition && base instanceof Lock lock) {
            LOCKS.put(condition, lock);
        }
        if (view != null && base != null && view != base) {
            BASES.put(view, canonical(base));
        }
    }

    /** The object that stands for a lock and all its views: the object itself if it has none. */
    static Object canonical(Object object) {
        Object base = object == null ? null : BASES.get(object);
        return base == null ? object : base;
    }

    /** The lock that made a condition, or {@code null} if the checker did not see it made. */
    static Lock lockOf(Condition condition) {
        return LOCKS.get(condition);
    }
}

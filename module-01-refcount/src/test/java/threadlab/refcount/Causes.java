package threadlab.refcount;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The misconceptions behind a broken count, in the words the graded tests use. Where the shape of
 * {@link SafeRefCount} tells which one it is (a {@code volatile} field, an atomic used in two
 * steps), the advice names it.
 */
final class Causes {

    private Causes() {
    }

    /** Why two updates at once can lose one. */
    static String lostUpdate() {
        switch (countField()) {
            case VOLATILE:
                return "the count is a volatile field. volatile makes each read and each write"
                        + " reach the other threads at once, but count++ is still a read and then"
                        + " a write, and another thread can come between them (see the"
                        + " interleaving). Make the whole update one step: an AtomicInteger's"
                        + " compareAndSet, or a lock that every call shares";
            case ATOMIC:
                return "the count is an atomic variable, but an update uses it in two steps (a"
                        + " get() and then a set(), or a check and then an increment), and another"
                        + " thread can come between them. Use one atomic call for the whole"
                        + " update, such as compareAndSet in a loop or updateAndGet";
            default:
                return "count++ (or count = count + 1) is a read and then a write, and another"
                        + " thread can come between them (see the interleaving). Make the whole"
                        + " update one step: with an AtomicInteger, or inside a lock that every"
                        + " call shares (synchronized methods, or one lock object in a final"
                        + " field; a lock made fresh for each call protects nothing, because no"
                        + " other thread ever waits for it)";
        }
    }

    /** Why two drops at once can both free the object. */
    static String separateZeroCheck() {
        return "the drop and the check for 0 are two steps: both threads took the count down,"
                + " then each read the count again, saw 0, and freed. Decide with the value your"
                + " own update produced (what decrementAndGet or compareAndSet gives you, or the"
                + " value inside the lock), never with a second read";
    }

    /** Why an operation never ends. */
    static String hang() {
        return "an operation waits for something that never comes: a lock that is never"
                + " released, or a compare-and-set loop that never succeeds";
    }

    /** Why the last drop freed nothing. */
    static String neverFrees() {
        return "the decref whose update takes the count to 0 must call free.run()";
    }

    private enum Kind { VOLATILE, ATOMIC, OTHER }

    private static Kind countField() {
        for (Field field : SafeRefCount.class.getDeclaredFields()) {
            Class<?> type = field.getType();
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            if ((type == int.class || type == long.class)
                    && Modifier.isVolatile(field.getModifiers())) {
                return Kind.VOLATILE;
            }
            if (type == AtomicInteger.class || type == AtomicLong.class) {
                return Kind.ATOMIC;
            }
        }
        return Kind.OTHER;
    }
}

package threadlab.hidden.refcount;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import threadlab.refcount.SafeRefCount;

/**
 * The misconceptions behind a broken count, phrased for the student. Where the shape of the
 * submission's {@link SafeRefCount} tells which one it is (a {@code volatile} field, an atomic
 * used in two steps), the advice names it.
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

    /** Why an incref can bring a freed object back. */
    static String resurrection() {
        return "the check for a freed object and the increment are two steps: the copy saw a"
                + " live count, then the last drop took it to 0 and freed the object, then the"
                + " copy added its reference to freed memory. Check and increment in one step:"
                + " compareAndSet from the value you checked, in a loop, or both inside one lock";
    }

    /** Why a count that is updated first and put back after can be seen wrong. */
    static String undoneUpdate() {
        return "the update is made first and undone after, when it turns out it should not have"
                + " been made (an increment of a freed object, a decrement below 0): between the"
                + " two, the count is wrong for every other thread, so a get() reads it, or a"
                + " second copy finds the freed object counted back to 1 and succeeds. Check"
                + " before you update, in the same indivisible step: compareAndSet from the"
                + " value you checked, in a loop, or the check and the update inside one lock";
    }

    /** How often an object was freed, in words: was never freed, was freed once, twice... */
    static String freed(int n) {
        switch (n) {
            case 0:
                return "was never freed";
            case 1:
                return "was freed once";
            case 2:
                return "was freed twice";
            default:
                return "was freed " + n + " times";
        }
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

package threadlab.grader.testjvm.modelcheck;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiPredicate;
import java.util.function.BinaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What {@link Instrumenter} calls instead of an atomic's call that runs the exercise's function:
 * {@code updateAndGet}, {@code getAndUpdate}, {@code accumulateAndGet} and
 * {@code getAndAccumulate}. On a scenario's thread each is what the JDK does: a read, the
 * function, and a compare-and-set that fails if another thread changed the value meanwhile,
 * when the function runs again. The read and the compare-and-set are steps, and the function's
 * own steps come between, so other threads can run there. Outside a model check each makes the
 * real call.
 *
 * <p>Not for hand-written code: the names and signatures are the instrumenter's.
 */
public final class AtomicHooks {

    private AtomicHooks() {
    }

    /**
     * Reads, applies, compares and sets until the compare-and-set succeeds.
     *
     * @param me the running thread
     * @param atomic the atomic, which orders the steps as a volatile does
     * @param call the call as the interleaving shows it
     * @param read reads the value
     * @param function the new value from the old
     * @param compareAndSet sets the new value if the old is still there
     * @param giveNew whether the call returns the new value, else the old
     * @return what the call returns
     */
    private static <T> T retry(ManagedThread me, Object atomic, String call, Supplier<T> read,
            UnaryOperator<T> function, BiPredicate<T, T> compareAndSet, boolean giveNew) {
        Run run = me.run;
        while (true) {
            run.step(me);
            T seen = read.get();
            run.acquire(me, atomic);
            run.log(me, call + ": reads " + run.name(seen));
            T next = function.apply(seen);
            run.step(me);
            boolean set = compareAndSet.test(seen, next);
            run.acquireAndRelease(me, atomic);
            run.log(me, call + ": compareAndSet(" + run.name(seen) + ", " + run.name(next)
                    + "): " + set + (set ? "" : ", so the function runs again"));
            if (set) {
                return giveNew ? next : seen;
            }
        }
    }

    private static int ofInt(AtomicInteger atomic, IntUnaryOperator function, String call,
            boolean giveNew) {
        ManagedThread me = Hooks.managed();
        if (me == null) {
            return giveNew ? atomic.updateAndGet(function) : atomic.getAndUpdate(function);
        }
        return retry(me, atomic, call, atomic::get, v -> function.applyAsInt(v),
                (seen, next) -> atomic.compareAndSet(seen, next), giveNew);
    }

    /**
     * {@code atomic.updateAndGet(function)}.
     *
     * @param atomic the atomic
     * @param function the function
     * @param call the call
     * @return the new value
     */
    public static int updateAndGet(AtomicInteger atomic, IntUnaryOperator function,
            String call) {
        return ofInt(atomic, function, call, true);
    }

    /**
     * {@code atomic.getAndUpdate(function)}.
     *
     * @param atomic the atomic
     * @param function the function
     * @param call the call
     * @return the old value
     */
    public static int getAndUpdate(AtomicInteger atomic, IntUnaryOperator function,
            String call) {
        return ofInt(atomic, function, call, false);
    }

    /**
     * {@code atomic.accumulateAndGet(x, function)}.
     *
     * @param atomic the atomic
     * @param x the second operand
     * @param function the function
     * @param call the call
     * @return the new value
     */
    public static int accumulateAndGet(AtomicInteger atomic, int x, IntBinaryOperator function,
            String call) {
        return ofInt(atomic, v -> function.applyAsInt(v, x), call, true);
    }

    /**
     * {@code atomic.getAndAccumulate(x, function)}.
     *
     * @param atomic the atomic
     * @param x the second operand
     * @param function the function
     * @param call the call
     * @return the old value
     */
    public static int getAndAccumulate(AtomicInteger atomic, int x, IntBinaryOperator function,
            String call) {
        return ofInt(atomic, v -> function.applyAsInt(v, x), call, false);
    }

    private static long ofLong(AtomicLong atomic, LongUnaryOperator function, String call,
            boolean giveNew) {
        ManagedThread me = Hooks.managed();
        if (me == null) {
            return giveNew ? atomic.updateAndGet(function) : atomic.getAndUpdate(function);
        }
        return retry(me, atomic, call, atomic::get, v -> function.applyAsLong(v),
                (seen, next) -> atomic.compareAndSet(seen, next), giveNew);
    }

    /**
     * {@code atomic.updateAndGet(function)}.
     *
     * @param atomic the atomic
     * @param function the function
     * @param call the call
     * @return the new value
     */
    public static long updateAndGet(AtomicLong atomic, LongUnaryOperator function, String call) {
        return ofLong(atomic, function, call, true);
    }

    /**
     * {@code atomic.getAndUpdate(function)}.
     *
     * @param atomic the atomic
     * @param function the function
     * @param call the call
     * @return the old value
     */
    public static long getAndUpdate(AtomicLong atomic, LongUnaryOperator function, String call) {
        return ofLong(atomic, function, call, false);
    }

    /**
     * {@code atomic.accumulateAndGet(x, function)}.
     *
     * @param atomic the atomic
     * @param x the second operand
     * @param function the function
     * @param call the call
     * @return the new value
     */
    public static long accumulateAndGet(AtomicLong atomic, long x, LongBinaryOperator function,
            String call) {
        return ofLong(atomic, v -> function.applyAsLong(v, x), call, true);
    }

    /**
     * {@code atomic.getAndAccumulate(x, function)}.
     *
     * @param atomic the atomic
     * @param x the second operand
     * @param function the function
     * @param call the call
     * @return the old value
     */
    public static long getAndAccumulate(AtomicLong atomic, long x, LongBinaryOperator function,
            String call) {
        return ofLong(atomic, v -> function.applyAsLong(v, x), call, false);
    }

    @SuppressWarnings("unchecked")
    private static Object ofReference(AtomicReference<?> atomic,
            UnaryOperator<Object> function, String call, boolean giveNew) {
        AtomicReference<Object> reference = (AtomicReference<Object>) atomic;
        ManagedThread me = Hooks.managed();
        if (me == null) {
            return giveNew ? reference.updateAndGet(function) : reference.getAndUpdate(function);
        }
        return retry(me, atomic, call, reference::get, function, reference::compareAndSet,
                giveNew);
    }

    /**
     * {@code atomic.updateAndGet(function)}.
     *
     * @param atomic the atomic
     * @param function the function
     * @param call the call
     * @return the new value
     */
    @SuppressWarnings("unchecked")
    public static Object updateAndGet(AtomicReference<?> atomic, UnaryOperator<?> function,
            String call) {
        return ofReference(atomic, (UnaryOperator<Object>) function, call, true);
    }

    /**
     * {@code atomic.getAndUpdate(function)}.
     *
     * @param atomic the atomic
     * @param function the function
     * @param call the call
     * @return the old value
     */
    @SuppressWarnings("unchecked")
    public static Object getAndUpdate(AtomicReference<?> atomic, UnaryOperator<?> function,
            String call) {
        return ofReference(atomic, (UnaryOperator<Object>) function, call, false);
    }

    /**
     * {@code atomic.accumulateAndGet(x, function)}.
     *
     * @param atomic the atomic
     * @param x the second operand
     * @param function the function
     * @param call the call
     * @return the new value
     */
    @SuppressWarnings("unchecked")
    public static Object accumulateAndGet(AtomicReference<?> atomic, Object x,
            BinaryOperator<?> function, String call) {
        BinaryOperator<Object> f = (BinaryOperator<Object>) function;
        return ofReference(atomic, v -> f.apply(v, x), call, true);
    }

    /**
     * {@code atomic.getAndAccumulate(x, function)}.
     *
     * @param atomic the atomic
     * @param x the second operand
     * @param function the function
     * @param call the call
     * @return the old value
     */
    @SuppressWarnings("unchecked")
    public static Object getAndAccumulate(AtomicReference<?> atomic, Object x,
            BinaryOperator<?> function, String call) {
        BinaryOperator<Object> f = (BinaryOperator<Object>) function;
        return ofReference(atomic, v -> f.apply(v, x), call, false);
    }

    @SuppressWarnings("unchecked")
    private static int ofField(AtomicIntegerFieldUpdater<?> updater, Object target,
            IntUnaryOperator function, String call, boolean giveNew) {
        AtomicIntegerFieldUpdater<Object> field = (AtomicIntegerFieldUpdater<Object>) updater;
        ManagedThread me = Hooks.managed();
        if (me == null) {
            return giveNew ? field.updateAndGet(target, function)
                    : field.getAndUpdate(target, function);
        }
        return retry(me, updater, call, () -> field.get(target), v -> function.applyAsInt(v),
                (seen, next) -> field.compareAndSet(target, seen, next), giveNew);
    }

    /**
     * {@code updater.updateAndGet(target, function)}.
     *
     * @param updater the field updater
     * @param target the object whose field it updates
     * @param function the function
     * @param call the call
     * @return the new value
     */
    public static int updateAndGet(AtomicIntegerFieldUpdater<?> updater, Object target,
            IntUnaryOperator function, String call) {
        return ofField(updater, target, function, call, true);
    }

    /**
     * {@code updater.getAndUpdate(target, function)}.
     *
     * @param updater the field updater
     * @param target the object whose field it updates
     * @param function the function
     * @param call the call
     * @return the old value
     */
    public static int getAndUpdate(AtomicIntegerFieldUpdater<?> updater, Object target,
            IntUnaryOperator function, String call) {
        return ofField(updater, target, function, call, false);
    }

    /**
     * {@code updater.accumulateAndGet(target, x, function)}.
     *
     * @param updater the field updater
     * @param target the object whose field it updates
     * @param x the second operand
     * @param function the function
     * @param call the call
     * @return the new value
     */
    public static int accumulateAndGet(AtomicIntegerFieldUpdater<?> updater, Object target,
            int x, IntBinaryOperator function, String call) {
        return ofField(updater, target, v -> function.applyAsInt(v, x), call, true);
    }

    /**
     * {@code updater.getAndAccumulate(target, x, function)}.
     *
     * @param updater the field updater
     * @param target the object whose field it updates
     * @param x the second operand
     * @param function the function
     * @param call the call
     * @return the old value
     */
    public static int getAndAccumulate(AtomicIntegerFieldUpdater<?> updater, Object target,
            int x, IntBinaryOperator function, String call) {
        return ofField(updater, target, v -> function.applyAsInt(v, x), call, false);
    }
}

package threadlab.refcount;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

/** Correct: a compare-and-set loop on a volatile int, through a VarHandle on its own field. */
public final class SafeRefCount implements RefCount {

    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(SafeRefCount.class, "count", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Runnable free;
    private volatile int count = 1;

    public SafeRefCount(Runnable free) {
        this.free = Objects.requireNonNull(free, "free");
    }

    @Override
    public void incref() {
        while (true) {
            int seen = (int) COUNT.getVolatile(this);
            if (seen <= 0) {
                throw new UseAfterFreeException(seen);
            }
            if (COUNT.compareAndSet(this, seen, seen + 1)) {
                return;
            }
        }
    }

    @Override
    public void decref() {
        while (true) {
            int seen = (int) COUNT.getVolatile(this);
            if (seen <= 0) {
                throw new DoubleFreeException();
            }
            if (COUNT.compareAndSet(this, seen, seen - 1)) {
                if (seen == 1) {
                    free.run();
                }
                return;
            }
        }
    }

    @Override
    public int get() {
        return (int) COUNT.getVolatile(this);
    }
}

package threadlab.refcount;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * Correct: a compare-and-set loop on a volatile int, through an AtomicIntegerFieldUpdater, which
 * saves an AtomicInteger object per count.
 */
public final class SafeRefCount implements RefCount {

    private static final AtomicIntegerFieldUpdater<SafeRefCount> COUNT =
            AtomicIntegerFieldUpdater.newUpdater(SafeRefCount.class, "count");

    private final Runnable free;
    private volatile int count = 1;

    public SafeRefCount(Runnable free) {
        this.free = Objects.requireNonNull(free, "free");
    }

    @Override
    public void incref() {
        while (true) {
            int seen = COUNT.get(this);
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
            int seen = COUNT.get(this);
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
        return COUNT.get(this);
    }
}

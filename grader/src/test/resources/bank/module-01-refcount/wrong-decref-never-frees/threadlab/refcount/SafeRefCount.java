package threadlab.refcount;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/** Wrong on purpose: counts down atomically, but never frees the object. */
public final class SafeRefCount implements RefCount {

    private final Runnable free;
    private final AtomicInteger count = new AtomicInteger(1);

    public SafeRefCount(Runnable free) {
        this.free = Objects.requireNonNull(free, "free");
    }

    @Override
    public void incref() {
        while (true) {
            int seen = count.get();
            if (seen <= 0) {
                throw new UseAfterFreeException(seen);
            }
            if (count.compareAndSet(seen, seen + 1)) {
                return;
            }
        }
    }

    @Override
    public void decref() {
        while (true) {
            int seen = count.get();
            if (seen <= 0) {
                throw new DoubleFreeException();
            }
            if (count.compareAndSet(seen, seen - 1)) {
                return;
            }
        }
    }

    @Override
    public int get() {
        return count.get();
    }
}

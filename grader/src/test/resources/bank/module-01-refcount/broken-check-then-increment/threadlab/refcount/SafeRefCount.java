package threadlab.refcount;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/** Broken on purpose: incref checks for a freed object, then increments, in two steps. */
public final class SafeRefCount implements RefCount {

    private final Runnable free;
    private final AtomicInteger count = new AtomicInteger(1);

    public SafeRefCount(Runnable free) {
        this.free = Objects.requireNonNull(free, "free");
    }

    @Override
    public void incref() {
        int seen = count.get();
        if (seen <= 0) {
            throw new UseAfterFreeException(seen);
        }
        count.incrementAndGet();
    }

    @Override
    public void decref() {
        while (true) {
            int seen = count.get();
            if (seen <= 0) {
                throw new DoubleFreeException();
            }
            if (count.compareAndSet(seen, seen - 1)) {
                if (seen == 1) {
                    free.run();
                }
                return;
            }
        }
    }

    @Override
    public int get() {
        return count.get();
    }
}

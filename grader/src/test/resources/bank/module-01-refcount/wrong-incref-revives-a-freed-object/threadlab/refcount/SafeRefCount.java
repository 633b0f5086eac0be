package threadlab.refcount;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/** Wrong on purpose: incref never checks for a freed object, so it counts one back to life. */
public final class SafeRefCount implements RefCount {

    private final Runnable free;
    private final AtomicInteger count = new AtomicInteger(1);

    public SafeRefCount(Runnable free) {
        this.free = Objects.requireNonNull(free, "free");
    }

    @Override
    public void incref() {
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

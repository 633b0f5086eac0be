package threadlab.refcount;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reference count that stays right when many threads add and drop references at once.
 *
 * <p>Tasks 3 and 4. {@link BrokenUnsynchronizedRefCount} shows what goes wrong without
 * protection. Make each update one indivisible step, with an atomic variable or with a lock;
 * both are accepted.
 */
public final class SafeRefCount implements RefCount {

    private final Runnable free;
    private final AtomicInteger count = new AtomicInteger(1);

    /**
     * A count of 1, for a new object.
     *
     * @param free what frees the object; run exactly once, when the count reaches 0
     */
    public SafeRefCount(Runnable free) {
        this.free = Objects.requireNonNull(free, "free");
    }

    @Override
    public void incref() {
        // A compare-and-set loop, not incrementAndGet: a freed object must stay at 0.
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
                // Only the thread whose own update reached 0 frees: exactly once.
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

package threadlab.refcount;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Correct: an AtomicLong updated with getAndUpdate. The function checks the value it is given
 * and throws for a freed object; getAndUpdate may run it again when another thread got in first,
 * so it has no side effect. The value before the update says whether this drop was the last.
 */
public final class SafeRefCount implements RefCount {

    private final Runnable free;
    private final AtomicLong count = new AtomicLong(1);

    public SafeRefCount(Runnable free) {
        this.free = Objects.requireNonNull(free, "free");
    }

    @Override
    public void incref() {
        count.getAndUpdate(seen -> {
            if (seen <= 0) {
                throw new UseAfterFreeException((int) seen);
            }
            return seen + 1;
        });
    }

    @Override
    public void decref() {
        long before = count.getAndUpdate(seen -> {
            if (seen <= 0) {
                throw new DoubleFreeException();
            }
            return seen - 1;
        });
        if (before == 1) {
            free.run();
        }
    }

    @Override
    public int get() {
        return (int) count.get();
    }
}

package threadlab.refcount;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/** Correct: each update is one updateAndGet, and decref decides with the value it produced. */
public final class SafeRefCount implements RefCount {

    private final Runnable free;
    private final AtomicInteger count = new AtomicInteger(1);

    public SafeRefCount(Runnable free) {
        this.free = Objects.requireNonNull(free, "free");
    }

    @Override
    public void incref() {
        count.updateAndGet(seen -> {
            if (seen <= 0) {
                throw new UseAfterFreeException(seen);
            }
            return seen + 1;
        });
    }

    @Override
    public void decref() {
        int after = count.updateAndGet(seen -> {
            if (seen <= 0) {
                throw new DoubleFreeException();
            }
            return seen - 1;
        });
        if (after == 0) {
            free.run();
        }
    }

    @Override
    public int get() {
        return count.get();
    }
}

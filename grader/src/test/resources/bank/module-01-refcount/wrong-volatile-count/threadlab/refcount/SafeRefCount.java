package threadlab.refcount;

import java.util.Objects;

/** Wrong on purpose: a volatile count, as if volatile made count++ one step. */
public final class SafeRefCount implements RefCount {

    private final Runnable free;
    private volatile int count = 1;

    public SafeRefCount(Runnable free) {
        this.free = Objects.requireNonNull(free, "free");
    }

    @Override
    public void incref() {
        if (count == 0) {
            throw new UseAfterFreeException(count);
        }
        count++;
    }

    @Override
    public void decref() {
        if (count == 0) {
            throw new DoubleFreeException();
        }
        if (--count == 0) {
            free.run();
        }
    }

    @Override
    public int get() {
        return count;
    }
}

package threadlab.refcount;

import java.util.Objects;

/** Wrong on purpose: the last decref frees first, and takes the count to 0 afterwards. */
public final class SafeRefCount implements RefCount {

    private final Runnable free;
    private int count = 1;

    public SafeRefCount(Runnable free) {
        this.free = Objects.requireNonNull(free, "free");
    }

    @Override
    public synchronized void incref() {
        if (count == 0) {
            throw new UseAfterFreeException(count);
        }
        count++;
    }

    @Override
    public synchronized void decref() {
        if (count == 0) {
            throw new DoubleFreeException();
        }
        if (count == 1) {
            free.run();
        }
        count--;
    }

    @Override
    public synchronized int get() {
        return count;
    }
}

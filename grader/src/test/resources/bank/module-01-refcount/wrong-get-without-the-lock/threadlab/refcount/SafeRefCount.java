package threadlab.refcount;

import java.util.Objects;

/**
 * Wrong on purpose: incref and decref take the count's lock, but get() reads the plain int
 * without it, as if a read of an int needed no ordering because it is one step.
 */
public final class SafeRefCount implements RefCount {

    private final Runnable free;
    private int count = 1;

    public SafeRefCount(Runnable free) {
        this.free = Objects.requireNonNull(free, "free");
    }

    @Override
    public synchronized void incref() {
        if (count <= 0) {
            throw new UseAfterFreeException(count);
        }
        count++;
    }

    @Override
    public void decref() {
        synchronized (this) {
            if (count <= 0) {
                throw new DoubleFreeException();
            }
            count--;
            if (count != 0) {
                return;
            }
        }
        free.run();
    }

    @Override
    public int get() {
        return count;
    }
}

package threadlab.refcount;

import java.util.Objects;

/**
 * Correct: a plain int guarded by the monitor of a private final object, which no other code can
 * lock. The last drop decides to free inside the lock and frees outside it.
 */
public final class SafeRefCount implements RefCount {

    private final Runnable free;
    private final Object lock = new Object();
    private int count = 1;

    public SafeRefCount(Runnable free) {
        this.free = Objects.requireNonNull(free, "free");
    }

    @Override
    public void incref() {
        synchronized (lock) {
            if (count <= 0) {
                throw new UseAfterFreeException(count);
            }
            count++;
        }
    }

    @Override
    public void decref() {
        boolean last;
        synchronized (lock) {
            if (count <= 0) {
                throw new DoubleFreeException();
            }
            count--;
            last = count == 0;
        }
        if (last) {
            free.run();
        }
    }

    @Override
    public int get() {
        synchronized (lock) {
            return count;
        }
    }
}

package threadlab.refcount;

import java.util.Objects;

/**
 * Correct: the count is guarded by a lock, and a volatile flag says that the object was freed,
 * so that incref refuses a freed object at once, before it takes the lock. The flag is written
 * under the lock and read without it: volatile makes the read see the write.
 */
public final class SafeRefCount implements RefCount {

    private final Runnable free;
    private final Object lock = new Object();
    private int count = 1;
    private volatile boolean freed;

    public SafeRefCount(Runnable free) {
        this.free = Objects.requireNonNull(free, "free");
    }

    @Override
    public void incref() {
        if (freed) {
            throw new UseAfterFreeException(0);
        }
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
            if (last) {
                freed = true;
            }
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

package threadlab.refcount;

import java.util.Objects;

/** Correct: every method holds the same lock, this object's; free runs outside it. */
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
    public void decref() {
        boolean last;
        synchronized (this) {
            if (count == 0) {
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
    public synchronized int get() {
        return count;
    }
}

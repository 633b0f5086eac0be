package threadlab.refcount;

import java.util.Objects;

/** Wrong on purpose: each call locks a lock of its own, which no other call ever waits for. */
public final class SafeRefCount implements RefCount {

    private final Runnable free;
    private int count = 1;

    public SafeRefCount(Runnable free) {
        this.free = Objects.requireNonNull(free, "free");
    }

    @Override
    public void incref() {
        synchronized (new Object()) {
            if (count == 0) {
                throw new UseAfterFreeException(count);
            }
            count++;
        }
    }

    @Override
    public void decref() {
        boolean last;
        synchronized (new Object()) {
            if (count == 0) {
                throw new DoubleFreeException();
            }
            last = --count == 0;
        }
        if (last) {
            free.run();
        }
    }

    @Override
    public int get() {
        synchronized (new Object()) {
            return count;
        }
    }
}

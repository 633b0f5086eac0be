package threadlab.refcount;

import java.util.Objects;

/**
 * Broken: correct-volatile-freed-flag with the volatile taken off the freed flag. It is written
 * under the lock and read without it, so nothing orders the read after the write: a thread may
 * never see the flag, though every interleaving gives the right answer. Only the race detector
 * sees it.
 */
public final class SafeRefCount implements RefCount {

    private final Runnable free;
    private final Object lock = new Object();
    private int count = 1;
    private boolean freed;

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

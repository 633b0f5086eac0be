package threadlab.refcount;

import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/** Correct: one ReentrantLock, kept in a final field, guards every read and write. */
public final class SafeRefCount implements RefCount {

    private final Runnable free;
    private final ReentrantLock lock = new ReentrantLock();
    private int count = 1;

    public SafeRefCount(Runnable free) {
        this.free = Objects.requireNonNull(free, "free");
    }

    @Override
    public void incref() {
        lock.lock();
        try {
            if (count == 0) {
                throw new UseAfterFreeException(count);
            }
            count++;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void decref() {
        boolean last;
        lock.lock();
        try {
            if (count == 0) {
                throw new DoubleFreeException();
            }
            count--;
            last = count == 0;
        } finally {
            lock.unlock();
        }
        if (last) {
            free.run();
        }
    }

    @Override
    public int get() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }
}

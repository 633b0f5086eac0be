package threadlab.refcount;

import java.util.Objects;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Correct: a plain int behind a read-write lock. Updates take the write lock, so each is one
 * step; reading the count takes the read lock, which also makes the last update visible.
 */
public final class SafeRefCount implements RefCount {

    private final Runnable free;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Lock write = lock.writeLock();
    private final Lock read = lock.readLock();
    private int count = 1;

    public SafeRefCount(Runnable free) {
        this.free = Objects.requireNonNull(free, "free");
    }

    @Override
    public void incref() {
        write.lock();
        try {
            if (count <= 0) {
                throw new UseAfterFreeException(count);
            }
            count++;
        } finally {
            write.unlock();
        }
    }

    @Override
    public void decref() {
        boolean last;
        write.lock();
        try {
            if (count <= 0) {
                throw new DoubleFreeException();
            }
            count--;
            last = count == 0;
        } finally {
            write.unlock();
        }
        if (last) {
            free.run();
        }
    }

    @Override
    public int get() {
        read.lock();
        try {
            return count;
        } finally {
            read.unlock();
        }
    }
}

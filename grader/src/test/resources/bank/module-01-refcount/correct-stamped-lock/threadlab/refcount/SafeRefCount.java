package threadlab.refcount;

import java.util.Objects;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.StampedLock;

/**
 * Correct: a StampedLock. Updates hold its write lock, taken through its Lock view; get() reads
 * optimistically, without a lock, and reads again under the read lock if a write came between.
 * correct-stamped-lock-stamps is the same design with stamps.
 */
public final class SafeRefCount implements RefCount {

    private final Runnable free;
    private final StampedLock lock = new StampedLock();
    private final Lock writeLock = lock.asWriteLock();
    private int count = 1;

    public SafeRefCount(Runnable free) {
        this.free = Objects.requireNonNull(free, "free");
    }

    @Override
    public void incref() {
        writeLock.lock();
        try {
            if (count <= 0) {
                throw new UseAfterFreeException(count);
            }
            count++;
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void decref() {
        boolean last;
        writeLock.lock();
        try {
            if (count <= 0) {
                throw new DoubleFreeException();
            }
            count--;
            last = count == 0;
        } finally {
            writeLock.unlock();
        }
        if (last) {
            free.run();
        }
    }

    @Override
    public int get() {
        long stamp = lock.tryOptimisticRead();
        int seen = count;
        if (lock.validate(stamp)) {
            return seen;
        }
        stamp = lock.readLock();
        try {
            return count;
        } finally {
            lock.unlockRead(stamp);
        }
    }
}

package threadlab.refcount;

import java.util.Objects;
import java.util.concurrent.locks.StampedLock;

/**
 * Correct: a StampedLock, with stamps. Updates hold its write lock, taken with writeLock() and
 * let go of with unlockWrite(stamp); get() reads optimistically, without a lock, and reads again
 * under the read lock if a write came between. correct-stamped-lock takes the write lock through
 * its Lock view instead.
 */
public final class SafeRefCount implements RefCount {

    private final Runnable free;
    private final StampedLock lock = new StampedLock();
    private int count = 1;

    public SafeRefCount(Runnable free) {
        this.free = Objects.requireNonNull(free, "free");
    }

    @Override
    public void incref() {
        long stamp = lock.writeLock();
        try {
            if (count <= 0) {
                throw new UseAfterFreeException(count);
            }
            count++;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    @Override
    public void decref() {
        boolean last;
        long stamp = lock.writeLock();
        try {
            if (count <= 0) {
                throw new DoubleFreeException();
            }
            count--;
            last = count == 0;
        } finally {
            lock.unlockWrite(stamp);
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

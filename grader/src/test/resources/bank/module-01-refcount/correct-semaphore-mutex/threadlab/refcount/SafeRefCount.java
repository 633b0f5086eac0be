package threadlab.refcount;

import java.util.Objects;
import java.util.concurrent.Semaphore;

/**
 * Correct: a Semaphore of one permit as the mutex in every method, get() included; free runs
 * after the release, as a semaphore is not reentrant and free may read get().
 */
public final class SafeRefCount implements RefCount {

    private final Runnable free;
    /** One permit: a mutex. */
    private final Semaphore mutex = new Semaphore(1);
    private int count = 1;

    /**
     * A count of 1, for a new object.
     *
     * @param free what frees the object; run exactly once, when the count reaches 0
     */
    public SafeRefCount(Runnable free) {
        this.free = Objects.requireNonNull(free, "free");
    }

    @Override
    public void incref() {
        mutex.acquireUninterruptibly();
        try {
            if (count <= 0) {
                throw new UseAfterFreeException(count);
            }
            count++;
        } finally {
            mutex.release();
        }
    }

    @Override
    public void decref() {
        boolean last;
        mutex.acquireUninterruptibly();
        try {
            if (count <= 0) {
                throw new DoubleFreeException();
            }
            count--;
            last = count == 0;
        } finally {
            mutex.release();
        }
        // A semaphore is not reentrant: free (which may read get()) runs after the release.
        if (last) {
            free.run();
        }
    }

    @Override
    public int get() {
        mutex.acquireUninterruptibly();
        try {
            return count;
        } finally {
            mutex.release();
        }
    }
}

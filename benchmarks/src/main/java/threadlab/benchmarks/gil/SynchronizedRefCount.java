package threadlab.benchmarks.gil;

import threadlab.refcount.DoubleFreeException;
import threadlab.refcount.RefCount;
import threadlab.refcount.UseAfterFreeException;

/** A count made safe on its own, without a GIL: every update takes the object's own lock. */
final class SynchronizedRefCount implements RefCount {

    private int count = 1;

    @Override
    public synchronized void incref() {
        if (count == 0) {
            throw new UseAfterFreeException(count);
        }
        count++;
    }

    @Override
    public synchronized void decref() {
        if (count == 0) {
            throw new DoubleFreeException();
        }
        count--;
    }

    @Override
    public synchronized int get() {
        return count;
    }
}

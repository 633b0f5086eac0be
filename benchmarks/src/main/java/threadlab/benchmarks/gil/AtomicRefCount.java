package threadlab.benchmarks.gil;

import java.util.concurrent.atomic.AtomicInteger;
import threadlab.refcount.DoubleFreeException;
import threadlab.refcount.RefCount;
import threadlab.refcount.UseAfterFreeException;

/** A count made safe on its own, without a GIL: every update is an atomic read-modify-write. */
final class AtomicRefCount implements RefCount {

    private final AtomicInteger count = new AtomicInteger(1);

    @Override
    public void incref() {
        int now = count.getAndIncrement();
        if (now <= 0) {
            throw new UseAfterFreeException(now);
        }
    }

    @Override
    public void decref() {
        int now = count.decrementAndGet();
        if (now < 0) {
            throw new DoubleFreeException();
        }
    }

    @Override
    public int get() {
        return count.get();
    }
}

package threadlab.refcount;

import java.util.Objects;

/**
 * A reference count with no protection against threads. <b>Broken</b> on purpose: it is right as
 * long as one thread uses it, and wrong as soon as two do.
 *
 * <p>{@code count = count + 1} looks like one step, but the processor does it in three: read the
 * count, add one, write it back. Two threads can both read 1, both write 2, and one reference is
 * lost. In {@link #decref()}, the test for 0 reads the count again, after the write: two threads
 * can both see 0 and free the object twice, or free it while a reference still points at it.
 * Module 1's README shows the interleavings step by step.
 *
 * <p>This is how CPython's own counts work: plain integers, with no lock of their own. They are
 * safe only because of the global interpreter lock, which module 2 builds.
 *
 * <p>This file is provided: you do not need to change it.
 */
public final class BrokenUnsynchronizedRefCount implements RefCount {

    private final Runnable free;
    private int count = 1;

    /**
     * A count of 1, for a new object.
     *
     * @param free what frees the object; run when the count reaches 0
     */
    public BrokenUnsynchronizedRefCount(Runnable free) {
        this.free = Objects.requireNonNull(free, "free");
    }

    @Override
    public void incref() {
        if (count == 0) {
            throw new UseAfterFreeException(count);
        }
        count = count + 1;
    }

    @Override
    public void decref() {
        if (count == 0) {
            throw new DoubleFreeException();
        }
        count = count - 1;
        if (count == 0) {
            free.run();
        }
    }

    @Override
    public int get() {
        return count;
    }
}

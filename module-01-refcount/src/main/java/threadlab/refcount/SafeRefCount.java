package threadlab.refcount;

import java.util.Objects;

/**
 * A reference count that stays right when many threads add and drop references at once.
 *
 * <p>Tasks 3 and 4. {@link BrokenUnsynchronizedRefCount} shows what goes wrong without
 * protection. Make each update one indivisible step, with an atomic variable or with a lock;
 * both are accepted.
 */
public final class SafeRefCount implements RefCount {

    private final Runnable free;

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
        throw new UnsupportedOperationException(
                "Task 3: add one to the count as one indivisible step, with an atomic variable"
                + " or a lock; then Task 4: refuse a freed object with UseAfterFreeException"
                + " (see HINTS.md, tasks 3 and 4)");
    }

    @Override
    public void decref() {
        throw new UnsupportedOperationException(
                "Task 3: take one off the count as one indivisible step, and run free exactly"
                + " once, by the drop that reaches 0; then Task 4: refuse a freed object with"
                + " DoubleFreeException (see HINTS.md, tasks 3 and 4)");
    }

    @Override
    public int get() {
        throw new UnsupportedOperationException(
                "Task 3: return the count (see HINTS.md, task 3)");
    }
}

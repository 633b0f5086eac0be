package threadlab.refcount;

import java.util.Objects;

/**
 * A reference to an object on the {@link Heap}: what a Python name holds.
 *
 * <pre>{@code
 * # Python          // Java, with this class
 * a = []            Ref a = heap.allocate("list");
 * b = a             Ref b = a.copy();
 * del b             b.drop();
 * }</pre>
 *
 * <p>Every reference counts once in its object's count: copying a reference adds one, dropping
 * it takes one off, and the drop that takes the count to 0 frees the object.
 *
 * <p>A {@code Ref} belongs to one thread at a time, like a local variable. Threads share the
 * object, each through references of its own.
 */
public final class Ref {

    private final HeapObject target;
    private boolean dropped;

    /**
     * A reference to an object. Only the heap makes the first one; {@link #copy()} makes more.
     *
     * @param target the object referred to
     */
    Ref(HeapObject target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    /**
     * The object this reference refers to.
     *
     * @return the object
     * @throws DroppedReferenceException if this reference was dropped
     */
    public HeapObject target() {
        if (dropped) {
            throw new DroppedReferenceException(target.name());
        }
        return target;
    }

    /**
     * Whether this reference was dropped.
     *
     * @return {@code true} after {@link #drop()}
     */
    public boolean isDropped() {
        return dropped;
    }

    /**
     * Task 1. A new reference to the same object, like Python's {@code b = a}: the object's count
     * goes up by one.
     *
     * @return the new reference
     * @throws DroppedReferenceException if this reference was dropped
     */
    public Ref copy() {
        RefCount count = target().count();
        count.incref();
        return new Ref(target);
    }

    /**
     * Task 1. Drops this reference, like Python's {@code del b}: the object's count goes down by
     * one, and the drop that takes it to 0 frees the object. A dropped reference may not be used
     * again.
     *
     * @throws DroppedReferenceException if this reference was dropped already
     */
    public void drop() {
        HeapObject object = target();
        // Marked first: even if decref throws, this reference must never be dropped again.
        dropped = true;
        object.count().decref();
    }
}

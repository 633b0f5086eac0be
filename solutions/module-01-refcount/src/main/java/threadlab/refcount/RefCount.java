package threadlab.refcount;

/**
 * How an object counts the references to it.
 *
 * <p>A new object starts with one reference: the one its creator holds. {@link #incref()} adds a
 * reference, {@link #decref()} drops one, and the drop that brings the count to 0 frees the
 * object. After that the object is gone: any further {@code incref} or {@code decref} is a bug in
 * the program, and the count reports it with an exception instead of corrupting memory.
 *
 * <p>This file is provided: you do not need to change it.
 */
public interface RefCount {

    /**
     * Adds a reference.
     *
     * @throws UseAfterFreeException if the object was freed already
     */
    void incref();

    /**
     * Drops a reference. The drop that brings the count to 0 frees the object, exactly once.
     *
     * @throws DoubleFreeException if the object was freed already: the count would go below 0
     */
    void decref();

    /**
     * The number of references now.
     *
     * @return the count; 0 once the object is freed
     */
    int get();
}

package threadlab.refcount;

/**
 * Python's {@code sys} module, as far as reference counts go.
 *
 * <pre>{@code
 * # Python                    // Java, with this class
 * a = []                      Ref a = heap.allocate("list");
 * b = a                       Ref b = a.copy();
 * sys.getrefcount(a)  # 3     PySys.getrefcount(a);  // 3
 * }</pre>
 */
public final class PySys {

    private PySys() {
    }

    /**
     * Task 1. The number of references to the object {@code ref} refers to, counted as Python's
     * {@code sys.getrefcount} counts them: while the function runs, its argument is a reference
     * of its own, so the answer is one more than the references the caller holds.
     *
     * <p>Do what Python does: hold a reference of your own (a copy of {@code ref}) while you read
     * the count, and drop it before you return.
     *
     * @param ref a reference to the object
     * @return the object's count, the argument's own reference included
     * @throws DroppedReferenceException if {@code ref} was dropped
     */
    public static int getrefcount(Ref ref) {
        // Wrong on purpose: adds 1 for the argument instead of holding a reference.
        return ref.target().count().get() + 1;
    }
}

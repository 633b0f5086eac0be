package threadlab.refcount;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An object on the model {@link Heap}: a name and a count of the references to it. Its memory is
 * freed when the count reaches 0; here, freeing records the object in the heap's
 * {@link Heap#freed()} list.
 *
 * <p>This file is provided: you do not need to change it.
 */
public final class HeapObject {

    private final String name;
    private final AtomicInteger frees = new AtomicInteger();
    private final RefCount count;

    HeapObject(String name, Function<Runnable, RefCount> counts, Consumer<HeapObject> onFree) {
        this.name = Objects.requireNonNull(name, "name");
        Objects.requireNonNull(onFree, "onFree");
        this.count = Objects.requireNonNull(counts.apply(() -> {
            frees.incrementAndGet();
            onFree.accept(this);
        }), "the heap's counts made a null RefCount");
    }

    /**
     * The object's name, as messages show it.
     *
     * @return the name given to {@link Heap#allocate(String)}
     */
    public String name() {
        return name;
    }

    /**
     * The count of references to this object. {@link Ref} adds and drops references through it.
     *
     * @return the object's count
     */
    public RefCount count() {
        return count;
    }

    /**
     * How many times the object was freed: 0 while it lives, 1 once freed, more after a double
     * free.
     *
     * @return the number of frees
     */
    public int frees() {
        return frees.get();
    }

    /**
     * Whether the object was freed.
     *
     * @return {@code true} once its count has reached 0
     */
    public boolean isFreed() {
        return frees.get() > 0;
    }

    @Override
    public String toString() {
        return name;
    }
}

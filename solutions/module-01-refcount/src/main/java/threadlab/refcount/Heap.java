package threadlab.refcount;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A model of a reference-counted heap: it makes objects, and records each object it frees.
 *
 * <p>In Python, {@code a = []} makes a list with one reference, {@code a}. Here:
 *
 * <pre>{@code
 * Heap heap = new Heap(BrokenUnsynchronizedRefCount::new);
 * Ref a = heap.allocate("list");   // a = []      count 1
 * Ref b = a.copy();                // b = a       count 2
 * b.drop();                        // del b       count 1
 * a.drop();                        // del a       count 0: freed
 * heap.freed();                    // [list]
 * }</pre>
 *
 * <p>Each object counts its references with a {@link RefCount} that the heap makes for it. Which
 * kind is the heap's choice: {@link BrokenUnsynchronizedRefCount} is right on one thread,
 * {@link SafeRefCount} on many.
 *
 * <p>This file is provided: you do not need to change it.
 */
public final class Heap {

    private final Function<Runnable, RefCount> counts;
    private final List<HeapObject> freed = new CopyOnWriteArrayList<>();

    /**
     * A heap whose objects count their references with the given kind of count.
     *
     * @param counts makes an object's count from what frees the object, for example
     *     {@code BrokenUnsynchronizedRefCount::new}
     */
    public Heap(Function<Runnable, RefCount> counts) {
        this.counts = Objects.requireNonNull(counts, "counts");
    }

    /**
     * Makes a new object with one reference, its creator's, like Python's {@code a = []}.
     *
     * @param name what the object is called in messages, for example {@code "list"}
     * @return the first reference to the object
     */
    public Ref allocate(String name) {
        return new Ref(new HeapObject(name, counts, freed::add));
    }

    /**
     * The objects freed so far, in the order they were freed. An object freed twice (a double
     * free) is in the list twice.
     *
     * @return a copy of the list
     */
    public List<HeapObject> freed() {
        return List.copyOf(freed);
    }
}

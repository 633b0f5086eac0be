package threadlab.hidden.refcount;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import threadlab.grader.api.Points;
import threadlab.hidden.support.Verdict;
import threadlab.refcount.BrokenUnsynchronizedRefCount;
import threadlab.refcount.DroppedReferenceException;
import threadlab.refcount.Heap;
import threadlab.refcount.HeapObject;
import threadlab.refcount.PySys;
import threadlab.refcount.Ref;
import threadlab.refcount.RefCount;

/**
 * References on one thread: copies and drops, frees, and Python's {@code sys.getrefcount}. The
 * heap counts with the provided {@link BrokenUnsynchronizedRefCount}, which is right on one
 * thread, so that these tests do not depend on Task 3.
 */
@Tag("task:1")
@DisplayName("Task 1, references and getrefcount")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Task1ReferencesHiddenTests {

    private final Heap heap = new Heap(BrokenUnsynchronizedRefCount::new);

    @Test
    @Tag("rule:R1.1")
    @Tag("rule:R1.5")
    @Order(1)
    @Points(2)
    @DisplayName("a = [], b = a: getrefcount(a) gives 3, as in Python")
    void theLessonsExample() {
        Ref a = heap.allocate("list");
        Ref b = a.copy();
        int got = PySys.getrefcount(a);
        int count = a.target().count().get();
        Verdict.check(got == 3, "getrefcount(a) to give 3: a, b, and getrefcount's own argument",
                "it gave " + got + ", and the count is " + count + " afterwards",
                got == 2 ? "getrefcount returns the count as it is; Python's argument is a"
                        + " reference of its own while the function runs, so it counts once more"
                        : count != 2 ? "a.copy() does not add exactly one to the count"
                        : "getrefcount should count the two references and its own argument",
                null);
        Verdict.check(count == 2, "the count back at 2 after getrefcount returns",
                "it is " + count, "getrefcount must drop the reference it held for its argument",
                null);
        b.drop();
        Verdict.check(PySys.getrefcount(a) == 2, "getrefcount(a) to give 2 after del b",
                "it gave " + PySys.getrefcount(a), "drop() takes one reference off", null);
    }

    @Test
    @Tag("rule:R1.1")
    @Tag("rule:R1.2")
    @Order(2)
    @Points(1)
    @DisplayName("each copy adds one to the count, each drop takes one off")
    void copiesAndDropsMoveTheCountByOne() {
        Ref a = heap.allocate("list");
        List<Integer> counts = new ArrayList<>();
        counts.add(a.target().count().get());
        Ref b = a.copy();
        counts.add(a.target().count().get());
        Ref c = b.copy();
        counts.add(a.target().count().get());
        c.drop();
        counts.add(a.target().count().get());
        Verdict.check(counts.equals(List.of(1, 2, 3, 2)),
                "counts 1 (a = []), 2 (b = a), 3 (c = b), 2 (del c)", "they were " + counts,
                "copy() adds exactly one reference to the count, drop() takes exactly one off",
                null);
        Verdict.check(b.target() == a.target(), "b = a.copy() to refer to the same object as a",
                "it refers to another object", "return a new Ref to the very same HeapObject",
                null);
    }

    @Test
    @Tag("rule:R1.3")
    @Order(3)
    @Points(2)
    @DisplayName("the object is freed exactly once, when its last reference is dropped")
    void freedOnceByTheLastDrop() {
        Ref a = heap.allocate("list");
        Ref b = a.copy();
        HeapObject list = a.target();
        a.drop();
        boolean freedEarly = list.isFreed();
        b.drop();
        Verdict.check(!freedEarly, "the list to stay alive after del a: b still refers to it",
                "it was freed", "drop() frees only when the count reaches 0", null);
        Verdict.check(list.frees() == 1 && heap.freed().equals(List.of(list)),
                "the list freed once when its last reference, b, was dropped, and the heap's"
                        + " freed() to be [list]",
                "it " + Causes.freed(list.frees()) + "; freed() is " + heap.freed(),
                list.frees() == 0 ? "drop() must take the reference off the object's count, so"
                        + " that the count reaches 0 and frees it" : "free once only", null);
    }

    @Test
    @Tag("rule:R1.5")
    @Order(4)
    @Points(1)
    @DisplayName("getrefcount holds a reference of its own while it reads the count")
    void getrefcountHoldsItsArgument() {
        List<String> calls = new ArrayList<>();
        Heap recorded = new Heap(free -> new Recording(new BrokenUnsynchronizedRefCount(free),
                calls));
        Ref a = recorded.allocate("list");
        Ref b = a.copy();
        calls.clear();
        int got = PySys.getrefcount(a);
        Verdict.check(!calls.isEmpty() && calls.get(0).equals("incref")
                        && calls.get(calls.size() - 1).equals("decref")
                        && calls.contains("get() = 3") && got == 3,
                "getrefcount to add a reference for its argument, read the count (3), drop the"
                        + " argument's reference, and return 3: incref, get() = 3, decref",
                "the count saw " + calls + ", and getrefcount returned " + got,
                calls.equals(List.of("get() = 2")) ? "getrefcount adds 1 to the count instead"
                        + " of holding a reference: in Python the argument really is a"
                        + " reference, so copy ref, read the count, drop the copy"
                        : "copy the argument first, read the count through the copy, and drop"
                        + " the copy last", null);
        b.drop();
    }

    @Test
    @Tag("rule:R1.2")
    @Tag("rule:R1.4")
    @Order(5)
    @Points(1)
    @DisplayName("a dropped reference refuses to be dropped or copied again")
    void aDroppedReferenceIsDead() {
        Ref a = heap.allocate("list");
        Ref b = a.copy();
        b.drop();
        RuntimeException secondDrop = thrownBy(b::drop);
        int count = a.target().count().get();
        Verdict.check(secondDrop instanceof DroppedReferenceException && count == 1,
                "b.drop() a second time to throw DroppedReferenceException and leave the count"
                        + " at 1, for a",
                (secondDrop == null ? "it returned normally" : "it threw " + secondDrop)
                        + ", and the count is " + count
                        + (a.target().isFreed() ? ": the list was freed while a refers to it" : ""),
                "mark the reference dropped, and refuse a second drop: dropping twice takes a"
                        + " reference that is not yours off the count, as a double Py_DECREF"
                        + " does in C", null);
        RuntimeException copy = thrownBy(b::copy);
        count = a.target().count().get();
        Verdict.check(copy instanceof DroppedReferenceException && count == 1,
                "b.copy() after del b to throw DroppedReferenceException, count still 1",
                (copy == null ? "it returned a reference" : "it threw " + copy)
                        + ", and the count is " + count,
                "get the object through target(), which refuses a dropped reference", null);
    }

    @Test
    @Tag("rule:R1.6")
    @Order(6)
    @Points(1)
    @DisplayName("getrefcount of a dropped reference throws DroppedReferenceException")
    void getrefcountRefusesADroppedReference() {
        Ref a = heap.allocate("list");
        Ref b = a.copy();
        b.drop();
        int[] returned = new int[1];
        RuntimeException thrown = thrownBy(() -> returned[0] = PySys.getrefcount(b));
        int count = a.target().count().get();
        Verdict.check(thrown instanceof DroppedReferenceException && count == 1,
                "getrefcount(b) after del b to throw DroppedReferenceException, the count still"
                        + " 1, for a",
                (thrown == null ? "it returned " + returned[0] : "it threw " + thrown)
                        + ", and the count is " + count,
                thrown == null && returned[0] <= 0 ? "getrefcount counted a dropped reference"
                        + " as " + returned[0] + ": a dropped reference refers to nothing, so"
                        + " there is nothing to count; refuse it, as copy() and target() do"
                        + " (they throw DroppedReferenceException for you)"
                        : thrown == null ? "getrefcount read the object without going through"
                        + " the reference: copy ref (copy() refuses a dropped reference), or use"
                        + " ref.target()" : "a refused call must leave the count as it was",
                null);
    }

    @Test
    @Tag("rule:R1.2")
    @Tag("rule:R1.4")
    @Order(7)
    @Points(1)
    @DisplayName("a drop whose count refuses the decref still marks the reference dropped")
    void aRefusedDropStillDrops() {
        List<String> calls = new ArrayList<>();
        Heap recorded = new Heap(free -> new Recording(new BrokenUnsynchronizedRefCount(free),
                calls));
        Ref a = recorded.allocate("list");
        Ref b = a.copy();
        // The count is taken to 0 past the references (a bug elsewhere, as a stray Py_DECREF in
        // C would be): b's drop then finds the object freed, and its decref throws.
        RefCount count = a.target().count();
        count.decref();
        count.decref();
        RuntimeException first = thrownBy(b::drop);
        calls.clear();
        RuntimeException second = thrownBy(b::drop);
        Verdict.check(second instanceof DroppedReferenceException && calls.isEmpty(),
                "b.drop() a second time to throw DroppedReferenceException without touching the"
                        + " count: b was marked dropped before its first drop's decref, which"
                        + " threw",
                "the first drop " + (first == null ? "returned normally" : "threw " + first)
                        + "; the second " + (second == null ? "returned normally"
                        : "threw " + second) + ", and the count saw " + calls,
                "drop() marks the reference dropped only after decref succeeded, so a drop"
                        + " whose decref throws leaves the reference live, to be dropped again:"
                        + " mark it dropped first, then decref", null);
    }

    private static RuntimeException thrownBy(Runnable call) {
        try {
            call.run();
            return null;
        } catch (UnsupportedOperationException e) {
            throw e;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** A count that records each call made to it. */
    private static final class Recording implements RefCount {

        private final RefCount inner;
        private final List<String> calls;

        Recording(RefCount inner, List<String> calls) {
            this.inner = inner;
            this.calls = calls;
        }

        @Override
        public void incref() {
            calls.add("incref");
            inner.incref();
        }

        @Override
        public void decref() {
            calls.add("decref");
            inner.decref();
        }

        @Override
        public int get() {
            int count = inner.get();
            calls.add("get() = " + count);
            return count;
        }
    }
}

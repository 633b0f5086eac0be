package threadlab.refcount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import threadlab.testing.Verdict;

/**
 * Python's example, step by step. The heap counts with {@link BrokenUnsynchronizedRefCount}:
 * with one thread it is right, and these tests use one thread.
 */
@Tag("task:1")
@DisplayName("Task 1: references and getrefcount")
class RefTests {

    private final Heap heap = new Heap(BrokenUnsynchronizedRefCount::new);

    @Test
    @DisplayName("a = [], b = a: getrefcount(a) gives 3, as in Python")
    void theLessonsExample() throws Exception {
        Ref a = heap.allocate("list");
        Ref b = a.copy();
        int got = PySys.getrefcount(a);
        int count = a.target().count().get();

        Verdict.withLikelyCause(got == 2 ? "getrefcount returns the count as it is; Python's"
                + " argument is a reference of its own while the function runs, so it counts"
                + " once more" : count != 2 ? "a.copy() does not add exactly one to the count"
                : "getrefcount should count the two references and its own argument",
                () -> assertThat(got).as("getrefcount(a) after a = [] and b = a: a, b and"
                        + " getrefcount's own argument").isEqualTo(3));
        Verdict.withLikelyCause("return a new Ref to the very same HeapObject",
                () -> assertThat(b.target()).as("b refers to the same object as a")
                        .isSameAs(a.target()));
    }

    @Test
    @DisplayName("a = []: getrefcount(a) gives 2, and the count is 1 again afterwards")
    void getrefcountCountsItsOwnArgument() throws Exception {
        Ref a = heap.allocate("list");
        int got = PySys.getrefcount(a);

        assertThat(got).as("getrefcount(a) right after a = []: a and the argument").isEqualTo(2);
        Verdict.withLikelyCause("getrefcount must drop the reference it held for its argument",
                () -> assertThat(a.target().count().get())
                        .as("the count after getrefcount has returned: its argument is gone")
                        .isEqualTo(1));
    }

    @Test
    @DisplayName("each copy adds one to the count, each drop takes one off")
    void copiesAndDropsMoveTheCount() throws Exception {
        Ref a = heap.allocate("list");
        Ref b = a.copy();
        Ref c = b.copy();
        int afterCopies = a.target().count().get();
        c.drop();
        int afterDrop = a.target().count().get();

        Verdict.withLikelyCause("copy() adds exactly one reference to the count, drop() takes"
                + " exactly one off", () -> {
                    assertThat(afterCopies).as("the count after b = a and c = b").isEqualTo(3);
                    assertThat(afterDrop).as("the count after del c").isEqualTo(2);
                });
        Verdict.withLikelyCause("drop() marks its reference dropped, then takes it off the count",
                () -> assertThat(c.isDropped()).as("c.isDropped() after del c").isTrue());
    }

    @Test
    @DisplayName("dropping the last reference frees the object, once; no drop before that does")
    void theLastDropFrees() throws Exception {
        Ref a = heap.allocate("list");
        Ref b = a.copy();
        HeapObject list = a.target();

        a.drop();
        Verdict.withLikelyCause("drop() frees only when the count reaches 0",
                () -> assertThat(list.isFreed()).as("freed after del a, while b still refers to"
                        + " it").isFalse());
        b.drop();
        Verdict.withLikelyCause(list.frees() == 0 ? "drop() must take the reference off the"
                + " object's count, so that the count reaches 0 and frees it" : "free once only",
                () -> assertThat(heap.freed()).as("the heap's freed objects after del b")
                        .extracting(HeapObject::name).containsExactly("list"));
    }

    @Test
    @DisplayName("a dropped reference can be neither dropped nor copied again")
    void aDroppedReferenceIsDead() throws Exception {
        Ref a = heap.allocate("list");
        Ref b = a.copy();
        b.drop();

        Verdict.withLikelyCause("mark the reference dropped, and refuse a second drop: dropping"
                + " twice takes a reference that is not yours off the count, as a double"
                + " Py_DECREF does in C", () -> assertThatThrownBy(b::drop)
                        .as("b.drop() a second time")
                        .isInstanceOf(DroppedReferenceException.class));
        Verdict.withLikelyCause("get the object through target(), which refuses a dropped"
                + " reference", () -> assertThatThrownBy(b::copy).as("b.copy() after del b")
                        .isInstanceOf(DroppedReferenceException.class));
        assertThat(a.target().count().get())
                .as("the count after the refused drop and copy: a is the only reference")
                .isEqualTo(1);
    }
}

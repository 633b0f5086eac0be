package threadlab.refcount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

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
    void theLessonsExample() {
        Ref a = heap.allocate("list");
        Ref b = a.copy();

        assertThat(PySys.getrefcount(a))
                .as("getrefcount(a) after a = [] and b = a: a, b and getrefcount's own argument")
                .isEqualTo(3);
        assertThat(b.target()).as("b refers to the same object as a").isSameAs(a.target());
    }

    @Test
    @DisplayName("a = []: getrefcount(a) gives 2, and the count is 1 again afterwards")
    void getrefcountCountsItsOwnArgument() {
        Ref a = heap.allocate("list");

        assertThat(PySys.getrefcount(a))
                .as("getrefcount(a) right after a = []: a and the argument")
                .isEqualTo(2);
        assertThat(a.target().count().get())
                .as("the count after getrefcount has returned: its argument is gone")
                .isEqualTo(1);
    }

    @Test
    @DisplayName("each copy adds one to the count, each drop takes one off")
    void copiesAndDropsMoveTheCount() {
        Ref a = heap.allocate("list");
        Ref b = a.copy();
        Ref c = b.copy();
        assertThat(a.target().count().get()).as("the count after b = a and c = b").isEqualTo(3);

        c.drop();
        assertThat(a.target().count().get()).as("the count after del c").isEqualTo(2);
        assertThat(c.isDropped()).as("c.isDropped() after del c").isTrue();
    }

    @Test
    @DisplayName("dropping the last reference frees the object, once; no drop before that does")
    void theLastDropFrees() {
        Ref a = heap.allocate("list");
        Ref b = a.copy();

        a.drop();
        assertThat(b.target().isFreed()).as("freed after del a, while b still refers to it")
                .isFalse();
        b.drop();
        assertThat(heap.freed()).as("the heap's freed objects after del b")
                .extracting(HeapObject::name).containsExactly("list");
    }

    @Test
    @DisplayName("a dropped reference can be neither dropped nor copied again")
    void aDroppedReferenceIsDead() {
        Ref a = heap.allocate("list");
        Ref b = a.copy();
        b.drop();

        assertThatThrownBy(b::drop).as("b.drop() a second time")
                .isInstanceOf(DroppedReferenceException.class);
        assertThatThrownBy(b::copy).as("b.copy() after del b")
                .isInstanceOf(DroppedReferenceException.class);
        assertThat(a.target().count().get())
                .as("the count after the refused drop and copy: a is the only reference")
                .isEqualTo(1);
    }
}

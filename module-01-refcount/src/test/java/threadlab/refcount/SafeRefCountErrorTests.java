package threadlab.refcount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:4")
@DisplayName("Task 4: a freed object stays freed")
class SafeRefCountErrorTests {

    private final AtomicInteger frees = new AtomicInteger();
    private final SafeRefCount count = new SafeRefCount(frees::incrementAndGet);

    @Test
    @DisplayName("a decref of a freed object throws DoubleFreeException and frees nothing more")
    void doubleFree() {
        count.decref();

        assertThatThrownBy(count::decref).as("decref of an object whose count is 0")
                .isInstanceOf(DoubleFreeException.class);
        assertThat(count.get()).as("the count after the refused decref").isZero();
        assertThat(frees).as("how many times the object was freed").hasValue(1);
    }

    @Test
    @DisplayName("an incref of a freed object throws UseAfterFreeException and leaves it freed")
    void useAfterFree() {
        count.decref();

        assertThatThrownBy(count::incref).as("incref of an object whose count is 0")
                .isInstanceOf(UseAfterFreeException.class);
        assertThat(count.get()).as("the count after the refused incref: still 0, still freed")
                .isZero();
        assertThatThrownBy(count::decref).as("decref after the refused incref")
                .isInstanceOf(DoubleFreeException.class);
        assertThat(frees).as("how many times the object was freed").hasValue(1);
    }
}

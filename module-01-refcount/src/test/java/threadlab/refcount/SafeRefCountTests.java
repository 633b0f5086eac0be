package threadlab.refcount;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("task:3")
@DisplayName("Task 3: a thread-safe count")
class SafeRefCountTests {

    @Test
    @DisplayName("a new count is 1, incref adds one and decref takes one off")
    void countsUpAndDown() {
        AtomicInteger frees = new AtomicInteger();
        SafeRefCount count = new SafeRefCount(frees::incrementAndGet);

        count.incref();
        assertThat(count.get()).as("the count after one incref on a new object").isEqualTo(2);
        count.decref();
        assertThat(count.get()).as("the count after incref, then decref").isEqualTo(1);
        assertThat(frees).as("frees while a reference is left").hasValue(0);
    }
}

package threadlab.hidden.refcount;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import threadlab.grader.api.Points;
import threadlab.hidden.support.ModelCheck;
import threadlab.refcount.SafeRefCount;

@DisplayName("Task 3, a thread-safe count")
class Task3SafeCountHiddenTests {

    @Test
    @Points(3)
    @DisplayName("two threads adding a reference at once lose no update, in any interleaving")
    void concurrentIncrefsLoseNothing() {
        ModelCheck.run(2_000, () -> {
            AtomicInteger frees = new AtomicInteger();
            SafeRefCount count = new SafeRefCount(frees::incrementAndGet);
            Thread first = new Thread(count::incref);
            Thread second = new Thread(count::incref);
            first.start();
            second.start();
            join(first);
            join(second);
            if (count.get() != 3) {
                throw new AssertionError("Expected: a count of 3 after two threads each added a"
                        + " reference to an object with one\nBut: the count is " + count.get()
                        + ", so an update was lost");
            }
        });
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

package threadlab.refcount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import threadlab.testing.Verdict;

@Tag("task:4")
@DisplayName("Task 4: a freed object stays freed")
class SafeRefCountErrorTests {

    private final AtomicInteger frees = new AtomicInteger();
    private final SafeRefCount count = new SafeRefCount(frees::incrementAndGet);

    @Test
    @DisplayName("a decref of a freed object throws DoubleFreeException and frees nothing more")
    void doubleFree() throws Exception {
        count.decref();

        Verdict.withLikelyCause("decref does not check for a freed object: a count that would go"
                + " below 0 is a double free, and must be reported",
                () -> assertThatThrownBy(count::decref).as("decref of an object whose count is 0")
                        .isInstanceOf(DoubleFreeException.class));
        Verdict.withLikelyCause("check for 0 before changing the count, so that a refused"
                + " decref changes nothing", () -> {
                    assertThat(count.get()).as("the count after the refused decref").isZero();
                    assertThat(frees).as("how many times the object was freed").hasValue(1);
                });
    }

    @Test
    @DisplayName("an incref of a freed object throws UseAfterFreeException and leaves it freed")
    void useAfterFree() throws Exception {
        count.decref();

        Verdict.withLikelyCause("incref does not check for a freed object. Its memory is gone:"
                + " adding a reference to it must be refused, not counted",
                () -> assertThatThrownBy(count::incref).as("incref of an object whose count is 0")
                        .isInstanceOf(UseAfterFreeException.class));
        Verdict.withLikelyCause("check for 0 before changing the count", () -> {
            assertThat(count.get()).as("the count after the refused incref: still 0, still"
                    + " freed").isZero();
            assertThatThrownBy(count::decref).as("decref after the refused incref")
                    .isInstanceOf(DoubleFreeException.class);
            assertThat(frees).as("how many times the object was freed").hasValue(1);
        });
    }
}

package threadlab.refcount;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import threadlab.testing.Verdict;

/**
 * The thread-safe count. The tests with two threads do not start them and hope: Lincheck runs
 * the threads' steps in up to {@link #INTERLEAVINGS} orders, the same orders on every run, and
 * when one breaks the test, its report shows that interleaving, a column per thread.
 */
@Tag("task:3")
@DisplayName("Task 3: a thread-safe count")
class SafeRefCountTests {

    /** The most interleavings Lincheck tries, fewest thread switches first. */
    private static final int INTERLEAVINGS = 60;

    @Test
    @DisplayName("a new count is 1, incref adds one and decref takes one off")
    void countsUpAndDown() throws Exception {
        AtomicInteger frees = new AtomicInteger();
        SafeRefCount count = new SafeRefCount(frees::incrementAndGet);

        count.incref();
        int afterIncref = count.get();
        count.decref();
        int afterDecref = count.get();

        Verdict.withLikelyCause("a new object starts at 1, and each call moves the count by"
                + " exactly one", () -> {
                    assertThat(afterIncref).as("the count after one incref on a new object")
                            .isEqualTo(2);
                    assertThat(afterDecref).as("the count after incref, then decref")
                            .isEqualTo(1);
                });
        Verdict.withLikelyCause("free runs before the count reaches 0: check for 0 after taking"
                + " one off, not before", () -> assertThat(frees)
                        .as("frees while a reference is left").hasValue(0));
    }

    @Test
    @DisplayName("the decref that takes the count to 0 frees the object, once")
    void freesAtZero() throws Exception {
        AtomicInteger frees = new AtomicInteger();
        SafeRefCount count = new SafeRefCount(frees::incrementAndGet);

        count.decref();

        assertThat(count.get()).as("the count after the only reference was dropped").isZero();
        Verdict.withLikelyCause(frees.get() == 0 ? Causes.neverFrees() : "free must run once only",
                () -> assertThat(frees).as("frees after the only reference was dropped")
                        .hasValue(1));
    }

    @Test
    @DisplayName("two threads adding a reference at once lose no update (model-checked)")
    void twoIncrefsAtOnce() {
        new SafeRefCount(() -> { }).incref(); // on one thread first: is Task 3 begun?
        String lostUpdate = Causes.lostUpdate();

        ModelCheck.run(INTERLEAVINGS, lostUpdate, () -> {
            SafeRefCount count = new SafeRefCount(() -> { });
            Thread first = new Thread(count::incref);
            Thread second = new Thread(count::incref);
            first.start();
            second.start();
            join(first);
            join(second);
            int c = count.get();
            Verdict.check(c == 3, "a count of 3 after two threads each added a reference to an"
                    + " object with one", "the count is " + c + (c == 2 ? ": one update was lost"
                    : ""), lostUpdate);
        });
    }

    @Test
    @DisplayName("two threads dropping the last two references free the object once"
            + " (model-checked)")
    void twoDecrefsAtOnce() {
        new SafeRefCount(() -> { }).decref(); // on one thread first: is Task 3 begun?
        String lostUpdate = Causes.lostUpdate();

        ModelCheck.run(INTERLEAVINGS, lostUpdate, () -> {
            AtomicInteger frees = new AtomicInteger();
            SafeRefCount count = new SafeRefCount(frees::incrementAndGet);
            count.incref();
            Thread first = new Thread(count::decref);
            Thread second = new Thread(count::decref);
            first.start();
            second.start();
            join(first);
            join(second);
            int c = count.get();
            int f = frees.get();
            Verdict.check(c == 0 && f == 1, "a count of 0 and one free, after two threads each"
                    + " dropped one of the object's two references", "the count is " + c
                    + " and the object was freed " + f + " time(s)" + (f > 1 ? ": a double free"
                    : f == 0 && c > 0 ? ": a drop was lost (a leak)" : ""),
                    f > 1 ? Causes.separateZeroCheck() : c != 0 ? lostUpdate
                    : Causes.neverFrees());
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

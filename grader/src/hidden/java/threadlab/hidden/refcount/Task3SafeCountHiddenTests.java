package threadlab.hidden.refcount;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import threadlab.grader.api.Points;
import threadlab.hidden.support.Caller;
import threadlab.hidden.support.ModelCheck;
import threadlab.hidden.support.Verdict;
import threadlab.refcount.SafeRefCount;
import threadlab.refcount.UseAfterFreeException;

/**
 * The thread-safe count. Races are found by model checking: the same interleavings are tried on
 * every run, so a racy count fails every time, with the interleaving that broke it, and a right
 * one passes every time. One test also runs many real threads, after a model check of the same
 * operations, so that its grade cannot depend on luck either.
 */
@Tag("task:3")
@DisplayName("Task 3, a thread-safe count")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Task3SafeCountHiddenTests {

    /**
     * The most interleavings a model check tries. It tries every interleaving with at most two
     * thread switches, fewest first, the same ones on every run; a lost update needs one. The
     * reference solution and the bank's right counts have 6 to 30 such interleavings per
     * scenario, each a millisecond or two: the bound only stops a count with very many steps
     * from taking long.
     */
    static final int INTERLEAVINGS = 500;

    private static final int THREADS = 8;
    private static final int OPERATIONS = 10_000;

    @Test
    @Tag("rule:R3.2")
    @Tag("rule:R3.4")
    @Order(1)
    @Points(1)
    @DisplayName("counts up and down on one thread, and frees at 0 exactly once")
    void countsOnOneThread() {
        AtomicInteger frees = new AtomicInteger();
        SafeRefCount count = new SafeRefCount(frees::incrementAndGet);
        List<String> seen = new ArrayList<>();
        seen.add("new: " + count.get());
        increfLive(count, seen);
        seen.add("incref: " + count.get());
        increfLive(count, seen);
        seen.add("incref: " + count.get());
        count.decref();
        seen.add("decref: " + count.get());
        count.decref();
        seen.add("decref: " + count.get());
        int freesBeforeLast = frees.get();
        count.decref();
        seen.add("decref: " + count.get());
        List<String> expected = List.of("new: 1", "incref: 2", "incref: 3", "decref: 2",
                "decref: 1", "decref: 0");
        Verdict.check(seen.equals(expected), "the counts " + expected,
                "they were " + seen, "a new object starts at 1, and each call moves the count by"
                        + " exactly one", null);
        Verdict.check(freesBeforeLast == 0 && frees.get() == 1,
                "free to run exactly once, by the decref that takes the count to 0",
                "free ran " + freesBeforeLast + " time(s) before that decref, and "
                        + frees.get() + " in all",
                freesBeforeLast > 0 ? "free runs before the count reaches 0: check for 0 after"
                        + " taking one off, not before" : frees.get() == 0 ? "decref never runs"
                        + " free: the decref whose update takes the count to 0 must call"
                        + " free.run()" : "free must run once only", null);
    }

    /**
     * An incref on one thread, on an object that no decref has freed: a use-after-free here is
     * the student's incref at fault, and the verdict says how.
     */
    private static void increfLive(SafeRefCount count, List<String> seen) {
        int before = count.get();
        try {
            count.incref();
        } catch (UseAfterFreeException e) {
            throw Verdict.fail("incref() on an object no decref has freed to add one to its"
                    + " count, as in " + List.of("new: 1", "incref: 2", "incref: 3"),
                    "incref() threw UseAfterFreeException (" + e.getMessage() + ") after the"
                            + " counts " + seen,
                    before > 0 ? "incref() refused a live object: its check for a freed"
                            + " object is wrong; refuse only a count of 0 or less"
                            : "an incref() took the count down, not up: incref adds exactly"
                            + " one (compareAndSet(seen, seen + 1))", null);
        }
    }

    @Test
    @Tag("rule:R3.4")
    @Order(2)
    @Points(1)
    @DisplayName("free runs only once the count is 0")
    void freeSeesZero() {
        int[] seen = {-1};
        SafeRefCount[] holder = new SafeRefCount[1];
        holder[0] = new SafeRefCount(() -> seen[0] = holder[0].get());
        holder[0].incref();
        holder[0].decref();
        holder[0].decref();
        Verdict.check(seen[0] == 0, "get() to return 0 while free runs: the object is freed"
                        + " once nothing counts it any more",
                seen[0] == -1 ? "free never ran" : "get() returned " + seen[0] + " inside free",
                seen[0] == -1 ? "the decref that takes the count to 0 must call free.run()"
                        : "free runs before the count is taken down: a copy made during free"
                        + " would see a live object. Take one off first, then free if the"
                        + " result is 0", null);
    }

    @Test
    @Tag("rule:R3.1")
    @Tag("rule:R3.3")
    @Order(3)
    @Points(3)
    @DisplayName("two threads adding a reference at once lose no update (model-checked)")
    void concurrentIncrefsLoseNothing() {
        String cause = Causes.lostUpdate();
        ModelCheck.run(INTERLEAVINGS, () -> {
            AtomicInteger frees = new AtomicInteger();
            SafeRefCount count = new SafeRefCount(frees::incrementAndGet);
            ModelCheck.inParallel(() -> count.incref(), () -> count.incref());
            int c = count.get();
            if (c != 3) {
                throw Verdict.fail("a count of 3 after two threads each added a reference to an"
                        + " object with one", "the count is " + c + (c == 2 ? ": one update was"
                        + " lost" : ""), cause, null);
            }
        });
    }

    @Test
    @Tag("rule:R3.3")
    @Tag("rule:R3.4")
    @Order(4)
    @Points(3)
    @DisplayName("two threads dropping the last two references free the object exactly once"
            + " (model-checked)")
    void concurrentDecrefsFreeOnce() {
        String lost = Causes.lostUpdate();
        String twoSteps = Causes.separateZeroCheck();
        ModelCheck.run(INTERLEAVINGS, () -> {
            AtomicInteger frees = new AtomicInteger();
            SafeRefCount count = new SafeRefCount(frees::incrementAndGet);
            count.incref();
            ModelCheck.inParallel(() -> count.decref(), () -> count.decref());
            int c = count.get();
            int f = frees.get();
            if (c != 0 || f != 1) {
                throw Verdict.fail("a count of 0 and one free, after two threads each dropped"
                                + " one of the object's two references",
                        "the count is " + c + " and the object " + Causes.freed(f)
                                + (f > 1 ? ": a double free" : f == 0 && c > 0 ? ": a drop was"
                                + " lost (a leak)" : ""),
                        f > 1 ? twoSteps : c != 0 ? lost : "the decref whose update takes the"
                                + " count to 0 must call free.run()", null);
            }
        });
    }

    @Test
    @Tag("rule:R3.3")
    @Tag("rule:R3.4")
    @Order(5)
    @Points(3)
    @DisplayName("a copy and a drop at once never make the last drop free too soon"
            + " (model-checked)")
    void noPrematureFree() {
        String cause = Causes.lostUpdate();
        ModelCheck.run(INTERLEAVINGS, () -> {
            // References a and b. Thread 1 copies a into c while thread 2 drops b; then, on one
            // thread, a is dropped too. c is left.
            AtomicInteger frees = new AtomicInteger();
            SafeRefCount count = new SafeRefCount(frees::incrementAndGet);
            count.incref();
            ModelCheck.inParallel(() -> count.incref(), () -> count.decref());
            count.decref();
            int c = count.get();
            int f = frees.get();
            if (f != 0 || c != 1) {
                throw Verdict.fail("the object alive with a count of 1, for c, after thread 1"
                                + " copied a into c while thread 2 dropped b, and then a was"
                                + " dropped",
                        f > 0 ? "the object was freed when a was dropped, while c still referred"
                                + " to it: thread 1's copy was lost" : "the count is " + c,
                        cause, null);
            }
        });
    }

    @Test
    @Tag("rule:R3.1")
    @Order(6)
    @Points(2)
    @DisplayName("8 real threads copying and dropping 10,000 references each leave the exact"
            + " count, and the last drop frees once")
    void manyThreadsExactCounts() throws Exception {
        // A model check of a copy and a drop at once comes first: a count that races in either
        // fails here every time, whatever the real threads below happen to do.
        String cause = Causes.lostUpdate();
        ModelCheck.run(INTERLEAVINGS, () -> {
            SafeRefCount count = new SafeRefCount(() -> { });
            count.incref();
            ModelCheck.inParallel(() -> count.incref(), () -> count.decref());
            int c = count.get();
            if (c != 2) {
                throw Verdict.fail("a count of 2 after one thread copied a reference to an"
                        + " object with two while another dropped one", "the count is " + c,
                        cause, null);
            }
        });

        AtomicInteger frees = new AtomicInteger();
        SafeRefCount count = new SafeRefCount(frees::incrementAndGet);
        atOnce(() -> {
            for (int i = 0; i < OPERATIONS; i++) {
                count.incref();
            }
        });
        int afterCopies = count.get();
        atOnce(() -> {
            for (int i = 0; i < OPERATIONS; i++) {
                count.incref();
                count.decref();
            }
        });
        int afterPairs = count.get();
        atOnce(() -> {
            for (int i = 0; i < OPERATIONS; i++) {
                count.decref();
            }
        });
        int afterDrops = count.get();
        int freesBeforeLast = frees.get();
        count.decref();
        int expected = 1 + THREADS * OPERATIONS;
        Verdict.check(afterCopies == expected && afterPairs == expected && afterDrops == 1,
                "counts of " + expected + " after " + THREADS + " threads each made "
                        + OPERATIONS + " copies of a reference, still " + expected + " after"
                        + " each also copied and dropped one " + OPERATIONS + " times, and 1"
                        + " after they dropped their copies",
                "the counts were " + afterCopies + ", " + afterPairs + " and " + afterDrops,
                cause, null);
        Verdict.check(freesBeforeLast == 0 && frees.get() == 1 && count.get() == 0,
                "no free while references remained, then exactly one, by the last drop",
                freesBeforeLast + " frees before the last drop, " + frees.get() + " in all,"
                        + " and a final count of " + count.get(),
                "free must run exactly once, when an update takes the count to 0", null);
    }

    @Test
    @Tag("rule:R3.1")
    @Order(7)
    @Points(2)
    @DisplayName("get() on one thread while another copies and drops reads a whole, ordered"
            + " count (model-checked)")
    void getWhileUpdating() {
        ModelCheck.run(INTERLEAVINGS, () -> {
            // References a and b. Thread 1 copies a into c and drops c while thread 2 reads the
            // count: it sees 2 or 3, and the read is ordered with the updates (no data race).
            SafeRefCount count = new SafeRefCount(() -> { });
            count.incref();
            int[] seen = {-1};
            ModelCheck.inParallel(() -> {
                count.incref();
                count.decref();
            }, () -> seen[0] = count.get());
            int c = count.get();
            if (seen[0] < 2 || seen[0] > 3 || c != 2) {
                throw Verdict.fail("get() to read 2 or 3 while thread 1 copied a reference to an"
                                + " object with two and dropped the copy, and a count of 2"
                                + " after",
                        "get() read " + seen[0] + ", and the count is " + c + " after",
                        c != 2 ? Causes.lostUpdate() : "get() reads a count that no update"
                                + " ever made: an update passes through a value it should not"
                                + " have (see the interleaving). Make each update one"
                                + " indivisible step, and have get() read the count as the"
                                + " updates left it: the same lock, or a volatile or atomic"
                                + " count", null);
            }
        });
    }

    /** Runs a body on {@link #THREADS} threads that start together, and waits for all. */
    private static void atOnce(Caller.Body body) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Caller> callers = new ArrayList<>();
        for (int t = 1; t <= THREADS; t++) {
            callers.add(Caller.start("thread " + t, () -> {
                if (go.await(Caller.PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                    body.run();
                }
            }));
        }
        go.countDown();
        Duration limit = Caller.PATIENCE.multipliedBy(2);
        for (Caller caller : callers) {
            Verdict.check(caller.awaitFinished(limit),
                    "each thread to finish its " + OPERATIONS + " operations within "
                            + limit.toSeconds() + " s",
                    caller.thread().getName() + " was still running",
                    "an operation waits for something that never comes: a lock that is never"
                            + " released, or a compare-and-set loop that never succeeds", null);
            caller.rethrow();
        }
    }
}

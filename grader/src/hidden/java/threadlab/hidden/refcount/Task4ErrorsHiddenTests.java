package threadlab.hidden.refcount;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import threadlab.grader.api.Points;
import threadlab.hidden.support.ModelCheck;
import threadlab.hidden.support.Verdict;
import threadlab.refcount.DoubleFreeException;
import threadlab.refcount.SafeRefCount;
import threadlab.refcount.UseAfterFreeException;

/** A freed object stays freed, and every later use of its count is reported. */
@Tag("task:4")
@DisplayName("Task 4, errors")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Task4ErrorsHiddenTests {

    @Test
    @Tag("rule:R4.2")
    @Order(1)
    @Points(1)
    @DisplayName("a drop from a freed object throws DoubleFreeException and frees nothing more")
    void doubleFreeIsReported() {
        AtomicInteger frees = new AtomicInteger();
        SafeRefCount count = new SafeRefCount(frees::incrementAndGet);
        count.decref();
        RuntimeException thrown = thrownBy(() -> count.decref());
        Verdict.check(thrown instanceof DoubleFreeException,
                "a second decref of an object whose count is 0 to throw DoubleFreeException",
                thrown == null ? "it returned normally, and the count is now " + count.get()
                        : "it threw " + thrown,
                thrown == null ? "decref does not check for a freed object: a count that would"
                        + " go below 0 is a double free, and must be reported" : "throw the"
                        + " exception the exercise provides for this", null);
        Verdict.check(frees.get() == 1 && count.get() == 0,
                "the object freed once, and its count still 0",
                "it " + Causes.freed(frees.get()) + ", and the count is "
                        + count.get(),
                "check for 0 before changing the count, so that a refused decref changes"
                        + " nothing", null);
    }

    @Test
    @Tag("rule:R4.1")
    @Order(2)
    @Points(1)
    @DisplayName("a copy of a freed object throws UseAfterFreeException and leaves it freed")
    void useAfterFreeIsReported() {
        AtomicInteger frees = new AtomicInteger();
        SafeRefCount count = new SafeRefCount(frees::incrementAndGet);
        count.decref();
        RuntimeException thrown = thrownBy(() -> count.incref());
        Verdict.check(thrown instanceof UseAfterFreeException,
                "an incref of an object whose count is 0 to throw UseAfterFreeException",
                thrown == null ? "it returned normally, and the count is now " + count.get()
                        + ": the freed object came back to life" : "it threw " + thrown,
                thrown == null ? "incref does not check for a freed object. Its memory is gone:"
                        + " adding a reference to it must be refused, not counted" : "throw the"
                        + " exception the exercise provides for this", null);
        Verdict.check(count.get() == 0, "the count still 0 after the refused incref",
                "it is " + count.get(), "check for 0 before changing the count", null);
        RuntimeException again = thrownBy(() -> count.decref());
        Verdict.check(again instanceof DoubleFreeException && frees.get() == 1,
                "a decref after that to throw DoubleFreeException, with the object freed once",
                "the decref " + (again == null ? "returned normally" : "threw " + again)
                        + ", and the object " + Causes.freed(frees.get()),
                "a freed object stays freed: nothing may bring its count back up", null);
    }

    @Test
    @Tag("rule:R4.1")
    @Tag("rule:R4.3")
    @Order(3)
    @Points(2)
    @DisplayName("a copy racing the last drop never brings a freed object back (model-checked)")
    void noResurrection() {
        String cause = Causes.resurrection();
        String lost = Causes.lostUpdate();
        ModelCheck.run(Task3SafeCountHiddenTests.INTERLEAVINGS, () -> {
            // One reference, a. Thread 1 copies it while thread 2 drops it: either the copy comes
            // first and the object lives on, or the drop does and the copy is refused.
            AtomicInteger frees = new AtomicInteger();
            SafeRefCount count = new SafeRefCount(frees::incrementAndGet);
            boolean[] copied = new boolean[1];
            ModelCheck.inParallel(() -> {
                try {
                    count.incref();
                    copied[0] = true;
                } catch (UseAfterFreeException refused) {
                    copied[0] = false;
                }
            }, () -> count.decref());
            int c = count.get();
            int f = frees.get();
            boolean copy = copied[0];
            boolean copyFirst = copy && c == 1 && f == 0;
            boolean dropFirst = !copy && c == 0 && f == 1;
            if (!copyFirst && !dropFirst) {
                throw Verdict.fail("either the copy first (count 1, not freed) or the drop first"
                                + " (freed once, count 0, the copy refused with"
                                + " UseAfterFreeException)",
                        "the copy " + (copy ? "succeeded" : "was refused") + ", the object "
                                + Causes.freed(f) + ", and the count is " + c,
                        copy && f > 0 && c > 0 ? cause : lost, null);
            }
        });
    }

    @Test
    @Tag("rule:R4.2")
    @Tag("rule:R4.3")
    @Order(4)
    @Points(2)
    @DisplayName("two drops racing for the last reference free once and refuse the other"
            + " (model-checked)")
    void twoDropsOfTheLastReference() {
        String checkApart = "the check for 0 and the decrement are two steps: both drops saw a"
                + " count of 1, then both took it down, so the count went below 0 or the object"
                + " was freed twice. Check and decrement in one step: compareAndSet from the"
                + " value you checked, in a loop, or both inside one lock";
        ModelCheck.run(Task3SafeCountHiddenTests.INTERLEAVINGS, () -> {
            // One reference, dropped twice at once: one drop frees, the other is a double free.
            AtomicInteger frees = new AtomicInteger();
            SafeRefCount count = new SafeRefCount(frees::incrementAndGet);
            boolean[] refused = new boolean[2];
            ModelCheck.inParallel(refusal(count::decref, DoubleFreeException.class, refused, 0),
                    refusal(count::decref, DoubleFreeException.class, refused, 1));
            int c = count.get();
            int f = frees.get();
            int doubleFrees = (refused[0] ? 1 : 0) + (refused[1] ? 1 : 0);
            if (c != 0 || f != 1 || doubleFrees != 1) {
                throw Verdict.fail("the object freed once, the count at 0, and one of the two"
                                + " drops refused with DoubleFreeException",
                        "the object " + Causes.freed(f) + ", the count is " + c + ", and "
                                + doubleFrees + " drop(s) threw DoubleFreeException",
                        c < 0 || f > 1 || doubleFrees == 0 ? checkApart : Causes.lostUpdate(),
                        null);
            }
        });
    }

    @Test
    @Tag("rule:R4.1")
    @Tag("rule:R4.2")
    @Tag("rule:R4.3")
    @Order(5)
    @Points(2)
    @DisplayName("a freed object's count reads 0 while a copy and a drop of it are refused at"
            + " once (model-checked)")
    void freedCountStaysZeroForEveryone() {
        String cause = refusesAloneAtZero() ? Causes.undoneUpdate() : "a freed object stays"
                + " freed: refuse incref and decref at 0, and leave the count at 0";
        ModelCheck.run(Task3SafeCountHiddenTests.INTERLEAVINGS, () -> {
            // A freed object. Thread 1 copies it and thread 2 drops it, both refused, while
            // thread 3 reads its count: never anything but 0.
            AtomicInteger frees = new AtomicInteger();
            SafeRefCount count = new SafeRefCount(frees::incrementAndGet);
            count.decref();
            boolean[] refused = new boolean[2];
            int[] seen = {-99};
            ModelCheck.inParallel(refusal(count::incref, UseAfterFreeException.class, refused, 0),
                    refusal(count::decref, DoubleFreeException.class, refused, 1),
                    () -> seen[0] = count.get());
            int c = count.get();
            int f = frees.get();
            if (!refused[0] || !refused[1] || seen[0] != 0 || c != 0 || f != 1) {
                throw Verdict.fail("the copy refused with UseAfterFreeException, the drop with"
                                + " DoubleFreeException, and the count 0 for thread 3's get()"
                                + " and after: a freed object's count never leaves 0",
                        "the copy " + (refused[0] ? "was refused" : "succeeded") + ", the drop "
                                + (refused[1] ? "was refused" : "was not") + ", thread 3's get()"
                                + " read " + seen[0] + ", the count is " + c + " after, and"
                                + " the object " + Causes.freed(f),
                        cause, null);
            }
        });
    }

    @Test
    @Tag("rule:R4.1")
    @Tag("rule:R4.3")
    @Order(6)
    @Points(1)
    @DisplayName("two copies of a freed object at once are both refused (model-checked)")
    void twoCopiesOfAFreedObject() {
        String cause = refusesAloneAtZero() ? Causes.undoneUpdate() : "a freed object stays"
                + " freed: refuse incref at 0, and leave the count at 0";
        ModelCheck.run(Task3SafeCountHiddenTests.INTERLEAVINGS, () -> {
            AtomicInteger frees = new AtomicInteger();
            SafeRefCount count = new SafeRefCount(frees::incrementAndGet);
            count.decref();
            boolean[] refused = new boolean[2];
            ModelCheck.inParallel(refusal(count::incref, UseAfterFreeException.class, refused, 0),
                    refusal(count::incref, UseAfterFreeException.class, refused, 1));
            int c = count.get();
            int copies = (refused[0] ? 0 : 1) + (refused[1] ? 0 : 1);
            if (copies != 0 || c != 0 || frees.get() != 1) {
                throw Verdict.fail("both copies refused with UseAfterFreeException, and the"
                                + " count still 0: nothing brings a freed object back",
                        copies + " of the two copies succeeded, the count is " + c
                                + ", and the object " + Causes.freed(frees.get())
                                + (copies > 0 ? ": the freed object came back to life" : ""),
                        cause, null);
            }
        });
    }

    /**
     * Whether the count, on one thread, refuses an incref and a decref of a freed object and
     * leaves it at 0: then what goes wrong when they race is the race's.
     */
    private static boolean refusesAloneAtZero() {
        SafeRefCount count = new SafeRefCount(() -> { });
        count.decref();
        RuntimeException copy = thrownBy(() -> count.incref());
        RuntimeException drop = thrownBy(() -> count.decref());
        return copy instanceof UseAfterFreeException && drop instanceof DoubleFreeException
                && count.get() == 0;
    }

    /**
     * A thread's body for a model check: the call, and whether it was refused with the given
     * exception, in {@code refused[index]}. Any other exception goes on.
     */
    private static Runnable refusal(Runnable call, Class<? extends RuntimeException> refusal,
            boolean[] refused, int index) {
        return () -> {
            try {
                call.run();
            } catch (RuntimeException e) {
                if (!refusal.isInstance(e)) {
                    throw e;
                }
                refused[index] = true;
            }
        };
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
}

package threadlab.grader.mutants;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The mutation operators: PIT's default group, under PIT's names and with PIT's semantics, and the
 * concurrency operators of Bradbury, Cordy and Dingel (2006), under names that say what they do
 * (the paper's acronym in each description). Each concurrency operator also says which
 * misconception its mutants stand for, and the words by which a likely cause names it
 * ({@link LikelyCauses}).
 */
public enum Operator {

    /** PIT: {@code <} to {@code <=}, {@code <=} to {@code <}, {@code >} to {@code >=}, back. */
    CONDITIONALS_BOUNDARY("PIT", "changed a conditional boundary", null, null),
    /** PIT: {@code ==} to {@code !=} and back, {@code <} to {@code >=}, a condition negated. */
    NEGATE_CONDITIONALS("PIT", "negated a conditional", null, null),
    /** PIT: a local variable's {@code ++} to {@code --} and back, {@code +=} to {@code -=}. */
    INCREMENTS("PIT", "changed an increment of a local variable", null, null),
    /** PIT: {@code -x} to {@code x}. */
    INVERT_NEGS("PIT", "removed a negation", null, null),
    /** PIT: {@code +} to {@code -}, {@code *} to {@code /}, {@code %} to {@code *}, and so on. */
    MATH("PIT", "replaced an arithmetic operator", null, null),
    /** PIT: a call to a method that returns nothing, removed. */
    VOID_METHOD_CALLS("PIT", "removed a call to a void method", null, null),
    /** PIT: a returned String, Optional or collection replaced by an empty one. */
    EMPTY_RETURNS("PIT", "replaced a return value with an empty one", null, null),
    /** PIT: a returned boolean replaced by {@code false}. */
    FALSE_RETURNS("PIT", "replaced a boolean return with false", null, null),
    /** PIT: a returned boolean replaced by {@code true}. */
    TRUE_RETURNS("PIT", "replaced a boolean return with true", null, null),
    /** PIT: a returned object that has no empty value replaced by {@code null}. */
    NULL_RETURNS("PIT", "replaced a return value with null", null, null),
    /** PIT: a returned number replaced by {@code 0}. */
    PRIMITIVE_RETURNS("PIT", "replaced a return value with 0", null, null),

    /** RSK and RSB: {@code synchronized} taken off a method, or off a block (its body stays). */
    REMOVE_SYNCHRONIZED("BCD", "removed synchronized (RSK, RSB)",
            "no lock: two threads update shared state at once, and an update is lost or seen"
                    + " half done",
            "lock|synchroniz|read and then a write|two steps|one step|atomic|come between"
                    + "|lost|volatile|shared without"),
    /** RVK: {@code volatile} taken off a field. */
    REMOVE_VOLATILE("BCD", "removed volatile (RVK)",
            "visibility: a field shared without volatile, so another thread may never see its"
                    + " new value",
            "volatile|visib|stale|publish|shared without"),
    /** RNA: {@code notifyAll()} to {@code notify()}, {@code signalAll()} to {@code signal()}. */
    NOTIFY_ONE("BCD", "woke one waiter instead of all (RNA)",
            "one waiter woken: notify() or signal() wakes one thread where every waiter must"
                    + " check again",
            "notify|signal|one waiter|only one|every waiter|all waiters|wakes? one"),
    /** RFU: the unlock in a {@code finally} removed. */
    DROP_FINALLY_UNLOCK("BCD", "removed the unlock in a finally (RFU)",
            "unlock not in finally: a lock that an exception, or a missing unlock, leaves held",
            "finally|never released|not released|unlock|never let go|kept the lock"),
    /** A {@code while} around a wait or await turned into an {@code if}. */
    WAIT_WHILE_TO_IF("BCD", "waited under if instead of while",
            "wait under if: a thread that wakes goes on without checking its condition again",
            "while|if instead|check\\w* (its |the )?(condition )?again|spurious"),
    /** EAN: an atomic read-modify-write split into a read and a write. */
    SPLIT_ATOMIC("BCD", "split an atomic read-modify-write into a read and a write (EAN)",
            "read-then-write race: an update made of a read and a write, and another thread"
                    + " comes between them",
            "two steps|read and then a write|one step|one atomic|compareAndSet|come between"
                    + "|lost"),
    /** SKCR: the first or last statement of a locked region moved out of it. */
    SHRINK_CRITICAL_SECTION("BCD", "moved a statement out of a locked region (SKCR)",
            "part of an update outside the lock: another thread comes between the locked and"
                    + " the unlocked part",
            "lock|outside|inside|two steps|come between|synchroniz|volatile|shared without"),
    /** SHCR: the statement next to a lock or unlock moved across it, into the region. */
    SWAP_ACROSS_LOCK("BCD", "moved a statement across a lock or unlock (SHCR)",
            "a statement on the wrong side of a lock or unlock: it runs unprotected, or holds"
                    + " the lock too long",
            "lock|outside|inside|two steps|come between|synchroniz|releas|held|volatile"
                    + "|shared without"),
    /** MXT: a timeout halved, made 0, or read in another unit. */
    TIMEOUT("BCD", "changed a timeout (MXT)",
            "a wrong timeout: too short, too long, or in the wrong unit",
            "timeout|interval|millisecond|nanosecond|microsecond|unit|\\bms\\b|too long"
                    + "|too short|at most|at once|wait(s|ed)? for|duration|ofSeconds|ofMillis"
                    + "|ofNanos|seconds"),
    /** RCXC: a call to the GIL's own methods removed, or a whileReleased made in place. */
    REMOVE_COURSE_CALL("BCD", "removed a call to the course's lock API (RCXC)",
            "the GIL's own protocol skipped: a drop request never honoured, or the GIL kept"
                    + " through a blocking call",
            "dropIfRequested|drop request|whileReleased|releas|acquire|gives? (it )?up"
                    + "|let\\w* (the )?(other|waiter)");

    private final String group;
    private final String summary;
    private final String misconception;
    private final Pattern names;

    Operator(String group, String summary, String misconception, String names) {
        this.group = group;
        this.summary = summary;
        this.misconception = misconception;
        this.names = names == null ? null : Pattern.compile(names, Pattern.CASE_INSENSITIVE);
    }

    /**
     * Where the operator comes from.
     *
     * @return {@code PIT} for PIT's default group, {@code BCD} for Bradbury, Cordy and Dingel
     */
    public String group() {
        return group;
    }

    /**
     * What the operator does, in a few words.
     *
     * @return the summary
     */
    public String summary() {
        return summary;
    }

    /**
     * The misconception a mutant of this operator stands for, in the course's words. PIT's
     * operators change no concurrency: for them, the misconception is the method the mutant
     * breaks ({@link LikelyCauses}).
     *
     * @return the misconception, or empty for PIT's operators
     */
    public Optional<String> misconception() {
        return Optional.ofNullable(misconception);
    }

    /**
     * The words by which a likely cause names this operator's misconception.
     *
     * @return the pattern, or empty for PIT's operators
     */
    public Optional<Pattern> names() {
        return Optional.ofNullable(names);
    }
}

package threadlab.grader.mutants;

/**
 * The mutation operators: PIT's default group, under PIT's names and with PIT's semantics, and the
 * concurrency operators of Bradbury, Cordy and Dingel (2006), under names that say what they do
 * (the paper's acronym in each description).
 */
public enum Operator {

    /** PIT: {@code <} to {@code <=}, {@code <=} to {@code <}, {@code >} to {@code >=}, back. */
    CONDITIONALS_BOUNDARY("PIT", "changed a conditional boundary"),
    /** PIT: {@code ==} to {@code !=} and back, {@code <} to {@code >=}, a condition negated. */
    NEGATE_CONDITIONALS("PIT", "negated a conditional"),
    /** PIT: a local variable's {@code ++} to {@code --} and back, {@code +=} to {@code -=}. */
    INCREMENTS("PIT", "changed an increment of a local variable"),
    /** PIT: {@code -x} to {@code x}. */
    INVERT_NEGS("PIT", "removed a negation"),
    /** PIT: {@code +} to {@code -}, {@code *} to {@code /}, {@code %} to {@code *}, and so on. */
    MATH("PIT", "replaced an arithmetic operator"),
    /** PIT: a call to a method that returns nothing, removed. */
    VOID_METHOD_CALLS("PIT", "removed a call to a void method"),
    /** PIT: a returned String, Optional or collection replaced by an empty one. */
    EMPTY_RETURNS("PIT", "replaced a return value with an empty one"),
    /** PIT: a returned boolean replaced by {@code false}. */
    FALSE_RETURNS("PIT", "replaced a boolean return with false"),
    /** PIT: a returned boolean replaced by {@code true}. */
    TRUE_RETURNS("PIT", "replaced a boolean return with true"),
    /** PIT: a returned object that has no empty value replaced by {@code null}. */
    NULL_RETURNS("PIT", "replaced a return value with null"),
    /** PIT: a returned number replaced by {@code 0}. */
    PRIMITIVE_RETURNS("PIT", "replaced a return value with 0"),

    /** RSK and RSB: {@code synchronized} taken off a method, or off a block (its body stays). */
    REMOVE_SYNCHRONIZED("BCD", "removed synchronized (RSK, RSB)"),
    /** RVK: {@code volatile} taken off a field. */
    REMOVE_VOLATILE("BCD", "removed volatile (RVK)"),
    /** RNA: {@code notifyAll()} to {@code notify()}, {@code signalAll()} to {@code signal()}. */
    NOTIFY_ONE("BCD", "woke one waiter instead of all (RNA)"),
    /** RFU: the unlock in a {@code finally} removed. */
    DROP_FINALLY_UNLOCK("BCD", "removed the unlock in a finally (RFU)"),
    /** A {@code while} around a wait or await turned into an {@code if}. */
    WAIT_WHILE_TO_IF("BCD", "waited under if instead of while"),
    /** EAN: an atomic read-modify-write split into a read and a write. */
    SPLIT_ATOMIC("BCD", "split an atomic read-modify-write into a read and a write (EAN)"),
    /** SKCR: the first or last statement of a locked region moved out of it. */
    SHRINK_CRITICAL_SECTION("BCD", "moved a statement out of a locked region (SKCR)"),
    /** SHCR: the statement next to a lock or unlock moved across it, into the region. */
    SWAP_ACROSS_LOCK("BCD", "moved a statement across a lock or unlock (SHCR)"),
    /** MXT: a timeout halved, made 0, or read in another unit. */
    TIMEOUT("BCD", "changed a timeout (MXT)"),
    /** RCXC: a call to the GIL's own methods removed, or a whileReleased made in place. */
    REMOVE_COURSE_CALL("BCD", "removed a call to the course's lock API (RCXC)");

    private final String group;
    private final String summary;

    Operator(String group, String summary) {
        this.group = group;
        this.summary = summary;
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
}

package threadlab.refcount;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Two threads that copy and drop references to one object whose count is a
 * {@link BrokenUnsynchronizedRefCount}, taken apart into steps, so that a {@link Schedule} can
 * say exactly who does what when. {@link #replay(Schedule)} runs the steps in that order, one at
 * a time, and shows what becomes of the count. The same schedule always gives the same result:
 * no real thread runs here.
 *
 * <p>The steps are those of {@code BrokenUnsynchronizedRefCount}:
 *
 * <ul>
 *   <li><b>copy</b> ({@code b = a}, an incref) takes 2 steps: <i>read</i> the count into the
 *       thread's own register, then <i>write</i> the register plus one back.</li>
 *   <li><b>drop</b> ({@code del a}, a decref) takes 3 steps: <i>read</i> the count, <i>write</i>
 *       the register minus one back, then <i>check</i>: read the count again and free the object
 *       if it is 0.</li>
 * </ul>
 *
 * <p>Between a thread's read and its write, another thread may change the count; the write then
 * overwrites that change with a number computed from an old value. A read that finds 0 stops its
 * thread with the error the broken count throws: {@link UseAfterFreeException} for a copy,
 * {@link DoubleFreeException} for a drop.
 *
 * <p>The broken count's code reads the count once more than the model, to check for 0 before it
 * changes it; the model folds that read into <i>read</i>. So every result the model shows can
 * happen to the real class, and the real class can do worse.
 *
 * <p>This file is provided: you do not need to change it.
 */
public final class Race {

    /**
     * One reference, {@code a}. Thread 1 copies it into {@code b}, thread 2 into {@code c}. The
     * count should end at 3.
     */
    public static final Race TWO_COPIES = new Race(
            "one reference, a; thread 1 copies a into b, thread 2 copies a into c",
            List.of("a"), List.of(Op.copy("a", "b")), List.of(Op.copy("a", "c")));

    /**
     * Two references, {@code a} and {@code b}. Thread 1 drops {@code a}, thread 2 drops
     * {@code b}. The object should be freed exactly once.
     */
    public static final Race TWO_DROPS = new Race(
            "two references, a and b; thread 1 drops a, thread 2 drops b",
            List.of("a", "b"), List.of(Op.drop("a")), List.of(Op.drop("b")));

    /**
     * Two references, {@code a} and {@code b}. Thread 1 copies {@code a} into {@code c}, then
     * drops {@code a}; thread 2 drops {@code b}. The count should end at 1, for {@code c}, and
     * the object should stay alive.
     */
    public static final Race COPY_DROP_AND_DROP = new Race(
            "two references, a and b; thread 1 copies a into c, then drops a; thread 2 drops b",
            List.of("a", "b"), List.of(Op.copy("a", "c"), Op.drop("a")),
            List.of(Op.drop("b")));

    /** What a thread does to a reference: copy it into a new one, or drop it. */
    record Op(boolean copy, String from, String to) {

        static Op copy(String from, String to) {
            return new Op(true, from, to);
        }

        static Op drop(String name) {
            return new Op(false, name, null);
        }

        int steps() {
            return copy ? 2 : 3;
        }

        String label() {
            return copy ? to + " = " + from : "del " + from;
        }
    }

    private final String description;
    private final List<String> references;
    private final List<List<Op>> threads;

    private Race(String description, List<String> references, List<Op> thread1,
            List<Op> thread2) {
        this.description = description;
        this.references = List.copyOf(references);
        this.threads = List.of(List.copyOf(thread1), List.copyOf(thread2));
    }

    /**
     * What the race starts with and what each thread does.
     *
     * @return one sentence
     */
    public String description() {
        return description;
    }

    /**
     * How many steps a thread takes when nothing goes wrong.
     *
     * @param thread 1 or 2
     * @return the number of steps
     */
    public int steps(int thread) {
        return threads.get(thread - 1).stream().mapToInt(Op::steps).sum();
    }

    /**
     * Runs the threads' steps in the order the schedule gives.
     *
     * @param schedule which thread takes each step
     * @return what happened, step by step, and how it ended
     * @throws InvalidScheduleException if the schedule names a thread the race does not have,
     *     gives a thread more steps than it has, or leaves a thread's steps untaken
     */
    public Replay replay(Schedule schedule) {
        Objects.requireNonNull(schedule, "schedule");
        int count = references.size();
        Set<String> live = new LinkedHashSet<>(references);
        int[] op = new int[threads.size()];
        int[] step = new int[threads.size()];
        int[] register = new int[threads.size()];
        String[] stopped = new String[threads.size()];
        List<Replay.Row> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int frees = 0;
        List<String> liveAtFirstFree = List.of();
        for (int i = 0; i < schedule.threads().size(); i++) {
            int thread = schedule.threads().get(i);
            int t = thread - 1;
            if (thread < 1 || thread > threads.size()) {
                throw new InvalidScheduleException(schedule, "step " + (i + 1) + " names thread "
                        + thread + ", but the race has only threads 1 and 2");
            }
            if (stopped[t] != null) {
                throw new InvalidScheduleException(schedule, "step " + (i + 1) + " is thread "
                        + thread + "'s, but thread " + thread + " stopped earlier (" + stopped[t]
                        + ") and has no steps left");
            }
            if (op[t] == threads.get(t).size()) {
                throw new InvalidScheduleException(schedule, "step " + (i + 1) + " is thread "
                        + thread + "'s, but thread " + thread + " has only " + steps(thread)
                        + " steps (" + describe(threads.get(t)) + ")");
            }
            Op current = threads.get(t).get(op[t]);
            String text;
            switch (step[t]) {
                case 0:
                    if (!current.copy()) {
                        live.remove(current.from());
                    }
                    register[t] = count;
                    text = current.label() + ": reads " + count;
                    if (count == 0) {
                        stopped[t] = current.copy() ? "use after free" : "double free";
                        text += ", " + stopped[t] + ": stops";
                        errors.add("thread " + thread + ": " + stopped[t] + " at " + current
                                .label());
                    }
                    break;
                case 1:
                    count = current.copy() ? register[t] + 1 : register[t] - 1;
                    text = current.label() + ": writes " + count;
                    if (current.copy()) {
                        live.add(current.to());
                    }
                    break;
                default:
                    text = current.label() + ": checks " + count;
                    if (count == 0) {
                        frees++;
                        text += ", frees";
                        if (frees == 1) {
                            liveAtFirstFree = List.copyOf(new TreeSet<>(live));
                        }
                    }
                    break;
            }
            rows.add(new Replay.Row(thread, text, count));
            step[t]++;
            if (step[t] == current.steps()) {
                step[t] = 0;
                op[t]++;
            }
        }
        for (int t = 0; t < threads.size(); t++) {
            if (stopped[t] == null && op[t] < threads.get(t).size()) {
                int taken = 0;
                for (int o = 0; o < op[t]; o++) {
                    taken += threads.get(t).get(o).steps();
                }
                taken += step[t];
                throw new InvalidScheduleException(schedule, "it ends after thread " + (t + 1)
                        + " took " + taken + " of its " + steps(t + 1) + " steps ("
                        + describe(threads.get(t)) + "); give every thread all its steps");
            }
        }
        return new Replay(this, schedule, references, rows, count,
                List.copyOf(new TreeSet<>(live)), frees,
                liveAtFirstFree, errors);
    }

    private static String describe(List<Op> ops) {
        List<String> parts = new ArrayList<>();
        for (Op op : ops) {
            parts.add(op.label() + (op.copy() ? ": read, write" : ": read, write, check"));
        }
        return String.join("; ", parts);
    }

    @Override
    public String toString() {
        return description;
    }
}

package threadlab.refcount;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An interleaving, written down: which thread takes each step, in order. {@code Schedule.of(1, 2,
 * 1, 2)} means thread 1 takes a step, then thread 2, then thread 1, then thread 2. A
 * {@link Race} replays it.
 *
 * <p>This file is provided: you do not need to change it.
 */
public final class Schedule {

    private final List<Integer> threads;

    private Schedule(List<Integer> threads) {
        this.threads = threads;
    }

    /**
     * A schedule.
     *
     * @param threads the thread that takes each step, in order: 1 or 2
     * @return the schedule
     */
    public static Schedule of(int... threads) {
        Objects.requireNonNull(threads, "threads");
        return new Schedule(Arrays.stream(threads).boxed().toList());
    }

    /**
     * The thread that takes each step, in order.
     *
     * @return the thread numbers
     */
    public List<Integer> threads() {
        return threads;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Schedule && ((Schedule) other).threads.equals(threads);
    }

    @Override
    public int hashCode() {
        return threads.hashCode();
    }

    @Override
    public String toString() {
        return threads.stream().map(String::valueOf).collect(Collectors.joining(", ",
                "Schedule.of(", ")"));
    }
}

package threadlab.grader.testjvm.modelcheck;

import java.util.Arrays;

/**
 * A vector clock: for each thread of a run, how many of its synchronisation epochs are known to
 * have happened before. Thread {@code i}'s own entry counts its releases.
 */
final class VectorClock {

    private int[] times;

    VectorClock(int size) {
        times = new int[size];
    }

    /** The clock of a thread that has just started: its own entry 1, the others 0. */
    static VectorClock started(int thread, int size) {
        VectorClock clock = new VectorClock(size);
        clock.times[thread] = 1;
        return clock;
    }

    int get(int thread) {
        return thread < times.length ? times[thread] : 0;
    }

    /** Adds one to a thread's own entry, after it released something. */
    void tick(int thread) {
        grow(thread + 1);
        times[thread]++;
    }

    /** Takes, entry by entry, the later of this clock and another. */
    void join(VectorClock other) {
        grow(other.times.length);
        for (int i = 0; i < other.times.length; i++) {
            times[i] = Math.max(times[i], other.times[i]);
        }
    }

    private void grow(int size) {
        if (times.length < size) {
            times = Arrays.copyOf(times, size);
        }
    }

    @Override
    public String toString() {
        return Arrays.toString(times);
    }
}

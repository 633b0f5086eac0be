package threadlab.grader.testjvm.modelcheck;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Finds data races in one run, by happens-before, as FastTrack and ThreadSanitizer do: each
 * thread has a vector clock, each lock, volatile field, atomic object or synchroniser has the
 * clock of its last release, and each plain field or array element remembers its last write and
 * the reads since. Two accesses of different threads to the same plain location, at least one a
 * write, race when neither thread's clock had seen the other's access.
 *
 * <p>A read between a {@code StampedLock}'s {@code tryOptimisticRead()} and the thread's next call
 * on that lock is an optimistic read: it is not remembered, and its race is held back. When that
 * next call is {@code validate}, the race is dropped: StampedLock's documented idiom reads the
 * fields without ordering and keeps the value only if no write lock was taken since the stamp,
 * so a write that could race with it makes {@code validate} fail and the value is thrown away;
 * the reads under the lock that follow are checked as any others. When the next call is anything
 * else, or the thread ends without one, the held-back race counts: the value was used without
 * being validated.
 *
 * <p>The run's threads start after everything the scenario did before and are joined before it
 * goes on, so the scenario's own thread never races with them and is not tracked: only the
 * threads of one {@link ModelChecker#inParallel} call are.
 */
final class RaceDetector {

    /**
     * One access, as a race names it.
     *
     * @param thread the thread's name
     * @param site where in the code
     */
    record Access(String thread, Site site) {
    }

    /**
     * Two accesses that race: the earlier and the later.
     *
     * @param first the earlier access
     * @param second the later one
     */
    record Race(Access first, Access second) {
    }

    /** An access and the clock of its thread at that moment. */
    private record Stamp(int thread, int time, Access access) {
    }

    /** What a plain location remembers: its last write, and the last read of each thread. */
    private static final class Shadow {
        private Stamp write;
        private final Map<Integer, Stamp> reads = new HashMap<>();
    }

    private final Map<Integer, VectorClock> clocks = new HashMap<>();
    private final Map<Object, VectorClock> releases = new IdentityHashMap<>();
    private final Map<Object, Map<Object, Shadow>> shadows = new IdentityHashMap<>();
    private final Map<String, Shadow> statics = new HashMap<>();
    private final Map<Object, Map<String, Object>> volatiles = new IdentityHashMap<>();
    private final Map<Integer, Object> optimistic = new HashMap<>();
    private final Map<Integer, Race> unvalidated = new HashMap<>();

    /** Forgets everything: the threads before were joined, so nothing of theirs can race. */
    void reset() {
        clocks.clear();
        releases.clear();
        shadows.clear();
        statics.clear();
        volatiles.clear();
        optimistic.clear();
        unvalidated.clear();
    }

    /**
     * A thread took an optimistic stamp of a stamped lock: its reads are optimistic until it
     * calls the lock again.
     */
    void optimisticRead(int thread, Object lock) {
        optimistic.put(thread, lock);
    }

    /**
     * A thread called a stamped lock again: its reads count again. A {@code validate} drops the
     * race its optimistic reads made; any other call lets it count.
     *
     * @param thread the thread's index
     * @param lock the stamped lock
     * @param validating true for {@code validate}
     * @return the race of an optimistic read that was not validated, or {@code null}
     */
    Race settled(int thread, Object lock, boolean validating) {
        if (!optimistic.remove(thread, lock)) {
            return null;
        }
        Race race = unvalidated.remove(thread);
        return validating ? null : race;
    }

    /**
     * The race of an optimistic read whose thread has not validated it: once the threads were
     * joined, the value was used without it.
     *
     * @return the race, or {@code null}
     */
    Race unvalidated() {
        return unvalidated.values().stream().findFirst().orElse(null);
    }

    /**
     * The object that stands for a volatile field of an object, as a lock stands for itself.
     *
     * @param target the object, or {@code null} for a static field
     * @param key the field
     * @return the same object for the same field of the same object
     */
    Object volatileKey(Object target, String key) {
        return volatiles.computeIfAbsent(target == null ? RaceDetector.class : target,
                t -> new HashMap<>()).computeIfAbsent(key, k -> new Object());
    }

    /** A thread of the run starts, after everything before it. */
    void started(int thread) {
        clocks.put(thread, VectorClock.started(thread, thread + 1));
    }

    /** A thread takes what the last release of an object published: a lock, a volatile read. */
    void acquire(int thread, Object sync) {
        VectorClock released = releases.get(sync);
        if (released != null) {
            clock(thread).join(released);
        }
    }

    /** A thread publishes what it did to whoever acquires the object next: an unlock, a write. */
    void release(int thread, Object sync) {
        VectorClock clock = clock(thread);
        releases.computeIfAbsent(sync, s -> new VectorClock(0)).join(clock);
        clock.tick(thread);
    }

    /** An atomic read-modify-write, or a call that may both read and publish. */
    void acquireAndRelease(int thread, Object sync) {
        acquire(thread, sync);
        release(thread, sync);
    }

    /**
     * A thread reads or writes a plain field of an object, or an array element.
     *
     * @param thread the thread's index
     * @param name the thread's name
     * @param target the object, the array, or {@code null} for a static field
     * @param part the field's name or the element's index
     * @param site where
     * @return the race it makes with an earlier access, or {@code null}
     */
    Race access(int thread, String name, Object target, Object part, Site site) {
        Shadow shadow = shadow(target, part, site);
        VectorClock clock = clock(thread);
        Stamp now = new Stamp(thread, clock.get(thread), new Access(name, site));
        if (!site.write() && optimistic.containsKey(thread)) {
            Race race = unordered(shadow.write, clock, now);
            if (race != null) {
                unvalidated.putIfAbsent(thread, race);
            }
            return null;
        }
        Race race = unordered(shadow.write, clock, now);
        if (site.write()) {
            for (Stamp read : shadow.reads.values()) {
                race = race != null ? race : unordered(read, clock, now);
            }
            shadow.write = now;
            shadow.reads.clear();
        } else {
            shadow.reads.put(thread, now);
        }
        return race;
    }

    private Shadow shadow(Object target, Object part, Site site) {
        if (target == null) {
            return statics.computeIfAbsent(site.key(), k -> new Shadow());
        }
        Map<Object, Shadow> parts = shadows.computeIfAbsent(target, t -> new HashMap<>());
        return parts.computeIfAbsent(part, p -> new Shadow());
    }

    private static Race unordered(Stamp earlier, VectorClock clock, Stamp now) {
        if (earlier == null || earlier.thread() == now.thread()
                || earlier.time() <= clock.get(earlier.thread())) {
            return null;
        }
        return new Race(earlier.access(), now.access());
    }

    private VectorClock clock(int thread) {
        return clocks.computeIfAbsent(thread, t -> VectorClock.started(t, t + 1));
    }
}

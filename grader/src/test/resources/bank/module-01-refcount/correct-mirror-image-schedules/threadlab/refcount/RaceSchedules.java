package threadlab.refcount;

import java.util.function.Supplier;

/**
 * Task 2: the races of {@link BrokenUnsynchronizedRefCount}, written down as schedules. Each
 * method returns the order of steps, thread by thread, that makes one thing go wrong in one
 * {@link Race}. {@link Race#replay(Schedule)} shows what a schedule does.
 *
 * <p>Run {@link #main(String[])} to see the replays of your schedules: from your IDE, or with
 * {@code ./mvnw -q -pl module-01-refcount compile} and then
 * {@code java -cp module-01-refcount/target/classes threadlab.refcount.RaceSchedules}.
 */
public final class RaceSchedules {

    private RaceSchedules() {
    }

    /**
     * Task 2. A schedule for {@link Race#TWO_COPIES} that loses an update: both threads copy
     * {@code a}, but the count ends at 2, with three references.
     *
     * @return the schedule
     */
    public static Schedule lostUpdate() {
        // Both threads read 1 before either writes: both write 2.
        return Schedule.of(2, 1, 1, 2);
    }

    /**
     * Task 2. A schedule for {@link Race#TWO_DROPS} that leaks the object: both references are
     * dropped, but the count never reaches 0, so the object is never freed.
     *
     * @return the schedule
     */
    public static Schedule leak() {
        // Both threads read 2 before either writes: both write 1, and neither check sees 0.
        return Schedule.of(2, 1, 1, 2, 2, 1);
    }

    /**
     * Task 2. A schedule for {@link Race#TWO_DROPS} that frees the object twice.
     *
     * @return the schedule
     */
    public static Schedule doubleFree() {
        // The drops do not overlap, but the checks come after both writes: both see 0.
        return Schedule.of(2, 2, 1, 1, 1, 2);
    }

    /**
     * Task 2. A schedule for {@link Race#COPY_DROP_AND_DROP} that frees the object while
     * {@code c} still refers to it.
     *
     * @return the schedule
     */
    public static Schedule freedWhileReferenced() {
        // Thread 2 reads 2 between thread 1's read and write, so its write of 1 wipes out the
        // copy. Thread 1's drop then takes the count from 1 to 0, while c still refers to it.
        return Schedule.of(2, 1, 1, 2, 2, 1, 1, 1);
    }

    /**
     * Replays each of your schedules and prints what happened.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        show("lostUpdate()", Race.TWO_COPIES, RaceSchedules::lostUpdate);
        show("leak()", Race.TWO_DROPS, RaceSchedules::leak);
        show("doubleFree()", Race.TWO_DROPS, RaceSchedules::doubleFree);
        show("freedWhileReferenced()", Race.COPY_DROP_AND_DROP,
                RaceSchedules::freedWhileReferenced);
    }

    private static void show(String name, Race race, Supplier<Schedule> task) {
        System.out.println("== " + name);
        try {
            System.out.println(race.replay(task.get()).table());
        } catch (UnsupportedOperationException | InvalidScheduleException e) {
            System.out.println(e.getMessage() + "\n");
        }
    }
}

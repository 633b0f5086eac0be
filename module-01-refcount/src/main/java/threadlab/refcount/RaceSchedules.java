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
        throw new UnsupportedOperationException(
                "Task 2: return the schedule for Race.TWO_COPIES in which one incref is lost,"
                + " for example Schedule.of(...) with a thread number per step (see HINTS.md,"
                + " task 2)");
    }

    /**
     * Task 2. A schedule for {@link Race#TWO_DROPS} that leaks the object: both references are
     * dropped, but the count never reaches 0, so the object is never freed.
     *
     * @return the schedule
     */
    public static Schedule leak() {
        throw new UnsupportedOperationException(
                "Task 2: return the schedule for Race.TWO_DROPS in which one decref is lost and"
                + " the object is never freed (see HINTS.md, task 2)");
    }

    /**
     * Task 2. A schedule for {@link Race#TWO_DROPS} that frees the object twice.
     *
     * @return the schedule
     */
    public static Schedule doubleFree() {
        throw new UnsupportedOperationException(
                "Task 2: return the schedule for Race.TWO_DROPS in which both threads free the"
                + " object (see HINTS.md, task 2)");
    }

    /**
     * Task 2. A schedule for {@link Race#COPY_DROP_AND_DROP} that frees the object while
     * {@code c} still refers to it.
     *
     * @return the schedule
     */
    public static Schedule freedWhileReferenced() {
        throw new UnsupportedOperationException(
                "Task 2: return the schedule for Race.COPY_DROP_AND_DROP in which the object is"
                + " freed while c still refers to it (see HINTS.md, task 2)");
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

package threadlab.refcount;

/**
 * A schedule does not fit its race: it names a thread the race does not have, gives a thread more
 * steps than it has, or ends before every thread has taken all its steps.
 *
 * <p>This file is provided: you do not need to change it.
 */
public class InvalidScheduleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * A schedule that does not fit.
     *
     * @param schedule the schedule
     * @param problem what is wrong and what to do about it
     */
    public InvalidScheduleException(Schedule schedule, String problem) {
        super(schedule + " does not fit the race: " + problem);
    }
}

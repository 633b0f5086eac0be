package threadlab.grader.run;

/**
 * Told when a submission's test JVM starts waiting, using next to no processor time, and when it
 * works again. A class being graded lets another submission start meanwhile: a submission whose
 * tests wait, for a deadlock to reach its time limit or for a thread that sleeps, leaves the
 * processor to others.
 */
public interface Activity {

    /** For a run that nobody watches. */
    Activity NONE = new Activity() {
        @Override
        public void waiting() {
        }

        @Override
        public void working() {
        }
    };

    /**
     * The test JVM used less than a fifth of a core over the last half second
     * ({@link TestJvmRunner#IDLE_SHARE}, {@link TestJvmRunner#IDLE_WINDOW}), and none of its
     * threads is ready to run: it waits, and is not only short of processor time.
     */
    void waiting();

    /** The test JVM works again, or ended, after {@link #waiting()}. */
    void working();
}

package threadlab.grader.course;

import java.util.List;

/** The exercise modules that have hidden tests, in the order the course teaches them. */
public final class Course {

    /** Module 1: reference counting, the race that frees a live object, and its fix. */
    public static final ExerciseModule REFCOUNT =
            new ExerciseModule("module-01-refcount", "threadlab.refcount",
                    "threadlab.hidden.refcount");

    /** Module 3: threads, the sleeper and a Python-style thread. */
    public static final ExerciseModule THREADS =
            new ExerciseModule("module-03-threads", "threadlab.threads",
                    "threadlab.hidden.threads");

    private static final List<ExerciseModule> MODULES = List.of(REFCOUNT, THREADS);

    private Course() {
    }

    /**
     * The graded modules.
     *
     * @return every module with hidden tests, in course order
     */
    public static List<ExerciseModule> modules() {
        return MODULES;
    }
}

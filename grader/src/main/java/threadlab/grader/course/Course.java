package threadlab.grader.course;

import java.util.List;

/**
 * The exercise modules that have hidden tests, numbered as their folders are; {@link
 * #learningOrder()} says in which order students take them.
 */
public final class Course {

    /** Module 1: reference counting, the race that frees a live object, and its fix. */
    public static final ExerciseModule REFCOUNT =
            new ExerciseModule("module-01-refcount", "threadlab.refcount",
                    "threadlab.hidden.refcount");

    /** Module 2: a global interpreter lock over a tiny interpreter, built on module 1's counts. */
    public static final ExerciseModule GIL =
            new ExerciseModule("module-02-gil", "threadlab.gil", "threadlab.hidden.gil",
                    List.of(REFCOUNT));

    /** Module 3: threads, the sleeper and a Python-style thread. */
    public static final ExerciseModule THREADS =
            new ExerciseModule("module-03-threads", "threadlab.threads",
                    "threadlab.hidden.threads");

    private static final List<ExerciseModule> MODULES = List.of(REFCOUNT, GIL, THREADS);

    /**
     * The order in which students take the modules: module 3 holds the basics (threads,
     * {@code start()} versus {@code run()}), module 2 builds on module 1's counts.
     */
    private static final List<ExerciseModule> LEARNING_ORDER = List.of(THREADS, REFCOUNT, GIL);

    private Course() {
    }

    /**
     * The packages whose classes the hidden tests model-check: the test JVM rewrites them as
     * they load, so that the model checker sees their steps.
     *
     * @return the packages
     */
    public static List<String> modelCheckedPackages() {
        return List.of(REFCOUNT.exercisePackage(), GIL.exercisePackage(),
                THREADS.exercisePackage());
    }

    /**
     * The modules in the order the lessons ask students to take them, which is where a student
     * who has not finished is sent next.
     *
     * @return every module with hidden tests, module 3 first
     */
    public static List<ExerciseModule> learningOrder() {
        return LEARNING_ORDER;
    }

    /**
     * The graded modules.
     *
     * @return every module with hidden tests, by number
     */
    public static List<ExerciseModule> modules() {
        return MODULES;
    }
}

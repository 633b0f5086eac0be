package threadlab.grader.testjvm.modelcheck;

/**
 * What the exercise's classes call once {@link Instrumenter} has rewritten them: before each step,
 * and after it to say what it did. On a thread that is not a scenario's, each hook returns at
 * once, so the rewritten classes behave as written everywhere else.
 *
 * <p>Not for hand-written code: the names and signatures are the instrumenter's.
 */
public final class Hooks {

    private Hooks() {
    }

    private static ManagedThread managed() {
        return Thread.currentThread() instanceof ManagedThread thread && !thread.run.aborted()
                ? thread : null;
    }

    /**
     * A method of the exercise begins.
     *
     * @param method its name
     */
    public static void enter(String method) {
        ManagedThread me = managed();
        if (me != null) {
            me.run.log(me, method + "()");
            me.depth++;
        }
    }

    /** A method of the exercise returns. */
    public static void exit() {
        ManagedThread me = managed();
        if (me != null && me.depth > 0) {
            me.depth--;
        }
    }

    /**
     * A field is about to be read.
     *
     * @param field its name
     */
    public static void beforeRead(String field) {
        ManagedThread me = managed();
        if (me != null) {
            me.run.step(me);
        }
    }

    /**
     * A field was read.
     *
     * @param value what was read
     * @param field its name
     */
    public static void afterRead(int value, String field) {
        read(String.valueOf(value), field);
    }

    /**
     * A field was read.
     *
     * @param value what was read
     * @param field its name
     */
    public static void afterRead(boolean value, String field) {
        read(String.valueOf(value), field);
    }

    /**
     * A field was read.
     *
     * @param value what was read
     * @param field its name
     */
    public static void afterRead(long value, String field) {
        read(String.valueOf(value), field);
    }

    /**
     * A field was read.
     *
     * @param value what was read
     * @param field its name
     */
    public static void afterRead(float value, String field) {
        read(String.valueOf(value), field);
    }

    /**
     * A field was read.
     *
     * @param value what was read
     * @param field its name
     */
    public static void afterRead(double value, String field) {
        read(String.valueOf(value), field);
    }

    /**
     * A field was read.
     *
     * @param value what was read
     * @param field its name
     */
    public static void afterRead(Object value, String field) {
        ManagedThread me = managed();
        if (me != null) {
            me.run.log(me, "read " + field + ": " + me.run.name(value));
        }
    }

    private static void read(String value, String field) {
        ManagedThread me = managed();
        if (me != null) {
            me.run.log(me, "read " + field + ": " + value);
        }
    }

    /**
     * A field is about to be written: a step.
     *
     * @param value what will be written
     * @param field its name
     */
    public static void write(int value, String field) {
        write(field, value);
    }

    /**
     * A field is about to be written: a step.
     *
     * @param value what will be written
     * @param field its name
     */
    public static void write(boolean value, String field) {
        write(field, value);
    }

    /**
     * A field is about to be written: a step.
     *
     * @param value what will be written
     * @param field its name
     */
    public static void write(long value, String field) {
        write(field, value);
    }

    /**
     * A field is about to be written: a step.
     *
     * @param value what will be written
     * @param field its name
     */
    public static void write(float value, String field) {
        write(field, value);
    }

    /**
     * A field is about to be written: a step.
     *
     * @param value what will be written
     * @param field its name
     */
    public static void write(double value, String field) {
        write(field, value);
    }

    /**
     * A field is about to be written: a step.
     *
     * @param value what will be written
     * @param field its name
     */
    public static void write(Object value, String field) {
        write(field, value);
    }

    private static void write(String field, Object value) {
        ManagedThread me = managed();
        if (me != null) {
            me.run.step(me);
            me.run.log(me, "write " + field + ": " + me.run.name(value));
        }
    }

    /**
     * A call to an atomic class is about to happen: a step.
     *
     * @param call the call as the interleaving shows it, without its arguments
     */
    public static void beforeCall(String call) {
        call(call, "");
    }

    /**
     * A call to an atomic class is about to happen: a step.
     *
     * @param a its argument
     * @param call the call
     */
    public static void beforeCall(int a, String call) {
        call(call, String.valueOf(a));
    }

    /**
     * A call to an atomic class is about to happen: a step.
     *
     * @param a its argument
     * @param call the call
     */
    public static void beforeCall(Object a, String call) {
        ManagedThread me = managed();
        call(call, me == null ? "" : me.run.name(a));
    }

    /**
     * A call to an atomic class is about to happen: a step.
     *
     * @param a its first argument
     * @param b its second argument
     * @param call the call
     */
    public static void beforeCall(int a, int b, String call) {
        call(call, a + ", " + b);
    }

    /**
     * A call to an atomic class is about to happen: a step.
     *
     * @param a its first argument
     * @param b its second argument
     * @param call the call
     */
    public static void beforeCall(Object a, Object b, String call) {
        ManagedThread me = managed();
        call(call, me == null ? "" : me.run.name(a) + ", " + me.run.name(b));
    }

    private static void call(String call, String arguments) {
        ManagedThread me = managed();
        if (me != null) {
            me.run.step(me);
            me.run.log(me, call + "(" + arguments + ")");
        }
    }

    /**
     * An atomic call returned.
     *
     * @param result what it returned
     */
    public static void afterCall(int result) {
        returned(String.valueOf(result));
    }

    /**
     * An atomic call returned.
     *
     * @param result what it returned
     */
    public static void afterCall(boolean result) {
        returned(String.valueOf(result));
    }

    /**
     * An atomic call returned.
     *
     * @param result what it returned
     */
    public static void afterCall(long result) {
        returned(String.valueOf(result));
    }

    /**
     * An atomic call returned.
     *
     * @param result what it returned
     */
    public static void afterCall(Object result) {
        ManagedThread me = managed();
        returned(me == null ? "" : me.run.name(result));
    }

    private static void returned(String result) {
        ManagedThread me = managed();
        if (me != null) {
            me.run.amendLast(me, ": " + result);
        }
    }

    /**
     * Something worth showing happens, such as a call to {@code free.run()}: not a step.
     *
     * @param text what happens
     */
    public static void note(String text) {
        ManagedThread me = managed();
        if (me != null) {
            me.run.log(me, text);
        }
    }

    /**
     * A lock is about to be taken, with {@code lock()}: a step, and the thread waits here while
     * another holds it.
     *
     * @param lock the lock
     * @param call the call as the interleaving shows it
     */
    public static void lock(Object lock, String call) {
        ManagedThread me = managed();
        if (me != null) {
            me.run.lock(me, lock, call + "()");
        }
    }

    /**
     * A lock was let go, with {@code unlock()}.
     *
     * @param lock the lock
     * @param call the call as the interleaving shows it
     */
    public static void unlocked(Object lock, String call) {
        ManagedThread me = managed();
        if (me != null) {
            me.run.unlocked(me, lock, call + "()");
        }
    }

    /**
     * A permit of a {@code Semaphore} is about to be taken, with {@code acquire()}: a step, and
     * the thread waits here while the semaphore has none.
     *
     * @param semaphore the semaphore
     * @param call the call as the interleaving shows it
     */
    public static void acquire(Object semaphore, String call) {
        ManagedThread me = managed();
        if (me != null) {
            me.run.acquire(me, (java.util.concurrent.Semaphore) semaphore, call + "()");
        }
    }

    /**
     * A permit was given back to a {@code Semaphore}, with {@code release()}.
     *
     * @param semaphore the semaphore
     * @param call the call as the interleaving shows it
     */
    public static void released(Object semaphore, String call) {
        ManagedThread me = managed();
        if (me != null) {
            me.run.released(me, semaphore, call + "()");
        }
    }

    /**
     * A {@code synchronized} block or method is about to be entered: a step, and the thread
     * waits here while another holds the object's monitor.
     *
     * @param monitor the object
     */
    public static void monitorEnter(Object monitor) {
        ManagedThread me = managed();
        if (me != null) {
            me.run.lock(me, monitor, "synchronized (" + me.run.name(monitor) + ") {");
            me.depth++;
        }
    }

    /**
     * A {@code synchronized} block or method was left.
     *
     * @param monitor the object
     */
    public static void monitorExited(Object monitor) {
        ManagedThread me = managed();
        if (me != null) {
            me.depth = Math.max(0, me.depth - 1);
            me.run.unlocked(me, monitor, "} (lets go of " + me.run.name(monitor) + ")");
        }
    }
}

package threadlab.grader.testjvm.modelcheck;

import java.util.concurrent.locks.StampedLock;

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

    /**
     * The running thread if it is a scenario's, else {@code null}. A thread of a run that was
     * given up ends here; any other thread waits here while {@link HoldBack} holds it.
     */
    static ManagedThread managed() {
        if (!(Thread.currentThread() instanceof ManagedThread thread)) {
            HoldBack.pass();
            return null;
        }
        if (thread.run.aborted()) {
            throw new Run.Aborted();
        }
        return thread;
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
            me.calls.push(method);
        }
    }

    /** A method of the exercise returns. */
    public static void exit() {
        ManagedThread me = managed();
        if (me != null) {
            me.depth = Math.max(0, me.depth - 1);
            me.calls.poll();
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
     * A call to {@code java.util.concurrent} or a {@code VarHandle} is about to happen: a step,
     * which both takes what the object published and publishes to it, as the call may read and
     * write it. Threads blocked on the object look again after it. A static call or a
     * constructor orders nothing.
     *
     * @param receiver the object called, or {@code null} for a static method
     * @param arguments the call's arguments, to show
     * @param call the call as the interleaving shows it, without its arguments
     */
    public static void call(Object receiver, Object[] arguments, String call) {
        ManagedThread me = managed();
        if (me != null) {
            me.run.step(me);
            StringBuilder shown = new StringBuilder();
            for (Object argument : arguments) {
                shown.append(shown.length() == 0 ? "" : ", ").append(me.run.name(argument));
            }
            me.run.log(me, call + "(" + shown + ")");
            if (receiver != null) {
                me.run.acquireAndRelease(me, receiver);
                Object canonical = Views.canonical(receiver);
                if (canonical instanceof StampedLock) {
                    me.run.stamped(me, canonical, call);
                }
                me.run.wake(canonical);
            }
        }
    }

    /**
     * A field is read or written, after its step: the race detector's turn. A volatile field
     * orders what comes before its write with what comes after its read.
     *
     * @param target the object, or {@code null} for a static field
     * @param site the site's number
     */
    public static void access(Object target, int site) {
        ManagedThread me = managed();
        if (me == null) {
            return;
        }
        Site where = Site.of(site);
        if (where.kind() == Site.Kind.PLAIN) {
            me.run.access(me, target, where.key(), where);
        } else if (where.kind() == Site.Kind.VOLATILE) {
            Object sync = me.run.volatileKey(target, where.key());
            if (where.write()) {
                me.run.release(me, sync);
            } else {
                me.run.acquire(me, sync);
            }
        }
    }

    /**
     * An array element is read or written: not a step, but the race detector sees it.
     *
     * @param array the array
     * @param index the element's index
     * @param site the site's number
     */
    public static void arrayAccess(Object array, int index, int site) {
        ManagedThread me = managed();
        if (me != null && array != null) {
            me.run.access(me, array, index, Site.of(site));
        }
    }

    /**
     * An object was made as a view of another: a read or write lock, a lock view of a
     * {@code StampedLock}, a lock's {@code Condition}. Not a step.
     *
     * @param base the object it was asked of
     * @param view the view
     */
    public static void view(Object base, Object view) {
        Views.record(base, view);
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
     * A {@code synchronized} block or method is about to be entered: a step, and the thread
     * waits here while another holds the object's monitor.
     *
     * @param monitor the object
     */
    public static void monitorEnter(Object monitor) {
        ManagedThread me = managed();
        if (me != null) {
            me.run.blocking().monitorEnter(me, monitor, "synchronized (" + me.run.name(monitor)
                    + ") {");
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
            me.run.blocking().monitorExit(me, monitor, "} (lets go of " + me.run.name(monitor)
                    + ")");
        }
    }
}

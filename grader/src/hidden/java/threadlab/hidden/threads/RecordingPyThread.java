package threadlab.hidden.threads;

import java.time.Duration;
import java.util.Arrays;
import threadlab.threads.Target;

/**
 * What {@link DemoProbe} puts in place of {@code PyThread} in a copy of the student's compiled
 * demo: a thread with the task's public API that runs nothing and records how it was made. It is
 * public only because the copied demo, in the student's package, must reach it.
 */
public final class RecordingPyThread {

    private final Target target;
    private final Object[] args;
    private String name;
    private boolean daemon;
    private int starts;

    /**
     * Records a thread made as {@code new PyThread(target, args)}.
     *
     * @param target the target it was given
     * @param args the args it was given
     */
    public RecordingPyThread(Target target, Object... args) {
        this("Thread-probe", target, args);
    }

    /**
     * Records a thread made as {@code new PyThread(name, target, args)}.
     *
     * @param name the name it was given
     * @param target the target it was given
     * @param args the args it was given
     */
    public RecordingPyThread(String name, Target target, Object... args) {
        this.name = name;
        this.target = target;
        this.args = args == null ? null : Arrays.copyOf(args, args.length);
        DemoProbe.made(this);
    }

    /** Counts the start, and runs nothing. */
    public void start() {
        starts++;
    }

    /**
     * Runs the target with the args it was given, on the calling thread.
     *
     * @throws Exception whatever the target throws
     */
    public void run() throws Exception {
        target.call(args);
    }

    /** Returns at once: nothing runs. */
    public void join() {
    }

    /**
     * Returns at once: nothing runs.
     *
     * @param timeout not used
     */
    public void join(Duration timeout) {
    }

    /**
     * Whether it was started.
     *
     * @return as a started thread whose target has not finished
     */
    public boolean isAlive() {
        return starts > 0;
    }

    /**
     * The name.
     *
     * @return the name
     */
    public String getName() {
        return name;
    }

    /**
     * Renames it.
     *
     * @param name the new name
     */
    public void setName(String name) {
        this.name = name;
    }

    /**
     * Whether it is a daemon.
     *
     * @return what was set
     */
    public boolean isDaemon() {
        return daemon;
    }

    /**
     * Records the daemon flag.
     *
     * @param daemon the flag
     */
    public void setDaemon(boolean daemon) {
        this.daemon = daemon;
    }

    Target target() {
        return target;
    }

    /** The args it was given, or {@code null} if the demo passed a null array. */
    Object[] args() {
        return args == null ? null : args.clone();
    }

    int starts() {
        return starts;
    }
}

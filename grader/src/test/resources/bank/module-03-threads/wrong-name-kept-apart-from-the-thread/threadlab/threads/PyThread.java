package threadlab.threads;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A thread with the shape of Python's {@code threading.Thread}: it runs a target function with
 * its arguments.
 *
 * <pre>{@code
 * # Python                                        // Java, with this class
 * t = threading.Thread(target=sleeper, args=(5,))  PyThread t = new PyThread(target, 5);
 * t.start()                                       t.start();
 * t.join()                                        t.join();
 * }</pre>
 *
 * <p>Underneath, a {@link java.lang.Thread} does the work: Java's threads are the operating
 * system's threads, so they can run in parallel on several cores.
 */
public final class PyThread {

    private final Target target;
    private final Object[] args;
    private final Thread thread;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile String ownName;

    /**
     * Task 2. A thread that will run {@code target} with {@code args}, named like Java's threads.
     *
     * @param target the function to run
     * @param args its arguments, in order
     */
    public PyThread(Target target, Object... args) {
        this(null, target, args);
    }

    /**
     * Task 2. A named thread that will run {@code target} with {@code args}.
     *
     * @param name the thread's name, or {@code null} for a default name
     * @param target the function to run
     * @param args its arguments, in order
     */
    public PyThread(String name, Target target, Object... args) {
        this.target = Objects.requireNonNull(target, "target");
        this.args = args == null ? new Object[0] : args.clone();
        Runnable body = this::runOnThread;
        this.thread = name == null ? new Thread(body) : new Thread(body, name);
    }

    /**
     * Task 2. Runs the target with its arguments on a new thread, and returns at once.
     *
     * @throws IllegalThreadStateException if the thread was started before
     */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalThreadStateException("threads can only be started once");
        }
        thread.start();
    }

    /**
     * Task 2. Runs the target with its arguments on the calling thread, as Python's {@code run()}
     * does. {@link #start()} calls this on the new thread.
     *
     * @throws Exception whatever the target throws
     */
    public void run() throws Exception {
        target.call(args.clone());
    }

    /**
     * Task 3. Waits until the thread has finished.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     * @throws IllegalThreadStateException if the thread was never started
     */
    public void join() throws InterruptedException {
        requireStarted();
        thread.join();
    }

    /**
     * Task 3. Waits until the thread has finished or the timeout has passed, whichever comes
     * first. Like Python's {@code join(timeout)}, it does not say which: ask {@link #isAlive()}.
     *
     * @param timeout how long to wait at most
     * @throws InterruptedException if the waiting thread is interrupted
     * @throws IllegalThreadStateException if the thread was never started
     */
    public void join(Duration timeout) throws InterruptedException {
        requireStarted();
        if (timeout.isNegative() || timeout.isZero()) {
            return;
        }
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            // Beyond about 292 years no clock can tell: no limit at all, as join() waits.
            thread.join();
            return;
        }
        thread.join(nanos / 1_000_000, (int) (nanos % 1_000_000));
    }

    /**
     * Task 3. Whether the thread has started and not yet finished.
     *
     * @return {@code true} while the target runs on its thread
     */
    public boolean isAlive() {
        return thread.isAlive();
    }

    /**
     * Task 4. The thread's name.
     *
     * @return the name given to the constructor, or Java's default {@code Thread-N}
     */
    public String getName() {
        return ownName == null ? thread.getName() : ownName;
    }

    /**
     * Task 4. Renames the thread.
     *
     * @param name the new name
     */
    public void setName(String name) {
        ownName = Objects.requireNonNull(name, "name");
    }

    /**
     * Task 4. Whether this is a daemon thread: one that does not keep the program alive.
     *
     * @return {@code true} for a daemon thread
     */
    public boolean isDaemon() {
        return thread.isDaemon();
    }

    /**
     * Task 4. Makes this a daemon thread or not. Only before {@link #start()}.
     *
     * @param daemon {@code true} for a daemon thread
     * @throws IllegalThreadStateException if the thread was started
     */
    public void setDaemon(boolean daemon) {
        if (started.get()) {
            throw new IllegalThreadStateException("cannot set daemon status of active thread");
        }
        thread.setDaemon(daemon);
    }

    private void runOnThread() {
        try {
            run();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the target of " + getName() + " failed", e);
        }
    }

    private void requireStarted() {
        if (!started.get()) {
            throw new IllegalThreadStateException("cannot join thread before it is started");
        }
    }
}

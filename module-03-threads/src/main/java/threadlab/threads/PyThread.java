package threadlab.threads;

import java.time.Duration;

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
        throw new UnsupportedOperationException(
                "Task 2: keep the target and a copy of its args, and create the "
                + "java.lang.Thread that will run them (see HINTS.md, task 2)");
    }

    /**
     * Task 2. Runs the target with its arguments on a new thread, and returns at once.
     *
     * @throws IllegalThreadStateException if the thread was started before
     */
    public void start() {
        throw new UnsupportedOperationException(
                "Task 2: start the thread so the target runs on it; a second start() "
                + "throws IllegalThreadStateException(\"threads can only be started once\")"
                + " (see HINTS.md, task 2)");
    }

    /**
     * Task 2. Runs the target with its arguments on the calling thread, as Python's {@code run()}
     * does. {@link #start()} calls this on the new thread.
     *
     * @throws Exception whatever the target throws
     */
    public void run() throws Exception {
        throw new UnsupportedOperationException(
                "Task 2: call the target with its args, here on the calling thread (see "
                + "HINTS.md, task 2)");
    }

    /**
     * Task 3. Waits until the thread has finished.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     * @throws IllegalThreadStateException if the thread was never started
     */
    public void join() throws InterruptedException {
        throw new UnsupportedOperationException(
                "Task 3: wait until the thread has finished (see HINTS.md, task 3)");
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
        throw new UnsupportedOperationException(
                "Task 3: wait until the thread has finished or the timeout has passed "
                + "(see HINTS.md, task 3)");
    }

    /**
     * Task 3. Whether the thread has started and not yet finished.
     *
     * @return {@code true} while the target runs on its thread
     */
    public boolean isAlive() {
        throw new UnsupportedOperationException(
                "Task 3: say whether the thread has started and not yet finished (see "
                + "HINTS.md, task 3)");
    }

    /**
     * Task 4. The thread's name.
     *
     * @return the name given to the constructor, or Java's default {@code Thread-N}
     */
    public String getName() {
        throw new UnsupportedOperationException(
                "Task 4: return the thread's name (see HINTS.md, task 4)");
    }

    /**
     * Task 4. Renames the thread.
     *
     * @param name the new name
     */
    public void setName(String name) {
        throw new UnsupportedOperationException(
                "Task 4: rename the thread (see HINTS.md, task 4)");
    }

    /**
     * Task 4. Whether this is a daemon thread: one that does not keep the program alive.
     *
     * @return {@code true} for a daemon thread
     */
    public boolean isDaemon() {
        throw new UnsupportedOperationException(
                "Task 4: say whether this is a daemon thread (see HINTS.md, task 4)");
    }

    /**
     * Task 4. Makes this a daemon thread or not. Only before {@link #start()}.
     *
     * @param daemon {@code true} for a daemon thread
     * @throws IllegalThreadStateException if the thread was started
     */
    public void setDaemon(boolean daemon) {
        throw new UnsupportedOperationException(
                "Task 4: make this a daemon thread or not, only before start() (see "
                + "HINTS.md, task 4)");
    }
}

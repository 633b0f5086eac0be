package threadlab.gil;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A thread of the interpreter: a Java thread that runs one program with
 * {@link Interpreter#run(Program)}. Made by {@link Interpreter#start(String, Program)}.
 *
 * <p>What the program throws ends the thread and is kept, as Python's {@code threading} hands an
 * uncaught exception to {@code threading.excepthook}: ask {@link #failure()} after joining.
 *
 * <p>This file is provided: you do not need to change it.
 */
public final class InterpreterThread {

    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    InterpreterThread(String name, BlockingCall body) {
        this.thread = new Thread(() -> {
            try {
                body.call();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * The thread's name.
     *
     * @return the name given to {@link Interpreter#start(String, Program)}
     */
    public String getName() {
        return thread.getName();
    }

    /**
     * Waits until the thread has finished.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public void join() throws InterruptedException {
        thread.join();
    }

    /**
     * Waits until the thread has finished or the timeout has passed.
     *
     * @param timeout how long to wait at most
     * @return whether the thread has finished
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean join(Duration timeout) throws InterruptedException {
        long nanos = Math.max(1, timeout.toNanos());
        thread.join(nanos / 1_000_000, (int) (nanos % 1_000_000));
        return !thread.isAlive();
    }

    /**
     * Whether the thread is still running its program.
     *
     * @return {@code true} until the program has ended
     */
    public boolean isAlive() {
        return thread.isAlive();
    }

    /**
     * What ended the program, if it did not end normally.
     *
     * @return the exception or error the program threw, or empty
     */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure.get());
    }
}

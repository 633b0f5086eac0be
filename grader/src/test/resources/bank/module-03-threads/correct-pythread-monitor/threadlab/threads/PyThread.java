package threadlab.threads;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A Python-style thread that keeps its own life cycle, new, running, done, behind the monitor of
 * a private object: start() moves it on, the thread marks itself done once its target has
 * returned or thrown, and join() waits on the monitor until then.
 */
public final class PyThread {

    private enum State { NEW, RUNNING, DONE }

    private final Target target;
    private final Object[] args;
    private final Thread thread;
    /** Guards {@link #state}; joiners wait on it. */
    private final Object lock = new Object();
    private State state = State.NEW;

    public PyThread(Target target, Object... args) {
        this(null, target, args);
    }

    public PyThread(String name, Target target, Object... args) {
        this.target = Objects.requireNonNull(target, "target");
        this.args = args == null ? new Object[0] : args.clone();
        Runnable body = () -> {
            try {
                runOnThread();
            } finally {
                done();
            }
        };
        this.thread = name == null ? new Thread(body) : new Thread(body, name);
    }

    public void start() {
        synchronized (lock) {
            if (state != State.NEW) {
                throw new IllegalThreadStateException("threads can only be started once");
            }
            state = State.RUNNING;
        }
        thread.start();
    }

    public void run() throws Exception {
        target.call(args.clone());
    }

    public void join() throws InterruptedException {
        synchronized (lock) {
            requireStarted();
            while (state != State.DONE) {
                lock.wait();
            }
        }
    }

    public void join(Duration timeout) throws InterruptedException {
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            join();
            return;
        }
        long deadline = System.nanoTime() + nanos;
        synchronized (lock) {
            requireStarted();
            long left = nanos;
            while (state != State.DONE && left > 0) {
                TimeUnit.NANOSECONDS.timedWait(lock, left);
                left = deadline - System.nanoTime();
            }
        }
    }

    public boolean isAlive() {
        synchronized (lock) {
            return state == State.RUNNING;
        }
    }

    public String getName() {
        return thread.getName();
    }

    public void setName(String name) {
        thread.setName(Objects.requireNonNull(name, "name"));
    }

    public boolean isDaemon() {
        return thread.isDaemon();
    }

    public void setDaemon(boolean daemon) {
        synchronized (lock) {
            if (state != State.NEW) {
                throw new IllegalThreadStateException(
                        "cannot set daemon status of active thread");
            }
            thread.setDaemon(daemon);
        }
    }

    private void done() {
        synchronized (lock) {
            state = State.DONE;
            lock.notifyAll();
        }
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
        if (state == State.NEW) {
            throw new IllegalThreadStateException("cannot join thread before it is started");
        }
    }
}

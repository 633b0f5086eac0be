package threadlab.threads;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Python-style thread whose end is a FutureTask: the thread runs the task once its target has
 * returned or thrown, and join() waits for the task's
 * result, isAlive() asks whether it is done.
 */
public final class PyThread {

    private final Target target;
    private final Object[] args;
    private final Thread thread;
    private final AtomicBoolean started = new AtomicBoolean();
    /** Done when the thread is: a task with nothing to compute, run last on the thread. */
    private final FutureTask<Void> finished = new FutureTask<>(() -> null);

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
                finished.run();
            }
        };
        this.thread = name == null ? new Thread(body) : new Thread(body, name);
    }

    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalThreadStateException("threads can only be started once");
        }
        thread.start();
    }

    public void run() throws Exception {
        target.call(args.clone());
    }

    public void join() throws InterruptedException {
        requireStarted();
        try {
            finished.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a task that computes nothing failed", e);
        }
    }

    public void join(Duration timeout) throws InterruptedException {
        requireStarted();
        if (timeout.isNegative() || timeout.isZero()) {
            return;
        }
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            join();
            return;
        }
        try {
            finished.get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // Like Python's join(timeout): the caller asks isAlive().
        } catch (ExecutionException e) {
            throw new IllegalStateException("a task that computes nothing failed", e);
        }
    }

    public boolean isAlive() {
        return started.get() && !finished.isDone();
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

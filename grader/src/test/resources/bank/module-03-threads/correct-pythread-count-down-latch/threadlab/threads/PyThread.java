package threadlab.threads;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Python-style thread whose end is a CountDownLatch: the thread counts it down once its target
 * has returned or thrown, and join() and isAlive() ask the
 * latch rather than the java.lang.Thread.
 */
public final class PyThread {

    private final Target target;
    private final Object[] args;
    private final Thread thread;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);

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
                finished.countDown();
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
        finished.await();
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
            finished.await();
            return;
        }
        finished.await(nanos, TimeUnit.NANOSECONDS);
    }

    public boolean isAlive() {
        return started.get() && finished.getCount() > 0;
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

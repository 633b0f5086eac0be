package threadlab.gil;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/** A piece of a test run on a thread of its own, whose failure the test can rethrow. */
final class Background {

    /** How long a test waits for something that should happen at once. */
    static final Duration PATIENCE = Duration.ofSeconds(5);

    /** A body that may throw. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private final Thread thread;
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private Background(String name, Body body) {
        thread = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.countDown();
            }
        }, name);
        thread.setDaemon(true);
    }

    static Background start(String name, Body body) {
        Background background = new Background(name, body);
        background.thread.start();
        return background;
    }

    /** Waits for the body to end, within {@link #PATIENCE}, and rethrows what it threw. */
    void finish(String what) throws Exception {
        if (!done.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
            rethrowFailure();
            throw new AssertionError(what + ": still not done after " + PATIENCE.toSeconds()
                    + " s");
        }
        rethrowFailure();
    }

    /** Waits until a condition holds or this body has ended, within {@link #PATIENCE}. */
    void awaitUnlessEnded(BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean() && !finished() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        rethrowFailure();
    }

    boolean finished() {
        return done.getCount() == 0;
    }

    /** Rethrows what the body threw so far, if anything. */
    void rethrowFailure() throws Exception {
        Throwable t = failure.get();
        if (t instanceof Exception) {
            throw (Exception) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
    }

    /** Waits until the thread is parked in a wait (or has ended), within {@link #PATIENCE}. */
    void awaitWaiting() throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                    || state == Thread.State.TERMINATED) {
                rethrowFailure();
                return;
            }
            Thread.onSpinWait();
        }
        rethrowFailure();
        throw new AssertionError(thread.getName() + " should be waiting, but it is "
                + thread.getState() + " after " + PATIENCE.toSeconds() + " s");
    }
}

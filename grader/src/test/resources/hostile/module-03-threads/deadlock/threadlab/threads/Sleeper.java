package threadlab.threads;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;

/** A hostile sleeper: a grader test, never a solution. */
public final class Sleeper {

    private final Sleep sleep;
    private final PrintStream out;

    public Sleeper() {
        this(Sleep.real(), System.out);
    }

    public Sleeper(Sleep sleep, PrintStream out) {
        this.sleep = Objects.requireNonNull(sleep, "sleep");
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Two threads take two locks in opposite orders and wait for each other for ever. */
    public void sleeper(int n) throws InterruptedException {
        Object left = new Object();
        Object right = new Object();
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(2);
        Thread one = new Thread(() -> lockBoth(left, right, held), "lefty");
        Thread two = new Thread(() -> lockBoth(right, left, held), "righty");
        one.start();
        two.start();
        one.join();
        two.join();
        out.println("Hi, I'll be sleeping for " + n + " seconds");
        sleep.sleep(Duration.ofSeconds(n));
        out.println("I've woken up!");
    }

    private static void lockBoth(Object first, Object second,
            java.util.concurrent.CountDownLatch held) {
        synchronized (first) {
            held.countDown();
            try {
                held.await();
            } catch (InterruptedException e) {
                return;
            }
            synchronized (second) {
                held.countDown();
            }
        }
    }
}

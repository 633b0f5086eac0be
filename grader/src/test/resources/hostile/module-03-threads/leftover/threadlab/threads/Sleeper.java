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

    /** Leaves a thread behind that never ends and is not a daemon. */
    public void sleeper(int n) throws InterruptedException {
        Thread stray = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    // Ignores every request to stop.
                }
            }
        }, "stray");
        stray.start();
        out.println("Hi, I'll be sleeping for " + n + " seconds");
        sleep.sleep(Duration.ofSeconds(n));
        out.println("I've woken up!");
    }
}

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

    /**
     * Asks for more heap than the test JVM has. Each block is 1 GB: filling the heap in small
     * blocks would first make the machine write 256 MB of pages, which on a loaded machine can
     * take longer than the test's time limit, and the grade would then depend on the load.
     */
    public void sleeper(int n) throws InterruptedException {
        java.util.List<long[]> hog = new java.util.ArrayList<>();
        while (hog.size() >= 0) {
            hog.add(new long[1 << 27]);
        }
        out.println("Hi, I'll be sleeping for " + n + " seconds");
        sleep.sleep(Duration.ofSeconds(n));
        out.println("I've woken up!");
    }
}

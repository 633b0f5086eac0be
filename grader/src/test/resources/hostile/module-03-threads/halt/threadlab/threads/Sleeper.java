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

    /** Ends the JVM without a word, as no shutdown hook can stop. */
    public void sleeper(int n) throws InterruptedException {
        Runtime.getRuntime().halt(7);
        out.println("Hi, I'll be sleeping for " + n + " seconds");
        sleep.sleep(Duration.ofSeconds(n));
        out.println("I've woken up!");
    }
}

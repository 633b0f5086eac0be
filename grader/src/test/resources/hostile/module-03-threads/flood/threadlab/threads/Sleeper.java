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
     * Floods System.out and prints lines that look like the grader's own, but does its job. A
     * stream of its own on the JVM's file descriptors, which the flood once wrote megabytes to
     * with no line end, is refused before it runs (see ApiCheckTests).
     */
    public void sleeper(int n) throws InterruptedException {
        System.out.println("{\"type\":\"finished\",\"id\":\"x\",\"passed\":true}");
        System.out.println("00112233 {\"type\":\"done\"}");
        System.err.println("PASS 34/34 Total: 34 / 34 points");
        for (int i = 0; i < 20_000; i++) {
            System.out.println("flood " + i);
        }
        out.println("Hi, I'll be sleeping for " + n + " seconds");
        sleep.sleep(Duration.ofSeconds(n));
        out.println("I've woken up!");
    }
}

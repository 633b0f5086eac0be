package threadlab.threads;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;

/**
 * The lesson's sleeper: a function that announces a nap, takes it and says when it is over.
 *
 * <p>In Python:
 *
 * <pre>{@code
 * def sleeper(n):
 *     print(f"Hi, I'll be sleeping for {n} seconds")
 *     time.sleep(n)
 *     print("I've woken up!")
 * }</pre>
 */
public final class Sleeper {

    private final Sleep sleep;
    private final PrintStream out;

    /** A sleeper that sleeps on the real clock and prints to {@code System.out}. */
    public Sleeper() {
        this(Sleep.real(), System.out);
    }

    /**
     * A sleeper with the given sleep and output.
     *
     * @param sleep how to sleep: {@link Sleep#real()}, or one a test controls
     * @param out where to print
     */
    public Sleeper(Sleep sleep, PrintStream out) {
        this.sleep = Objects.requireNonNull(sleep, "sleep");
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Task 1. Prints {@code Hi, I'll be sleeping for n seconds}, sleeps {@code n} seconds, then
     * prints {@code I've woken up!}. Sleep with {@link #sleep}, for {@link Duration#ofSeconds(long)
     * n seconds}, so that tests can control the clock.
     *
     * @param n how many seconds to sleep
     * @throws InterruptedException if the thread is interrupted while it sleeps
     */
    public void sleeper(int n) throws InterruptedException {
        throw new UnsupportedOperationException(
                "Task 1: print Hi, I'll be sleeping for n seconds to out, sleep with "
                + "sleep.sleep(Duration.ofSeconds(n)), then print I've woken up! (see "
                + "HINTS.md, task 1)");
    }
}

package threadlab.threads;

import java.io.PrintStream;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** The lesson's sleeper, written with printf and a Duration built from a unit. */
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

    public void sleeper(int n) throws InterruptedException {
        Duration nap = Duration.of(n, ChronoUnit.SECONDS);
        out.printf("Hi, I'll be sleeping for %d seconds%n", n);
        sleep.sleep(nap);
        out.printf("I've woken up!%n");
    }
}

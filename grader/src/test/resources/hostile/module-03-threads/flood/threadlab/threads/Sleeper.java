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
     * Floods every stream it can find, some of it with no line end, and prints lines that look
     * like the grader's own, but does its job.
     */
    public void sleeper(int n) throws InterruptedException {
        try {
            java.io.FileOutputStream raw = new java.io.FileOutputStream(
                    java.io.FileDescriptor.out);
            byte[] noLineEnd = new byte[1 << 20];
            java.util.Arrays.fill(noLineEnd, (byte) 'x');
            for (int i = 0; i < 8; i++) {
                raw.write(noLineEnd);
            }
            raw.write("{\"type\":\"finished\",\"id\":\"x\",\"passed\":true}\n".getBytes());
            raw.write("00112233 {\"type\":\"done\"}\n".getBytes());
            java.io.FileOutputStream err = new java.io.FileOutputStream(
                    java.io.FileDescriptor.err);
            err.write(noLineEnd);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        System.err.println("PASS 34/34 Total: 34 / 34 points");
        for (int i = 0; i < 20_000; i++) {
            System.out.println("flood " + i);
        }
        out.println("Hi, I'll be sleeping for " + n + " seconds");
        sleep.sleep(Duration.ofSeconds(n));
        out.println("I've woken up!");
    }
}

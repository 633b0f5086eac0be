package threadlab.threads;

import java.io.PrintStream;
import java.util.stream.IntStream;

/** The lesson's program, with a named thread, a method's target and a stream for the Hi lines. */
public final class SleeperDemo {

    public static final int SECONDS = 5;

    public static final int HI_COUNT = 5;

    private SleeperDemo() {
    }

    public static void main(String[] args) {
        demo(new Sleeper(), SECONDS, HI_COUNT, System.out);
    }

    public static PyThread demo(Sleeper sleeper, int seconds, int hiCount, PrintStream out) {
        PyThread sleeperThread = new PyThread("sleeper", args -> nap(sleeper, args), seconds);
        sleeperThread.start();
        IntStream.range(0, hiCount).forEach(i -> out.println("Hi"));
        return sleeperThread;
    }

    private static void nap(Sleeper sleeper, Object... args) throws InterruptedException {
        sleeper.sleeper((int) args[0]);
    }
}

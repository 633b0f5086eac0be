package threadlab.threads;

import java.io.PrintStream;

/**
 * The lesson's program: start the sleeper on a thread, then say "Hi" a few times from main.
 *
 * <pre>{@code
 * t = threading.Thread(target=sleeper, args=(5,))
 * t.start()
 * for _ in range(5):
 *     print("Hi")
 * }</pre>
 *
 * <p>Run it from your IDE, or with {@code ./mvnw -q -pl module-03-threads compile} and then
 * {@code java -cp module-03-threads/target/classes threadlab.threads.SleeperDemo}.
 */
public final class SleeperDemo {

    /** How long the sleeper sleeps in the demo. */
    public static final int SECONDS = 5;

    /** How many times main says "Hi". */
    public static final int HI_COUNT = 5;

    private SleeperDemo() {
    }

    /**
     * Runs the demo on the real clock, printing to {@code System.out}.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        demo(new Sleeper(), SECONDS, HI_COUNT, System.out);
    }

    /**
     * Task 5. Starts {@code sleeper} on a new thread with {@code seconds} as its argument, then
     * prints {@code Hi} {@code hiCount} times to {@code out} from the calling thread. Returns the
     * started thread without waiting for it.
     *
     * @param sleeper the sleeper to run on the new thread
     * @param seconds how long it sleeps
     * @param hiCount how many times to print {@code Hi}
     * @param out where to print {@code Hi}
     * @return the started thread
     */
    public static PyThread demo(Sleeper sleeper, int seconds, int hiCount, PrintStream out) {
        PyThread t = new PyThread(args -> sleeper.sleeper((Integer) args[0]), seconds);
        t.start();
        for (int i = 0; i < hiCount; i++) {
            out.println("Hi");
        }
        return t;
    }
}

package threadlab.gil;

import java.time.Duration;
import java.util.Objects;

/**
 * A tiny interpreter: it runs the programs of several threads, one step at a time, and every step
 * runs while its thread holds the interpreter's {@link GlobalInterpreterLock}.
 *
 * <pre>{@code
 * Interpreter interpreter = new Interpreter(new GlobalInterpreterLock());
 * InterpreterThread t = interpreter.start("counter", Program.repeat(1_000, () -> n[0]++));
 * t.join();
 * }</pre>
 *
 * <p>This is how CPython runs Python threads: each is a real operating-system thread, and its
 * eval loop runs bytecode only while it holds the GIL.
 */
public final class Interpreter {

    private final GlobalInterpreterLock gil;
    private final Sleep sleep;

    /**
     * An interpreter whose threads sleep on the real clock.
     *
     * @param gil the lock every step must hold
     */
    public Interpreter(GlobalInterpreterLock gil) {
        this(gil, Sleep.real());
    }

    /**
     * An interpreter with the given sleep.
     *
     * @param gil the lock every step must hold
     * @param sleep how {@link #sleep(Duration)} sleeps: {@link Sleep#real()}, or a test's
     */
    public Interpreter(GlobalInterpreterLock gil, Sleep sleep) {
        this.gil = Objects.requireNonNull(gil, "gil");
        this.sleep = Objects.requireNonNull(sleep, "sleep");
    }

    /**
     * The interpreter's lock.
     *
     * @return the GIL
     */
    public GlobalInterpreterLock gil() {
        return gil;
    }

    /**
     * Starts a thread that runs a program with {@link #run(Program)}.
     *
     * @param name the thread's name
     * @param program what it runs
     * @return the started thread
     */
    public InterpreterThread start(String name, Program program) {
        Objects.requireNonNull(program, "program");
        InterpreterThread thread = new InterpreterThread(name, () -> run(program));
        thread.start();
        return thread;
    }

    /**
     * Task 4. Runs a program on the calling thread: takes the GIL, runs the steps in order,
     * checking between two steps whether the GIL should be dropped, and releases the GIL at the
     * end, also when a step throws.
     *
     * @param program the steps to run
     * @throws Exception whatever a step throws, after the GIL was released
     */
    public void run(Program program) throws Exception {
        gil.acquire();
        for (Step step : program) {
            gil.dropIfRequested();
            step.run();
        }
        gil.release();
    }

    /**
     * Sleeps without the GIL, like {@code time.sleep}: the other threads run meanwhile. Call it
     * from a step.
     *
     * @param duration how long to sleep
     * @throws Exception if the sleep is interrupted
     */
    public void sleep(Duration duration) throws Exception {
        gil.whileReleased(() -> sleep.sleep(duration));
    }
}

package threadlab.gil;

/**
 * One step of an interpreter thread's program: the course's stand-in for one bytecode.
 *
 * <p>A step runs only while its thread holds the {@link GlobalInterpreterLock}, so it may touch
 * shared objects, such as module 1's naive reference counts, without a lock of its own. A step
 * that blocks (sleeps, waits for input) should do it through {@link Interpreter#sleep} or
 * {@link GlobalInterpreterLock#whileReleased}, which let the other threads run meanwhile.
 *
 * <p>This file is provided: you do not need to change it.
 */
@FunctionalInterface
public interface Step {

    /**
     * Runs the step.
     *
     * @throws Exception whatever the step throws; it ends the thread, as an uncaught exception
     *     ends a Python thread
     */
    void run() throws Exception;
}

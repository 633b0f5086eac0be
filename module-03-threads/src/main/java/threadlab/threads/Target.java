package threadlab.threads;

/**
 * The function a thread runs: Python's {@code target}.
 *
 * <p>Python hands the target its {@code args} tuple as separate arguments. Java has no tuple, so
 * the target receives them as an array, in the order they were given:
 *
 * <pre>{@code
 * Target target = args -> sleeper.sleeper((Integer) args[0]);
 * }</pre>
 *
 * <p>This file is provided: you do not need to change it.
 */
@FunctionalInterface
public interface Target {

    /**
     * Runs the function.
     *
     * @param args the arguments given to the thread, in order
     * @throws Exception whatever the function throws
     */
    void call(Object... args) throws Exception;
}

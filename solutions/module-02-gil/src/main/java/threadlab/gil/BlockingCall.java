package threadlab.gil;

/**
 * A call that may block for a while without touching the interpreter's objects: a sleep, a read
 * from a socket, a wait for a child process. CPython runs such calls without the GIL, between
 * {@code Py_BEGIN_ALLOW_THREADS} and {@code Py_END_ALLOW_THREADS}.
 *
 * <p>This file is provided: you do not need to change it.
 */
@FunctionalInterface
public interface BlockingCall {

    /**
     * Makes the call.
     *
     * @throws Exception whatever the call throws
     */
    void call() throws Exception;
}

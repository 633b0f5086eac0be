package threadlab.grader.run;

import threadlab.grader.failure.GradingFailure;

/** The submission ran out of memory, so the test JVM ended. */
public final class OutOfMemoryException extends GradingFailure {

    private static final long serialVersionUID = 1L;

    /**
     * A test during which the JVM ran out of memory.
     *
     * @param heapMegabytes the heap limit
     * @param what the JVM's own words, such as {@code Java heap space}
     */
    public OutOfMemoryException(int heapMegabytes, String what) {
        super("Expected this test to run within the memory limit (a heap of " + heapMegabytes
                + " MB), but your code ran out of memory (" + what + "), so the JVM running it"
                + " ended. Look for a collection that grows without end, or objects kept long"
                + " after they are needed.");
    }
}

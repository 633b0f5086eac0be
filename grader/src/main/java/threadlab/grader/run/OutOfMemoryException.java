package threadlab.grader.run;

import java.util.List;
import threadlab.grader.protocol.Verdict;

/** The submission ran out of memory, so the test JVM ended. */
public final class OutOfMemoryException extends VerdictFailure {

    private static final long serialVersionUID = 1L;

    /**
     * A test during which the JVM ran out of memory.
     *
     * @param heapMegabytes the heap limit
     * @param what the JVM's own words, such as {@code Java heap space}
     */
    public OutOfMemoryException(int heapMegabytes, String what) {
        super(new Verdict(Verdict.Kind.LIMIT, "this test to run within the memory limit (a heap"
                + " of " + heapMegabytes + " MB)", "your code ran out of memory (" + what + "), so"
                + " the JVM running it ended.", "a collection that grows without end, or objects"
                + " kept long after they are needed", List.of(), new Verdict.Limit(heapMegabytes
                        + " MB", "the heap of a test JVM"), ""));
    }
}

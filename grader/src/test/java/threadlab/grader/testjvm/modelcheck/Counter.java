package threadlab.grader.testjvm.modelcheck;

/** A count that the fixtures implement in right and wrong ways. */
public interface Counter {

    /** Adds one. */
    void increment();

    /**
     * The count.
     *
     * @return the count
     */
    int get();
}

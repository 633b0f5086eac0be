package demo;

import java.util.concurrent.CountDownLatch;

/** Stands for a submission's code that waits: it is in a package of its own, as a student's is. */
public final class ParksInItsOwnCode {

    private ParksInItsOwnCode() {
    }

    /**
     * Waits until the latch opens, as a submission's lock waits for its holder.
     *
     * @param latch what it waits for
     * @throws InterruptedException if interrupted
     */
    public static void await(CountDownLatch latch) throws InterruptedException {
        latch.await();
    }
}

package threadlab.grader.batch;

import threadlab.grader.run.Activity;

/**
 * How many submissions may use the processor at once. A submission takes a slot before it is
 * graded and gives it back when it is done; while its test JVM only waits, it lends its slot to
 * the next submission, and counts again once it works. Submissions start in the order of their
 * turns, whichever thread asks first.
 */
final class Slots {

    private final int slots;
    private int working;
    private int nextTurn;

    /**
     * A gate.
     *
     * @param slots how many submissions may work at once
     */
    Slots(int slots) {
        this.slots = Math.max(1, slots);
    }

    /**
     * Waits for a free slot and for this turn, and takes the slot.
     *
     * @param turn the submission's place in the class, from 0; each turn is taken once
     * @return the slot, to close when the submission is done
     * @throws InterruptedException if interrupted while waiting
     */
    synchronized Slot take(int turn) throws InterruptedException {
        while (working >= slots || turn != nextTurn) {
            wait();
        }
        working++;
        nextTurn++;
        notifyAll();
        return new Slot();
    }

    /**
     * How many submissions count as working now.
     *
     * @return the count, which may pass the slots for a while when waiting ones work again
     */
    synchronized int working() {
        return working;
    }

    /** One submission's slot. */
    final class Slot implements Activity, AutoCloseable {
        private boolean counted = true;
        private boolean closed;

        @Override
        public void waiting() {
            synchronized (Slots.this) {
                if (counted) {
                    counted = false;
                    working--;
                    Slots.this.notifyAll();
                }
            }
        }

        @Override
        public void working() {
            synchronized (Slots.this) {
                // It does not wait for a slot: its test JVM is running already.
                if (!counted && !closed) {
                    counted = true;
                    working++;
                }
            }
        }

        @Override
        public void close() {
            synchronized (Slots.this) {
                waiting();
                closed = true;
            }
        }
    }
}

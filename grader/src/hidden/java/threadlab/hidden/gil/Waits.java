package threadlab.hidden.gil;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;

/**
 * How many times a thread has waited, by the JVM's own count: each {@code Object.wait}, each
 * {@code LockSupport.park} (under every {@code Condition.await}) adds one. A waiter that sleeps
 * between its tries adds one a try; a waiter that spins adds none. The count needs no clock, so
 * a busy machine cannot change it, only slow it down.
 */
final class Waits {

    private Waits() {
    }

    /**
     * How many times a thread has waited so far.
     *
     * @param thread the thread
     * @return its count, or 0 once it has ended
     */
    static long of(Thread thread) {
        ThreadInfo info = ManagementFactory.getThreadMXBean().getThreadInfo(thread.getId());
        return info == null ? 0 : info.getWaitedCount();
    }
}

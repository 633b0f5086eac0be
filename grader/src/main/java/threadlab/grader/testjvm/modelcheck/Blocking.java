package threadlab.grader.testjvm.modelcheck;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import java.util.function.BooleanSupplier;

/**
 * The blocking calls of a run, modelled: the checker knows that the thread waits and what wakes
 * it, so it lets the others run meanwhile and finds deadlocks.
 *
 * <p>Locks of {@code java.util.concurrent} and semaphores are taken with their own non-blocking
 * {@code tryLock}, {@code tryAcquire} and the like: the real object is the truth, and a thread
 * that cannot take it waits until it is let go of and then tries again. Monitors are modelled
 * with an owner and a count, as the thread's real monitor is only taken once the model says it
 * is free. {@code wait()}, {@code Condition.await()} and {@code LockSupport.park()} wait in the
 * model for a {@code notify}, a {@code signal} or an {@code unpark}. A timed wait and
 * {@code Thread.sleep} may also end by their time running out, when the checker chooses.
 */
final class Blocking {

    /** The limit of a call that waits as long as it takes. */
    static final long FOREVER = -1;

    /** What a sleeping thread waits on: nothing wakes it but its time. */
    private static final Object SLEEP = new Object();

    private final Run run;
    private final Map<Object, ManagedThread> owners = new IdentityHashMap<>();
    private final Map<Object, Integer> holds = new IdentityHashMap<>();
    private final Map<Object, List<ManagedThread>> waitSets = new IdentityHashMap<>();

    Blocking(Run run) {
        this.run = run;
    }

    /** Takes an object's monitor, waiting while another thread holds it. */
    void monitorEnter(ManagedThread me, Object monitor, String text) {
        run.step(me);
        run.blockWhile(me, monitor, () -> owners.containsKey(monitor)
                && owners.get(monitor) != me, FOREVER,
                () -> "is held by " + owners.get(monitor).getName());
        owners.put(monitor, me);
        holds.merge(monitor, 1, Integer::sum);
        run.acquire(me, monitor);
        run.log(me, text);
    }

    /** Lets go of a monitor the running thread held. */
    void monitorExit(ManagedThread me, Object monitor, String text) {
        if (owners.get(monitor) != me) {
            return;
        }
        run.log(me, text);
        int left = holds.merge(monitor, -1, Integer::sum);
        if (left <= 0) {
            holds.remove(monitor);
            owners.remove(monitor);
            run.release(me, monitor);
            run.wake(monitor);
        }
    }

    /** Whether a thread that must take a monitor again, after {@code wait()}, could now. */
    boolean monitorFree(ManagedThread thread) {
        Object monitor = thread.monitor;
        return monitor == null || !owners.containsKey(monitor) || owners.get(monitor) == thread;
    }

    /**
     * Takes something with a non-blocking attempt, waiting until it is let go of while the
     * attempt fails.
     *
     * @param sync the lock, semaphore or latch, as the checker names and wakes it
     * @param attempt takes it if it can, and says whether it did
     * @param limit {@link #FOREVER}, 0 for one attempt only, or more for a timed call that
     *     gives up when the checker lets its time run out: the time, in nanoseconds
     * @param text the call as the interleaving shows it
     * @return whether it was taken
     */
    boolean take(ManagedThread me, Object sync, BooleanSupplier attempt, long limit,
            String text) {
        run.step(me);
        Object canonical = Views.canonical(sync);
        boolean taken = limit == 0 ? attempt.getAsBoolean() : run.blockWhile(me, canonical,
                () -> !attempt.getAsBoolean(), limit, () -> "is not free");
        if (taken) {
            run.acquire(me, canonical);
        }
        run.log(me, text + (limit >= 0 ? ": " + taken : ""));
        return taken;
    }

    /** Something was let go of, or counted down: the threads waiting for it look again. */
    void released(ManagedThread me, Object sync, String text) {
        run.log(me, text);
        Object canonical = Views.canonical(sync);
        run.release(me, canonical);
        run.wake(canonical);
    }

    /** Takes a lock, as {@code lock()} or {@code tryLock(time, unit)} does. */
    boolean lock(ManagedThread me, Lock lock, long limit, String text) {
        return take(me, lock, lock::tryLock, limit, text);
    }

    /** Takes a stamped lock's write or read lock, and gives its stamp, or 0 if its time ran out. */
    long stamp(ManagedThread me, StampedLock lock, boolean write, long limit, String text) {
        long[] stamp = new long[1];
        take(me, lock, () -> (stamp[0] = write ? lock.tryWriteLock() : lock.tryReadLock()) != 0,
                limit, text);
        return stamp[0];
    }

    /** Takes permits of a semaphore. */
    boolean acquire(ManagedThread me, Semaphore semaphore, int permits, long limit,
            String text) {
        return take(me, semaphore, () -> semaphore.tryAcquire(permits), limit, text);
    }

    /** Waits until a latch is counted down to 0. */
    boolean await(ManagedThread me, CountDownLatch latch, long limit, String text) {
        return take(me, latch, () -> latch.getCount() == 0, limit, text);
    }

    /**
     * Waits for a signal, as {@code Condition.await()} does: lets go of the condition's lock
     * (every hold of it), waits, and takes the lock again.
     *
     * @param nanos how long it may wait, 0 if its time has run out already (it lets go of the
     *     lock and takes it again, as the JDK does), or {@link #FOREVER}
     * @return whether it was signalled; {@code false} if its time ran out
     */
    boolean await(ManagedThread me, Condition condition, long nanos, String text) {
        Lock lock = Views.lockOf(condition);
        if (lock == null) {
            run.unmodelled(me.getName() + " awaits a Condition whose lock the model checker did"
                    + " not see make it");
            throw new Run.Aborted();
        }
        int count = holdCount(lock);
        run.step(me);
        for (int i = 0; i < count; i++) {
            lock.unlock();
        }
        released(me, lock, text + ": lets go of " + run.name(lock) + " and waits");
        boolean timedOut = nanos == 0 ? ranOutAtOnce(me) : waitFor(me, condition, nanos, true);
        take(me, lock, lock::tryLock, FOREVER, "takes " + run.name(lock) + " again ("
                + why(me, timedOut, "signalled") + ")");
        for (int i = 1; i < count; i++) {
            lock.tryLock();
        }
        return !timedOut;
    }

    /** How many times the running thread holds a lock; throws as the JDK would if none. */
    private static int holdCount(Lock lock) {
        int count = 1;
        if (lock instanceof ReentrantLock reentrant) {
            count = reentrant.getHoldCount();
        } else if (lock instanceof ReentrantReadWriteLock.WriteLock write) {
            count = write.getHoldCount();
        }
        if (count == 0) {
            throw new IllegalMonitorStateException("the thread does not hold the lock of the"
                    + " Condition it awaits or signals");
        }
        return count;
    }

    /**
     * Signals one waiter of a condition, or all, as {@code signal()} and {@code signalAll()}.
     * {@code signal()} wakes the thread that waited longest, as the conditions of
     * {@code ReentrantLock} and its kin do.
     */
    void signal(ManagedThread me, Condition condition, boolean all, String text) {
        Lock lock = Views.lockOf(condition);
        if (lock != null) {
            holdCount(lock);
        }
        run.step(me);
        run.log(me, text);
        notifyWaiters(condition, all);
    }

    /**
     * Waits as {@code Object.wait()} does: lets go of the monitor, waits (up to a time in
     * nanoseconds, or {@link #FOREVER}), and takes it again.
     */
    void monitorWait(ManagedThread me, Object monitor, long nanos, String text) {
        if (owners.get(monitor) != me) {
            throw new IllegalMonitorStateException("current thread is not owner");
        }
        run.step(me);
        int held = holds.remove(monitor);
        owners.remove(monitor);
        run.log(me, text + ": lets go of " + run.name(monitor) + " and waits");
        run.release(me, monitor);
        run.wake(monitor);
        me.monitor = monitor;
        me.realWait = monitor;
        boolean timedOut;
        try {
            timedOut = waitFor(me, monitor, nanos, true);
        } finally {
            me.realWait = null;
            me.monitor = null;
        }
        owners.put(monitor, me);
        holds.put(monitor, held);
        run.acquire(me, monitor);
        run.log(me, "takes " + run.name(monitor) + " again (" + why(me, timedOut, "notified")
                + ")");
    }

    /** Wakes one waiter of a monitor, or all, as {@code notify()} and {@code notifyAll()}. */
    void monitorNotify(ManagedThread me, Object monitor, boolean all, String text) {
        if (owners.get(monitor) != me) {
            throw new IllegalMonitorStateException("current thread is not owner");
        }
        run.step(me);
        List<ManagedThread> waiting = waitSets.getOrDefault(monitor, new ArrayList<>());
        if (all || waiting.size() < 2) {
            run.log(me, text);
            notifyWaiters(monitor, all);
            return;
        }
        // notify() wakes an arbitrary waiter, and the checker tries each: a design that works
        // only when the right thread happens to be woken fails.
        ManagedThread woken = waiting.remove(run.chooseWaiter(waiting));
        run.log(me, text + ": wakes " + woken.getName() + " of the " + (waiting.size() + 1)
                + " waiting");
        run.resume(woken);
    }

    /**
     * Parks as {@code LockSupport.park()} does (up to a time in nanoseconds, or
     * {@link #FOREVER}), unless a permit is there to use.
     */
    void park(ManagedThread me, long nanos, String text) {
        run.step(me);
        if (!me.permit) {
            run.log(me, text + ": waits for an unpark");
            boolean timedOut = waitFor(me, me, nanos, true);
            run.log(me, "goes on: " + why(me, timedOut, "unparked"));
        } else {
            run.log(me, text + ": goes on, unparked before");
        }
        me.permit = false;
        run.acquire(me, me);
    }

    /** Gives a thread its permit, as {@code LockSupport.unpark()} does. */
    void unpark(ManagedThread me, Thread thread, String text) {
        run.step(me);
        run.log(me, text);
        if (!(thread instanceof ManagedThread target) || target.run != run) {
            LockSupport.unpark(thread);
            return;
        }
        run.release(me, target);
        if (target.state == ManagedThread.State.WAITING && target.blockedOn == target) {
            waitSets.getOrDefault(target, new ArrayList<>()).remove(target);
            run.resume(target);
        } else {
            target.permit = true;
        }
    }

    /** Sleeps: nothing wakes the thread but its time, which runs out when the checker says. */
    void sleep(ManagedThread me, long nanos, String text) {
        run.step(me);
        run.log(me, text);
        if (nanos > 0) {
            waitFor(me, SLEEP, nanos, false);
        } else {
            ranOutAtOnce(me);
        }
    }

    /**
     * A timed wait, park or sleep given no time: the JDK returns from it at once, its time run
     * out. It is counted, so that a loop of such waits shows as one whose timeout is 0, not as a
     * busy-wait on a field; not among the waits that ran out, which a test may judge, as a
     * correct design may make such a call now and then.
     *
     * @return {@code true}: its time ran out
     */
    boolean ranOutAtOnce(ManagedThread me) {
        me.waitsOfNoTime++;
        return true;
    }

    /**
     * Waits in the model for a wake-up on a key, or, given a time in nanoseconds, for its time to
     * run out.
     *
     * @param mayWakeAlone whether the wait may also end with no wake-up at all, as the JDK
     *     allows {@code Object.wait}, {@code Condition.await} and {@code LockSupport.park} to do
     * @return whether its time ran out
     */
    private boolean waitFor(ManagedThread me, Object key, long nanos, boolean mayWakeAlone) {
        waitSets.computeIfAbsent(key, k -> new ArrayList<>()).add(me);
        me.state = ManagedThread.State.WAITING;
        me.blockedOn = key;
        me.mayWakeAlone = mayWakeAlone;
        me.wokeAlone = false;
        me.timed = nanos > 0;
        me.deadline = run.now() + Math.max(0, nanos);
        boolean timedOut = run.pause(me);
        waitSets.get(key).remove(me);
        return timedOut;
    }

    /** Why a wait ended, for the interleaving shown to the student. */
    private static String why(ManagedThread me, boolean timedOut, String woken) {
        if (timedOut) {
            return "its time ran out";
        }
        return me.wokeAlone ? "woken by nothing: a spurious wake-up, which the JDK allows"
                : woken;
    }

    private void notifyWaiters(Object key, boolean all) {
        List<ManagedThread> waiting = waitSets.getOrDefault(key, new ArrayList<>());
        while (!waiting.isEmpty()) {
            run.resume(waiting.remove(0));
            if (!all) {
                return;
            }
        }
    }

    /**
     * Passes the turn on while the running thread really waits on its monitor, which lets
     * other threads take it; it goes on once the turn comes back to it.
     */
    void handOverInWait(ManagedThread me, int next) {
        Object monitor = me.realWait;
        run.passTo(next);
        boolean interrupted = false;
        while (run.turn() != me.index) {
            if (run.aborted()) {
                throw new Run.Aborted();
            }
            try {
                monitor.wait(50);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Who waits for what, when no thread can go on. */
    String describeDeadlock() {
        List<String> waits = new ArrayList<>();
        for (ManagedThread thread : run.threads()) {
            if (thread.state == ManagedThread.State.BLOCKED) {
                ManagedThread owner = owners.get(thread.blockedOn);
                waits.add(thread.getName() + " waits for " + run.name(thread.blockedOn)
                        + (owner == null ? "" : ", held by " + owner.getName()));
            } else if (thread.state == ManagedThread.State.WAITING) {
                waits.add(thread.getName() + " waits on " + (thread.blockedOn == thread
                        ? "LockSupport.park() for an unpark" : run.name(thread.blockedOn)
                        + " for a wake-up") + " that no thread can give");
            } else if (thread.monitor != null && !monitorFree(thread)) {
                waits.add(thread.getName() + " waits to take " + run.name(thread.monitor)
                        + " again, held by " + owners.get(thread.monitor).getName());
            }
        }
        return String.join("; ", waits);
    }
}

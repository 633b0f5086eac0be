package threadlab.grader.testjvm.modelcheck;

import java.util.Date;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.StampedLock;

/**
 * What {@link Instrumenter} calls instead of a blocking call of the JDK: each does what the call
 * does, and on a scenario's thread lets {@link Blocking} model the wait. Each takes the call's
 * receiver and arguments, then the call as the interleaving shows it. Outside a model check each
 * makes the real call.
 *
 * <p>Not for hand-written code: the names and signatures are the instrumenter's.
 */
public final class BlockingHooks {

    private BlockingHooks() {
    }

    private static Blocking blocking(ManagedThread me) {
        return me.run.blocking();
    }

    /**
     * {@code lock.lock()} and {@code lock.lockInterruptibly()}.
     *
     * @param lock the lock
     * @param call the call
     */
    public static void lock(Lock lock, String call) {
        ManagedThread me = Hooks.managed();
        if (me == null) {
            lock.lock();
        } else {
            blocking(me).lock(me, lock, Blocking.FOREVER, call + "()");
        }
    }

    /**
     * {@code lock.tryLock(time, unit)}: gives up when the checker lets its time run out.
     *
     * @param lock the lock
     * @param time the time
     * @param unit its unit
     * @param call the call
     * @return whether the lock was taken
     * @throws InterruptedException if interrupted outside a model check
     */
    public static boolean tryLock(Lock lock, long time, TimeUnit unit, String call)
            throws InterruptedException {
        ManagedThread me = Hooks.managed();
        if (me == null) {
            return lock.tryLock(time, unit);
        }
        return blocking(me).lock(me, lock, nanos(time, unit), call + "(" + time + ", " + unit
                + ")");
    }

    /**
     * {@code lock.unlock()}.
     *
     * @param lock the lock
     * @param call the call
     */
    public static void unlock(Lock lock, String call) {
        lock.unlock();
        ManagedThread me = Hooks.managed();
        if (me != null) {
            blocking(me).released(me, lock, call + "()");
        }
    }

    /**
     * {@code condition.await()} and {@code awaitUninterruptibly()}.
     *
     * @param condition the condition
     * @param call the call
     * @throws InterruptedException if interrupted outside a model check
     */
    public static void await(Condition condition, String call) throws InterruptedException {
        ManagedThread me = Hooks.managed();
        if (me == null) {
            condition.await();
        } else {
            blocking(me).await(me, condition, Blocking.FOREVER, call + "()");
        }
    }

    /**
     * {@code condition.await(time, unit)}: returns {@code false} when the checker lets its time
     * run out.
     *
     * @param condition the condition
     * @param time the time
     * @param unit its unit
     * @param call the call
     * @return whether it was signalled before its time ran out
     * @throws InterruptedException if interrupted outside a model check
     */
    public static boolean await(Condition condition, long time, TimeUnit unit, String call)
            throws InterruptedException {
        ManagedThread me = Hooks.managed();
        if (me == null) {
            return condition.await(time, unit);
        }
        return blocking(me).await(me, condition, nanos(time, unit), call + "(" + time + ", "
                + unit + ")");
    }

    /**
     * {@code condition.awaitNanos(nanos)}: returns 0 when the checker lets its time run out,
     * else the time it was given, as no time passes in the model.
     *
     * @param condition the condition
     * @param nanos the time
     * @param call the call
     * @return the time left
     * @throws InterruptedException if interrupted outside a model check
     */
    public static long awaitNanos(Condition condition, long nanos, String call)
            throws InterruptedException {
        ManagedThread me = Hooks.managed();
        if (me == null) {
            return condition.awaitNanos(nanos);
        }
        long deadline = me.run.now() + nanos;
        boolean signalled = blocking(me).await(me, condition, Math.max(0, nanos), call + "("
                + nanos + ")");
        return signalled ? Math.max(1, deadline - me.run.now()) : Math.min(0,
                deadline - me.run.now());
    }

    /**
     * {@code condition.awaitUntil(deadline)}.
     *
     * @param condition the condition
     * @param deadline the deadline
     * @param call the call
     * @return whether it was signalled before its time ran out
     * @throws InterruptedException if interrupted outside a model check
     */
    public static boolean awaitUntil(Condition condition, Date deadline, String call)
            throws InterruptedException {
        ManagedThread me = Hooks.managed();
        if (me == null) {
            return condition.awaitUntil(deadline);
        }
        long nanos = TimeUnit.MILLISECONDS.toNanos(deadline.getTime() - currentTimeMillis(call));
        return blocking(me).await(me, condition, Math.max(0, nanos), call + "(a date)");
    }

    /**
     * {@code condition.signal()}.
     *
     * @param condition the condition
     * @param call the call
     */
    public static void signal(Condition condition, String call) {
        ManagedThread me = Hooks.managed();
        if (me == null) {
            condition.signal();
        } else {
            blocking(me).signal(me, condition, false, call + "()");
        }
    }

    /**
     * {@code condition.signalAll()}.
     *
     * @param condition the condition
     * @param call the call
     */
    public static void signalAll(Condition condition, String call) {
        ManagedThread me = Hooks.managed();
        if (me == null) {
            condition.signalAll();
        } else {
            blocking(me).signal(me, condition, true, call + "()");
        }
    }

    /**
     * {@code stampedLock.writeLock()} and {@code writeLockInterruptibly()}.
     *
     * @param lock the lock
     * @param call the call
     * @return the stamp
     */
    public static long writeLock(StampedLock lock, String call) {
        ManagedThread me = Hooks.managed();
        return me == null ? lock.writeLock() : blocking(me).stamp(me, lock, true,
                Blocking.FOREVER, call + "()");
    }

    /**
     * {@code stampedLock.readLock()} and {@code readLockInterruptibly()}.
     *
     * @param lock the lock
     * @param call the call
     * @return the stamp
     */
    public static long readLock(StampedLock lock, String call) {
        ManagedThread me = Hooks.managed();
        return me == null ? lock.readLock() : blocking(me).stamp(me, lock, false,
                Blocking.FOREVER, call + "()");
    }

    /**
     * {@code stampedLock.tryWriteLock(time, unit)}.
     *
     * @param lock the lock
     * @param time the time
     * @param unit its unit
     * @param call the call
     * @return the stamp, or 0 if its time ran out
     * @throws InterruptedException if interrupted outside a model check
     */
    public static long tryWriteLock(StampedLock lock, long time, TimeUnit unit, String call)
            throws InterruptedException {
        ManagedThread me = Hooks.managed();
        return me == null ? lock.tryWriteLock(time, unit) : blocking(me).stamp(me, lock, true,
                nanos(time, unit), call + "(" + time + ", " + unit + ")");
    }

    /**
     * {@code stampedLock.tryReadLock(time, unit)}.
     *
     * @param lock the lock
     * @param time the time
     * @param unit its unit
     * @param call the call
     * @return the stamp, or 0 if its time ran out
     * @throws InterruptedException if interrupted outside a model check
     */
    public static long tryReadLock(StampedLock lock, long time, TimeUnit unit, String call)
            throws InterruptedException {
        ManagedThread me = Hooks.managed();
        return me == null ? lock.tryReadLock(time, unit) : blocking(me).stamp(me, lock, false,
                nanos(time, unit), call + "(" + time + ", " + unit + ")");
    }

    /**
     * {@code stampedLock.unlockWrite(stamp)}.
     *
     * @param lock the lock
     * @param stamp the stamp
     * @param call the call
     */
    public static void unlockWrite(StampedLock lock, long stamp, String call) {
        lock.unlockWrite(stamp);
        letGo(lock, call);
    }

    /**
     * {@code stampedLock.unlockRead(stamp)}.
     *
     * @param lock the lock
     * @param stamp the stamp
     * @param call the call
     */
    public static void unlockRead(StampedLock lock, long stamp, String call) {
        lock.unlockRead(stamp);
        letGo(lock, call);
    }

    /**
     * {@code stampedLock.unlock(stamp)}.
     *
     * @param lock the lock
     * @param stamp the stamp
     * @param call the call
     */
    public static void unlockStamp(StampedLock lock, long stamp, String call) {
        lock.unlock(stamp);
        letGo(lock, call);
    }

    private static void letGo(Object sync, String call) {
        ManagedThread me = Hooks.managed();
        if (me != null) {
            blocking(me).released(me, sync, call + "()");
        }
    }

    /**
     * {@code semaphore.acquire()} and {@code acquireUninterruptibly()}.
     *
     * @param semaphore the semaphore
     * @param call the call
     * @throws InterruptedException if interrupted outside a model check
     */
    public static void acquire(Semaphore semaphore, String call) throws InterruptedException {
        acquire(semaphore, 1, call);
    }

    /**
     * {@code semaphore.acquire(permits)} and {@code acquireUninterruptibly(permits)}.
     *
     * @param semaphore the semaphore
     * @param permits how many
     * @param call the call
     * @throws InterruptedException if interrupted outside a model check
     */
    public static void acquire(Semaphore semaphore, int permits, String call)
            throws InterruptedException {
        ManagedThread me = Hooks.managed();
        if (me == null) {
            semaphore.acquire(permits);
        } else {
            blocking(me).acquire(me, semaphore, permits, Blocking.FOREVER, call + "(" + permits
                    + ")");
        }
    }

    /**
     * {@code semaphore.tryAcquire(time, unit)}.
     *
     * @param semaphore the semaphore
     * @param time the time
     * @param unit its unit
     * @param call the call
     * @return whether a permit was taken
     * @throws InterruptedException if interrupted outside a model check
     */
    public static boolean tryAcquire(Semaphore semaphore, long time, TimeUnit unit, String call)
            throws InterruptedException {
        return tryAcquire(semaphore, 1, time, unit, call);
    }

    /**
     * {@code semaphore.tryAcquire(permits, time, unit)}.
     *
     * @param semaphore the semaphore
     * @param permits how many
     * @param time the time
     * @param unit its unit
     * @param call the call
     * @return whether the permits were taken
     * @throws InterruptedException if interrupted outside a model check
     */
    public static boolean tryAcquire(Semaphore semaphore, int permits, long time, TimeUnit unit,
            String call) throws InterruptedException {
        ManagedThread me = Hooks.managed();
        if (me == null) {
            return semaphore.tryAcquire(permits, time, unit);
        }
        return blocking(me).acquire(me, semaphore, permits, nanos(time, unit), call + "("
                + permits + ", " + time + ", " + unit + ")");
    }

    /**
     * {@code semaphore.release()}.
     *
     * @param semaphore the semaphore
     * @param call the call
     */
    public static void release(Semaphore semaphore, String call) {
        semaphore.release();
        letGo(semaphore, call);
    }

    /**
     * {@code semaphore.release(permits)}.
     *
     * @param semaphore the semaphore
     * @param permits how many
     * @param call the call
     */
    public static void release(Semaphore semaphore, int permits, String call) {
        semaphore.release(permits);
        letGo(semaphore, call);
    }

    /**
     * {@code latch.await()}.
     *
     * @param latch the latch
     * @param call the call
     * @throws InterruptedException if interrupted outside a model check
     */
    public static void await(CountDownLatch latch, String call) throws InterruptedException {
        ManagedThread me = Hooks.managed();
        if (me == null) {
            latch.await();
        } else {
            blocking(me).await(me, latch, Blocking.FOREVER, call + "()");
        }
    }

    /**
     * {@code latch.await(time, unit)}.
     *
     * @param latch the latch
     * @param time the time
     * @param unit its unit
     * @param call the call
     * @return whether the count reached 0 before the time ran out
     * @throws InterruptedException if interrupted outside a model check
     */
    public static boolean await(CountDownLatch latch, long time, TimeUnit unit, String call)
            throws InterruptedException {
        ManagedThread me = Hooks.managed();
        if (me == null) {
            return latch.await(time, unit);
        }
        return blocking(me).await(me, latch, nanos(time, unit), call + "(" + time + ", " + unit
                + ")");
    }

    /**
     * {@code latch.countDown()}.
     *
     * @param latch the latch
     * @param call the call
     */
    public static void countDown(CountDownLatch latch, String call) {
        latch.countDown();
        letGo(latch, call);
    }

    /**
     * {@code monitor.wait()}.
     *
     * @param monitor the object
     * @param call the call
     * @throws InterruptedException if interrupted outside a model check
     */
    public static void objectWait(Object monitor, String call) throws InterruptedException {
        ManagedThread me = Hooks.managed();
        if (me == null) {
            monitor.wait();
        } else {
            blocking(me).monitorWait(me, monitor, Blocking.FOREVER, call + "()");
        }
    }

    /**
     * {@code monitor.wait(millis)}: a timed wait, whose time runs out when the checker says.
     *
     * @param monitor the object
     * @param millis the time; 0 waits without a limit
     * @param call the call
     * @throws InterruptedException if interrupted outside a model check
     */
    public static void objectWait(Object monitor, long millis, String call)
            throws InterruptedException {
        ManagedThread me = Hooks.managed();
        if (me == null) {
            monitor.wait(millis);
        } else {
            blocking(me).monitorWait(me, monitor, millis == 0 ? Blocking.FOREVER
                    : TimeUnit.MILLISECONDS.toNanos(millis), call + "(" + millis + ")");
        }
    }

    /**
     * {@code monitor.wait(millis, nanos)}.
     *
     * @param monitor the object
     * @param millis the milliseconds
     * @param nanos the nanoseconds more
     * @param call the call
     * @throws InterruptedException if interrupted outside a model check
     */
    public static void objectWait(Object monitor, long millis, int nanos, String call)
            throws InterruptedException {
        ManagedThread me = Hooks.managed();
        if (me == null) {
            monitor.wait(millis, nanos);
        } else {
            long time = TimeUnit.MILLISECONDS.toNanos(millis) + nanos;
            blocking(me).monitorWait(me, monitor, time == 0 ? Blocking.FOREVER : time, call + "("
                    + millis + ", " + nanos + ")");
        }
    }

    /**
     * {@code monitor.notify()}.
     *
     * @param monitor the object
     * @param call the call
     */
    public static void objectNotify(Object monitor, String call) {
        ManagedThread me = Hooks.managed();
        if (me == null) {
            monitor.notify();
        } else {
            blocking(me).monitorNotify(me, monitor, false, call + "()");
        }
    }

    /**
     * {@code monitor.notifyAll()}.
     *
     * @param monitor the object
     * @param call the call
     */
    public static void objectNotifyAll(Object monitor, String call) {
        ManagedThread me = Hooks.managed();
        if (me == null) {
            monitor.notifyAll();
        } else {
            blocking(me).monitorNotify(me, monitor, true, call + "()");
        }
    }

    /**
     * {@code LockSupport.park()}.
     *
     * @param call the call
     */
    public static void park(String call) {
        park(null, call);
    }

    /**
     * {@code LockSupport.park(blocker)}.
     *
     * @param blocker what the thread waits for
     * @param call the call
     */
    public static void park(Object blocker, String call) {
        ManagedThread me = Hooks.managed();
        if (me == null) {
            LockSupport.park(blocker);
        } else {
            blocking(me).park(me, Blocking.FOREVER, call + "()");
        }
    }

    /**
     * {@code LockSupport.parkNanos(nanos)}.
     *
     * @param nanos the time
     * @param call the call
     */
    public static void parkNanos(long nanos, String call) {
        parkNanos(null, nanos, call);
    }

    /**
     * {@code LockSupport.parkNanos(blocker, nanos)}: a timed park.
     *
     * @param blocker what the thread waits for
     * @param nanos the time
     * @param call the call
     */
    public static void parkNanos(Object blocker, long nanos, String call) {
        ManagedThread me = Hooks.managed();
        if (me == null) {
            LockSupport.parkNanos(blocker, nanos);
        } else if (nanos > 0) {
            blocking(me).park(me, nanos, call + "(" + nanos + ")");
        } else {
            blocking(me).ranOutAtOnce(me);
        }
    }

    /**
     * {@code LockSupport.parkUntil(deadline)}.
     *
     * @param deadline the deadline
     * @param call the call
     */
    public static void parkUntil(long deadline, String call) {
        parkUntil(null, deadline, call);
    }

    /**
     * {@code LockSupport.parkUntil(blocker, deadline)}: a timed park.
     *
     * @param blocker what the thread waits for
     * @param deadline the deadline
     * @param call the call
     */
    public static void parkUntil(Object blocker, long deadline, String call) {
        ManagedThread me = Hooks.managed();
        if (me == null) {
            LockSupport.parkUntil(blocker, deadline);
        } else {
            long nanos = TimeUnit.MILLISECONDS.toNanos(deadline - currentTimeMillis(call));
            if (nanos > 0) {
                blocking(me).park(me, nanos, call + "()");
            } else {
                blocking(me).ranOutAtOnce(me);
            }
        }
    }

    /**
     * {@code LockSupport.unpark(thread)}.
     *
     * @param thread the thread
     * @param call the call
     */
    public static void unpark(Thread thread, String call) {
        ManagedThread me = Hooks.managed();
        if (me == null || thread == null) {
            LockSupport.unpark(thread);
        } else {
            blocking(me).unpark(me, thread, call + "(" + thread.getName() + ")");
        }
    }

    /**
     * {@code Thread.sleep(millis)}: no time passes; the sleeper goes on when the checker
     * chooses, as if its time had run out.
     *
     * @param millis the time
     * @param call the call
     * @throws InterruptedException if interrupted outside a model check
     */
    public static void sleep(long millis, String call) throws InterruptedException {
        ManagedThread me = Hooks.managed();
        if (me == null) {
            Thread.sleep(millis);
        } else {
            blocking(me).sleep(me, TimeUnit.MILLISECONDS.toNanos(millis), call + "(" + millis
                    + ")");
        }
    }

    /**
     * {@code Thread.sleep(millis, nanos)}.
     *
     * @param millis the milliseconds
     * @param nanos the nanoseconds more
     * @param call the call
     * @throws InterruptedException if interrupted outside a model check
     */
    public static void sleep(long millis, int nanos, String call) throws InterruptedException {
        ManagedThread me = Hooks.managed();
        if (me == null) {
            Thread.sleep(millis, nanos);
        } else {
            blocking(me).sleep(me, TimeUnit.MILLISECONDS.toNanos(millis) + nanos, call + "("
                    + millis + ", " + nanos + ")");
        }
    }

    /**
     * {@code unit.timedWait(monitor, timeout)}: the JDK's wait on a monitor with a time in any
     * unit, a timed wait like {@code monitor.wait(millis)}. A timeout of 0 or less returns at
     * once, as in the JDK.
     *
     * @param unit the timeout's unit
     * @param monitor the object
     * @param timeout the time
     * @param call the call
     * @throws InterruptedException if interrupted outside a model check
     */
    public static void timedWait(TimeUnit unit, Object monitor, long timeout, String call)
            throws InterruptedException {
        ManagedThread me = Hooks.managed();
        if (me == null) {
            unit.timedWait(monitor, timeout);
        } else if (timeout > 0) {
            blocking(me).monitorWait(me, monitor, unit.toNanos(timeout), call + "(" + timeout
                    + ")");
        } else {
            blocking(me).ranOutAtOnce(me);
        }
    }

    /**
     * {@code unit.sleep(timeout)}: a sleep like {@code Thread.sleep}, with a time in any unit.
     *
     * @param unit the timeout's unit
     * @param timeout the time; 0 or less returns at once
     * @param call the call
     * @throws InterruptedException if interrupted outside a model check
     */
    public static void timeUnitSleep(TimeUnit unit, long timeout, String call)
            throws InterruptedException {
        ManagedThread me = Hooks.managed();
        if (me == null) {
            unit.sleep(timeout);
        } else if (timeout > 0) {
            blocking(me).sleep(me, unit.toNanos(timeout), call + "(" + timeout + ")");
        }
    }

    /**
     * {@code System.nanoTime()}: on a scenario's thread, the run's clock, which moves only when
     * the checker lets a wait's time run out. Not a step.
     *
     * @param call the call
     * @return the time in nanoseconds
     */
    public static long nanoTime(String call) {
        ManagedThread me = Hooks.managed();
        return me == null ? System.nanoTime() : me.run.now();
    }

    /**
     * {@code System.currentTimeMillis()}: on a scenario's thread, the run's clock. Not a step.
     *
     * @param call the call
     * @return the time in milliseconds
     */
    public static long currentTimeMillis(String call) {
        ManagedThread me = Hooks.managed();
        return me == null ? System.currentTimeMillis()
                : TimeUnit.NANOSECONDS.toMillis(me.run.now());
    }

    /** A timed call's time in nanoseconds: 0 for none, so that it makes one attempt. */
    private static long nanos(long time, TimeUnit unit) {
        return time <= 0 ? 0 : Math.max(1, unit.toNanos(time));
    }
}

package threadlab.grader.testjvm.modelcheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * The JDK calls that {@link Instrumenter} replaces with a hook of the same effect: the blocking
 * calls that {@link BlockingHooks} models, and the atomics' calls that run the exercise's
 * function, which {@link AtomicHooks} explores as the retries they are. A hook takes the call's
 * receiver (if any) and arguments, then the call as the interleaving shows it.
 */
final class Replacements {

    private static final String LOCKS = "java/util/concurrent/locks/";
    private static final String ATOMIC = "java/util/concurrent/atomic/";
    private static final Set<String> LOCK = Set.of(LOCKS + "Lock", LOCKS + "ReentrantLock",
            LOCKS + "ReentrantReadWriteLock$ReadLock", LOCKS + "ReentrantReadWriteLock$WriteLock");
    private static final Set<String> CONDITION = Set.of(LOCKS + "Condition",
            LOCKS + "AbstractQueuedSynchronizer$ConditionObject",
            LOCKS + "AbstractQueuedLongSynchronizer$ConditionObject");
    private static final Set<String> STAMPED = Set.of(LOCKS + "StampedLock");
    private static final Set<String> SEMAPHORE = Set.of("java/util/concurrent/Semaphore");
    private static final Set<String> LATCH = Set.of("java/util/concurrent/CountDownLatch");
    private static final Set<String> PARK = Set.of(LOCKS + "LockSupport");
    private static final Set<String> THREAD = Set.of("java/lang/Thread");
    private static final Set<String> SYSTEM = Set.of("java/lang/System");
    private static final Set<String> TIME_UNIT = Set.of("java/util/concurrent/TimeUnit");
    private static final Set<String> INT = Set.of(ATOMIC + "AtomicInteger");
    private static final Set<String> LONG = Set.of(ATOMIC + "AtomicLong");
    private static final Set<String> REFERENCE = Set.of(ATOMIC + "AtomicReference");
    private static final Set<String> UPDATER = Set.of(ATOMIC + "AtomicIntegerFieldUpdater");
    /** Any owner: the final methods of {@code Object}. */
    private static final Set<String> ANY = Set.of();

    /** Calls whose result is a view of their receiver, recorded by {@link Views}. */
    private static final Set<String> VIEW_OWNERS = Set.of(LOCKS + "ReadWriteLock",
            LOCKS + "ReentrantReadWriteLock", LOCKS + "StampedLock", LOCKS + "Lock",
            LOCKS + "ReentrantLock", LOCKS + "ReentrantReadWriteLock$WriteLock");
    private static final Set<String> VIEW_CALLS = Set.of("readLock()", "writeLock()",
            "asReadLock()", "asWriteLock()", "asReadWriteLock()", "newCondition()");

    /**
     * A replacement.
     *
     * @param owners the classes whose call it replaces, or none for any
     * @param hooks the hook's class
     * @param hook the hook's name
     * @param receiver the hook's type for the receiver, or {@code null} for a static call
     */
    private record Replacement(Set<String> owners, String hooks, String hook, String receiver) {
    }

    private static final Map<String, List<Replacement>> BY_CALL = new HashMap<>();

    static {
        String blocking = Type.getInternalName(BlockingHooks.class);
        String atomic = Type.getInternalName(AtomicHooks.class);
        String lock = "L" + LOCKS + "Lock;";
        add(LOCK, blocking, lock, "lock", "lock()V", "lockInterruptibly()V");
        add(LOCK, blocking, lock, "tryLock", "tryLock(JLjava/util/concurrent/TimeUnit;)Z");
        add(LOCK, blocking, lock, "unlock", "unlock()V");
        String condition = "L" + LOCKS + "Condition;";
        add(CONDITION, blocking, condition, "await", "await()V", "awaitUninterruptibly()V",
                "await(JLjava/util/concurrent/TimeUnit;)Z");
        add(CONDITION, blocking, condition, "awaitNanos", "awaitNanos(J)J");
        add(CONDITION, blocking, condition, "awaitUntil", "awaitUntil(Ljava/util/Date;)Z");
        add(CONDITION, blocking, condition, "signal", "signal()V");
        add(CONDITION, blocking, condition, "signalAll", "signalAll()V");
        String stamped = "L" + LOCKS + "StampedLock;";
        add(STAMPED, blocking, stamped, "writeLock", "writeLock()J", "writeLockInterruptibly()J");
        add(STAMPED, blocking, stamped, "readLock", "readLock()J", "readLockInterruptibly()J");
        add(STAMPED, blocking, stamped, "tryWriteLock",
                "tryWriteLock(JLjava/util/concurrent/TimeUnit;)J");
        add(STAMPED, blocking, stamped, "tryReadLock",
                "tryReadLock(JLjava/util/concurrent/TimeUnit;)J");
        add(STAMPED, blocking, stamped, "unlockWrite", "unlockWrite(J)V");
        add(STAMPED, blocking, stamped, "unlockRead", "unlockRead(J)V");
        add(STAMPED, blocking, stamped, "unlockStamp", "unlock(J)V");
        String semaphore = "Ljava/util/concurrent/Semaphore;";
        add(SEMAPHORE, blocking, semaphore, "acquire", "acquire()V", "acquireUninterruptibly()V",
                "acquire(I)V", "acquireUninterruptibly(I)V");
        add(SEMAPHORE, blocking, semaphore, "tryAcquire",
                "tryAcquire(JLjava/util/concurrent/TimeUnit;)Z",
                "tryAcquire(IJLjava/util/concurrent/TimeUnit;)Z");
        add(SEMAPHORE, blocking, semaphore, "release", "release()V", "release(I)V");
        String latch = "Ljava/util/concurrent/CountDownLatch;";
        add(LATCH, blocking, latch, "await", "await()V",
                "await(JLjava/util/concurrent/TimeUnit;)Z");
        add(LATCH, blocking, latch, "countDown", "countDown()V");
        String object = "Ljava/lang/Object;";
        add(ANY, blocking, object, "objectWait", "wait()V", "wait(J)V", "wait(JI)V");
        add(ANY, blocking, object, "objectNotify", "notify()V");
        add(ANY, blocking, object, "objectNotifyAll", "notifyAll()V");
        add(PARK, blocking, null, "park", "park()V", "park(Ljava/lang/Object;)V");
        add(PARK, blocking, null, "parkNanos", "parkNanos(J)V", "parkNanos(Ljava/lang/Object;J)V");
        add(PARK, blocking, null, "parkUntil", "parkUntil(J)V", "parkUntil(Ljava/lang/Object;J)V");
        add(PARK, blocking, null, "unpark", "unpark(Ljava/lang/Thread;)V");
        add(THREAD, blocking, null, "sleep", "sleep(J)V", "sleep(JI)V");
        String unit = "Ljava/util/concurrent/TimeUnit;";
        add(TIME_UNIT, blocking, unit, "timedWait", "timedWait(Ljava/lang/Object;J)V");
        add(TIME_UNIT, blocking, unit, "timeUnitSleep", "sleep(J)V");
        add(SYSTEM, blocking, null, "nanoTime", "nanoTime()J");
        add(SYSTEM, blocking, null, "currentTimeMillis", "currentTimeMillis()J");
        addFunctional(INT, atomic, "L" + ATOMIC + "AtomicInteger;", "(Ljava/util/function/"
                + "IntUnaryOperator;)I", "(ILjava/util/function/IntBinaryOperator;)I");
        addFunctional(LONG, atomic, "L" + ATOMIC + "AtomicLong;", "(Ljava/util/function/"
                + "LongUnaryOperator;)J", "(JLjava/util/function/LongBinaryOperator;)J");
        addFunctional(REFERENCE, atomic, "L" + ATOMIC + "AtomicReference;", "(Ljava/util/"
                + "function/UnaryOperator;)Ljava/lang/Object;", "(Ljava/lang/Object;Ljava/util/"
                + "function/BinaryOperator;)Ljava/lang/Object;");
        addFunctional(UPDATER, atomic, "L" + ATOMIC + "AtomicIntegerFieldUpdater;",
                "(Ljava/lang/Object;Ljava/util/function/IntUnaryOperator;)I",
                "(Ljava/lang/Object;ILjava/util/function/IntBinaryOperator;)I");
    }

    private Replacements() {
    }

    private static void add(Set<String> owners, String hooks, String receiver, String hook,
            String... calls) {
        for (String call : calls) {
            BY_CALL.computeIfAbsent(call, c -> new ArrayList<>())
                    .add(new Replacement(owners, hooks, hook, receiver));
        }
    }

    private static void addFunctional(Set<String> owners, String hooks, String receiver,
            String update, String accumulate) {
        add(owners, hooks, receiver, "updateAndGet", "updateAndGet" + update);
        add(owners, hooks, receiver, "getAndUpdate", "getAndUpdate" + update);
        add(owners, hooks, receiver, "accumulateAndGet", "accumulateAndGet" + accumulate);
        add(owners, hooks, receiver, "getAndAccumulate", "getAndAccumulate" + accumulate);
    }

    /**
     * The hook that replaces a call, or {@code null} if the call is not replaced.
     *
     * @param call the call
     * @return the hook's call, to put where the call was after the label is pushed
     */
    static MethodInsnNode hookFor(MethodInsnNode call) {
        List<Replacement> candidates = BY_CALL.get(call.name + call.desc);
        if (candidates == null || call.name.equals("<init>")) {
            return null;
        }
        boolean isStatic = call.getOpcode() == Opcodes.INVOKESTATIC;
        for (Replacement r : candidates) {
            boolean owner = r.owners().isEmpty() ? call.getOpcode() == Opcodes.INVOKEVIRTUAL
                    : r.owners().contains(call.owner);
            if (owner && isStatic == (r.receiver() == null)) {
                Type type = Type.getMethodType(call.desc);
                StringBuilder desc = new StringBuilder("(");
                if (r.receiver() != null) {
                    desc.append(r.receiver());
                }
                for (Type argument : type.getArgumentTypes()) {
                    desc.append(argument.getDescriptor());
                }
                desc.append("Ljava/lang/String;)").append(type.getReturnType().getDescriptor());
                return new MethodInsnNode(Opcodes.INVOKESTATIC, r.hooks(), r.hook(),
                        desc.toString(), false);
            }
        }
        return null;
    }

    /** Whether a call gives a view of its receiver, such as {@code lock.newCondition()}. */
    static boolean givesView(MethodInsnNode call) {
        return call.getOpcode() != Opcodes.INVOKESTATIC && VIEW_OWNERS.contains(call.owner)
                && VIEW_CALLS.contains(call.name + call.desc.substring(0,
                call.desc.indexOf(')') + 1));
    }
}

package threadlab.grader.testjvm.modelcheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One run of a scenario, in one interleaving. Its threads take turns: one runs at a time, and at
 * each step it asks the run who goes next. The first choices come from the prefix the explorer
 * gives; after it, the thread that runs goes on while it can.
 *
 * <p>Only the thread whose turn it is reads or changes the run's state, and the turn passes
 * through a volatile field, so each thread sees what the one before it did.
 */
final class Run {

    /** The turn of the thread that started the scenario's threads and waits for them. */
    static final int MAIN = -1;
    private static final int NONE = -2;

    /** Steps a thread may take in a row before the others get a turn without costing a switch. */
    static final int SPIN = 200;
    /** Steps a run may take in all: more, and its threads never finish. */
    static final int MAX_STEPS = 20_000;

    /** Ends a scenario's thread when its run is abandoned. */
    static final class Aborted extends Error {
        private static final long serialVersionUID = 1L;

        Aborted() {
            super("model check abandoned", null, false, false);
        }
    }

    /**
     * A point where more than one thread could go next.
     *
     * @param options the threads that could, the one taken by default first
     * @param chosen which of the options was taken
     * @param running the thread that was running and could go on, or {@link #MAIN}
     * @param switchesBefore the thread switches before this point
     */
    record Decision(List<Integer> options, int chosen, int running, int switchesBefore) {

        /** Whether taking the given option pauses a thread that could have gone on. */
        boolean isSwitch(int option) {
            return running != MAIN && options.get(option) != running;
        }
    }

    /**
     * A step as the interleaving shows it.
     *
     * @param thread the thread's index
     * @param depth how deep in calls of the exercise's methods
     * @param text what happened
     */
    record Step(int thread, int depth, String text) {
    }

    private final List<Integer> prefix;
    private final List<Decision> decisions = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private final Map<Object, ManagedThread> owners = new IdentityHashMap<>();
    private final Map<Object, Integer> holds = new IdentityHashMap<>();
    private final Map<Object, String> names = new IdentityHashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private final List<ManagedThread> threads = new ArrayList<>();
    private volatile int turn = MAIN;
    private volatile boolean aborted;
    private volatile String problem;
    private Thread main;
    private int running = MAIN;
    private int switches;
    private int inARow;
    private int total;
    private String deadlock;

    Run(List<Integer> prefix) {
        this.prefix = List.copyOf(prefix);
    }

    int turn() {
        return turn;
    }

    boolean aborted() {
        return aborted;
    }

    List<Decision> decisions() {
        return decisions;
    }

    List<Step> steps() {
        return steps;
    }

    int switches() {
        return switches;
    }

    boolean usedThreads() {
        return !threads.isEmpty();
    }

    int threadCount() {
        return threads.size();
    }

    /**
     * Runs bodies as threads of this run, one step at a time, and waits until all have ended.
     *
     * @param bodies what each thread runs
     * @param patience how long the threads may take
     * @return what each body threw, or {@code null}
     */
    Throwable[] parallel(Runnable[] bodies, long patience) {
        main = Thread.currentThread();
        int first = threads.size();
        for (int i = 0; i < bodies.length; i++) {
            threads.add(new ManagedThread(this, first + i, bodies[i]));
        }
        List<ManagedThread> started = threads.subList(first, threads.size());
        started.forEach(Thread::start);
        running = MAIN;
        passTo(choose(MAIN));
        long deadline = System.nanoTime() + patience;
        while (turn != MAIN) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                abort("the threads did not finish within " + TimeUnit.NANOSECONDS.toSeconds(
                        patience) + " s: one of them loops or waits for something that the model"
                        + " checker does not control (a wait(), a Condition, or a lock other than"
                        + " synchronized, a Lock and a Semaphore)");
                break;
            }
            LockSupport.parkNanos(this, left);
        }
        for (ManagedThread thread : started) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (problem != null) {
            throw new AssertionError("In this interleaving, " + problem + ".");
        }
        if (deadlock != null) {
            throw new AssertionError("The threads deadlocked: " + deadlock + ".");
        }
        return started.stream().map(t -> t.thrown).toArray(Throwable[]::new);
    }

    /** A step of the running thread: the point where it may be paused for another. */
    void step(ManagedThread me) {
        if (aborted) {
            throw new Aborted();
        }
        if (++total > MAX_STEPS) {
            abort("the threads took more than " + MAX_STEPS + " steps without finishing: they"
                    + " loop for ever in some interleaving");
            throw new Aborted();
        }
        inARow++;
        int next = choose(me.index);
        if (next != me.index) {
            handOver(me, next);
        }
    }

    /** Takes a lock for the running thread, waiting while another thread holds it. */
    void lock(ManagedThread me, Object lock, String text) {
        step(me);
        waitWhile(me, lock, () -> owners.containsKey(lock) && owners.get(lock) != me,
                () -> "is held by " + owners.get(lock).getName());
        owners.put(lock, me);
        holds.merge(lock, 1, Integer::sum);
        log(me, text);
    }

    /**
     * Takes a permit of a semaphore for the running thread, waiting while it has none. Only one
     * thread runs at a time, so the semaphore's own count of permits is the truth.
     */
    void acquire(ManagedThread me, Semaphore semaphore, String text) {
        step(me);
        waitWhile(me, semaphore, () -> semaphore.availablePermits() <= 0, () -> "has no permit");
        log(me, text);
    }

    /**
     * Lets the other threads go on while the running thread cannot: it is blocked on the object
     * until a thread lets go of it ({@link #wake}), and looks again when its turn comes. When no
     * thread can go on, the run ends in a deadlock.
     */
    private void waitWhile(ManagedThread me, Object blocker, BooleanSupplier cannot,
            Supplier<String> why) {
        while (cannot.getAsBoolean()) {
            log(me, "waits: " + name(blocker) + " " + why.get());
            me.state = ManagedThread.State.BLOCKED;
            me.blockedOn = blocker;
            int next = choose(me.index);
            if (next == NONE) {
                deadlocked();
                throw new Aborted();
            }
            handOver(me, next);
        }
        me.state = ManagedThread.State.RUNNABLE;
        me.blockedOn = null;
    }

    /** A permit went back to a semaphore: the threads waiting for one may try again. */
    void released(ManagedThread me, Object semaphore, String text) {
        log(me, text);
        wake(semaphore);
    }

    private void wake(Object blocker) {
        for (ManagedThread thread : threads) {
            if (thread.state == ManagedThread.State.BLOCKED && thread.blockedOn == blocker) {
                thread.state = ManagedThread.State.RUNNABLE;
                thread.blockedOn = null;
            }
        }
    }

    /** Lets go of a lock the running thread held. */
    void unlocked(ManagedThread me, Object lock, String text) {
        if (owners.get(lock) != me) {
            return;
        }
        log(me, text);
        int left = holds.merge(lock, -1, Integer::sum);
        if (left <= 0) {
            holds.remove(lock);
            owners.remove(lock);
            wake(lock);
        }
    }

    /** The running thread's body has ended: the next thread goes on, or main does. */
    void finished(ManagedThread me) {
        me.state = ManagedThread.State.FINISHED;
        int next = choose(me.index);
        if (next == NONE) {
            if (threads.stream().anyMatch(t -> t.state == ManagedThread.State.BLOCKED)) {
                deadlocked();
            } else {
                turn = MAIN;
                LockSupport.unpark(main);
            }
        } else {
            passTo(next);
        }
    }

    /** Records a step of the interleaving. */
    void log(ManagedThread me, String text) {
        steps.add(new Step(me.index, me.depth, text));
    }

    /** Adds to the running thread's last step, such as what a call returned. */
    void amendLast(ManagedThread me, String more) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step last = steps.get(i);
            if (last.thread() == me.index) {
                steps.set(i, new Step(last.thread(), last.depth(), last.text() + more));
                return;
            }
        }
    }

    /**
     * A short name for an object in the interleaving: its value for numbers, text and the
     * like, otherwise its class and a number that tells apart objects of the run.
     */
    String name(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof Enum) {
            return String.valueOf(value);
        }
        if (value instanceof String text) {
            return "\"" + text + "\"";
        }
        Class<?> type = value.getClass();
        if (type.isSynthetic() || type.getName().contains("$$Lambda")) {
            return "(a function)";
        }
        return names.computeIfAbsent(value, v -> {
            String simple = type.getSimpleName().isEmpty() ? type.getName()
                    : type.getSimpleName();
            return simple + "#" + counters.merge(simple, 1, Integer::sum);
        });
    }

    /** Abandons the run: every thread of it ends at its next step, and main goes on. */
    void abort(String why) {
        if (problem == null) {
            problem = why;
        }
        aborted = true;
        turn = MAIN;
        threads.forEach(LockSupport::unpark);
        if (main != null) {
            LockSupport.unpark(main);
        }
    }

    private void handOver(ManagedThread me, int next) {
        passTo(next);
        me.awaitTurn();
    }

    private void passTo(int next) {
        running = next;
        inARow = 0;
        turn = next;
        LockSupport.unpark(threads.get(next));
    }

    /**
     * Who goes next: the prefix's choice while it lasts, else the running thread if it can,
     * else the first that can after it.
     */
    private int choose(int current) {
        List<Integer> enabled = new ArrayList<>();
        for (ManagedThread thread : threads) {
            if (thread.state == ManagedThread.State.RUNNABLE) {
                enabled.add(thread.index);
            }
        }
        if (enabled.isEmpty()) {
            return NONE;
        }
        if (enabled.size() == 1) {
            return enabled.get(0);
        }
        boolean goesOn = current != MAIN && enabled.contains(current) && inARow <= SPIN;
        List<Integer> options = new ArrayList<>();
        if (goesOn) {
            options.add(current);
        }
        int start = current == MAIN ? 0 : current + 1;
        for (int i = 0; i < threads.size(); i++) {
            int index = (start + i) % threads.size();
            if (enabled.contains(index) && !options.contains(index)) {
                options.add(index);
            }
        }
        int at = decisions.size();
        int chosen = 0;
        if (at < prefix.size()) {
            chosen = options.indexOf(prefix.get(at));
            if (chosen < 0) {
                abort("the scenario did not do the same thing when run again with the same"
                        + " choices: what it does depends on something besides the order of its"
                        + " threads' steps, such as the clock or a random number");
                throw new Aborted();
            }
        }
        Decision decision = new Decision(List.copyOf(options), chosen, goesOn ? current : MAIN,
                switches);
        decisions.add(decision);
        if (decision.isSwitch(chosen)) {
            switches++;
        }
        return options.get(chosen);
    }

    /** No thread can go on, and some wait for locks: the run ends, and main reports it. */
    private void deadlocked() {
        deadlock = describeDeadlock();
        aborted = true;
        turn = MAIN;
        threads.forEach(LockSupport::unpark);
        LockSupport.unpark(main);
    }

    private String describeDeadlock() {
        List<String> waits = new ArrayList<>();
        for (ManagedThread thread : threads) {
            if (thread.state == ManagedThread.State.BLOCKED) {
                ManagedThread owner = owners.get(thread.blockedOn);
                waits.add(thread.getName() + " waits for " + name(thread.blockedOn)
                        + (owner == null ? "" : ", held by " + owner.getName()));
            }
        }
        return String.join("; ", waits);
    }
}

package threadlab.grader.testjvm.modelcheck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import threadlab.grader.api.VerdictError;
import threadlab.grader.protocol.Verdict;

/**
 * One run of a scenario, in one interleaving. Its threads take turns: one runs at a time, and at
 * each step it asks the run who goes next. The first choices come from the prefix the explorer
 * gives; after it, the thread that runs goes on while it can.
 *
 * <p>A thread that waits with a time limit may also be chosen while it waits: its time is then
 * up. So time passes only where the checker says, and both outcomes of a timed wait are explored.
 * A thread in a wait with no time limit ({@code wait()}, {@code await()}, {@code park()}) may be
 * chosen too, beside another thread that can go on: it then wakes with no wake-up, as the JDK
 * allows, so a wait that is not in a loop shows.
 * Blocking calls themselves are in {@link Blocking}; races are found by {@link RaceDetector}.
 *
 * <p>Only the thread whose turn it is reads or changes the run's state, and the turn passes
 * through a volatile field, so each thread sees what the one before it did.
 */
final class Run {

    /** The likely cause of a deadlock the checker finds. */
    static final String DEADLOCK_CAUSE = "a lock that is never unlocked (an unlock missing, or"
            + " not in a finally), or locks taken in different orders: unlock in a finally, and"
            + " take locks in one order";

    /** The likely cause of threads that take more than {@link #MAX_STEPS} steps. */
    private static final String ENDLESS = "the threads took more than ";
    static final String ENDLESS_CAUSE = "a busy-wait: a thread that waits by polling a field in a"
            + " loop instead of sleeping until another thread wakes it (wait(), await(), park()),"
            + " or a loop whose condition no other thread can change";

    /**
     * The likely cause of threads that take more than {@link #MAX_STEPS} steps when the one that
     * loops waits with a timeout again and again.
     */
    static final String TIMED_ENDLESS_CAUSE = "a wait in a loop that never ends: each time its"
            + " timeout runs out, the loop waits again, so its condition never changes (a"
            + " condition turned around, or one no other thread can change) or its timeout is 0"
            + " or too short for the thread it waits for";

    /** The turn of the thread that started the scenario's threads and waits for them. */
    static final int MAIN = -1;
    static final int NONE = -2;

    /** Steps a thread may take in a row before the others get a turn without costing a switch. */
    static final int SPIN = 200;
    /** Steps a run may take in all: more, and its threads never finish. */
    static final int MAX_STEPS = 20_000;
    /** Where the run's clock starts, in nanoseconds: the same on every run. */
    static final long CLOCK_START = TimeUnit.DAYS.toNanos(1);
    /** How long the running thread may stay blocked in a call the checker does not control. */
    static final long STUCK_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Ends a scenario's thread when its run is abandoned. */
    static final class Aborted extends Error {
        private static final long serialVersionUID = 1L;

        Aborted() {
            super("model check abandoned", null, false, false);
        }
    }

    /** The scenario blocks in a way the checker does not model: it cannot be checked. */
    static final class Unmodelled extends Error {
        private static final long serialVersionUID = 1L;

        Unmodelled(String why) {
            super(why, null, false, false);
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
    record Decision(List<Integer> options, int chosen, int running, int switchesBefore,
            int firstTimeout, int firstAlone) {

        /**
         * Whether taking the given option pauses a thread that could have gone on, or lets a
         * wait's time run out while another thread could go on: each costs one of the run's
         * switches, so that time cannot run on without end while a thread could act. A wake-up
         * by nothing costs none; each thread may have one per run.
         */
        boolean isSwitch(int option) {
            if (option >= firstAlone) {
                return false;
            }
            if (option >= firstTimeout) {
                return firstTimeout > 0;
            }
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

    private final int[] prefix;
    private final List<Decision> decisions = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private final Map<Object, String> names = new IdentityHashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private final List<ManagedThread> threads = new ArrayList<>();
    private final RaceDetector detector = new RaceDetector();
    private final Blocking blocking = new Blocking(this);
    private volatile int turn = MAIN;
    private volatile boolean aborted;
    private volatile String problem;
    private volatile String unmodelled;
    private volatile int total;
    private Thread main;
    private int running = MAIN;
    private int switches;
    private int inARow;
    private String deadlock;
    private RaceDetector.Race race;
    private int raceSteps;
    private long clock = CLOCK_START;

    Run(int[] prefix) {
        this.prefix = prefix.clone();
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

    List<ManagedThread> threads() {
        return threads;
    }

    Blocking blocking() {
        return blocking;
    }

    /**
     * The run's clock, in nanoseconds: it moves only when the checker lets a thread's time run
     * out, to that thread's deadline, so that time is part of the interleaving.
     */
    long now() {
        return clock;
    }

    /** The first race of this run, or {@code null}. */
    RaceDetector.Race race() {
        noteRace(detector.unvalidated()); // an optimistic read its thread never validated
        return race;
    }

    /** How many steps show the run up to its race: the racing access's own included. */
    int raceSteps() {
        return raceSteps;
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
        noteRace(detector.unvalidated()); // the threads before were joined without validating
        detector.reset();
        for (int i = 0; i < bodies.length; i++) {
            detector.started(first + i);
        }
        running = MAIN;
        turn = MAIN;
        for (int i = 0; i < bodies.length; i++) {
            threads.add(ManagedThread.serve(this, first + i, bodies[i]));
        }
        List<ManagedThread> started = threads.subList(first, threads.size());
        passTo(choose(MAIN));
        awaitThreads(patience);
        for (ManagedThread thread : started) {
            try {
                thread.awaitBack(TimeUnit.SECONDS.toMillis(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (unmodelled != null) {
            throw new Unmodelled(unmodelled);
        }
        if (problem != null && problem.startsWith(ENDLESS)) {
            throw new VerdictError(Verdict.of(Verdict.Kind.RACE, "In this interleaving, "
                    + problem + ".").withLikelyCause(endlessCause()));
        }
        if (problem != null) {
            throw new AssertionError("In this interleaving, " + problem + ".");
        }
        if (deadlock != null) {
            throw new VerdictError(Verdict.of(Verdict.Kind.RACE, "The threads deadlocked: "
                    + deadlock + ".").withLikelyCause(DEADLOCK_CAUSE));
        }
        return started.stream().map(t -> t.thrown).toArray(Throwable[]::new);
    }

    /**
     * Waits until the threads have ended, the patience runs out, or the running thread stays
     * blocked in a call the checker does not control: no other thread can then go on, so the
     * run is given up at once, with the call named.
     */
    private void awaitThreads(long patience) {
        long deadline = System.nanoTime() + patience;
        StuckWatch watch = new StuckWatch();
        while (turn != MAIN) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                abort("the threads did not finish within " + TimeUnit.NANOSECONDS.toSeconds(
                        patience) + " s: one of them loops or waits for something that the model"
                        + " checker does not control");
                return;
            }
            LockSupport.parkNanos(this, Math.min(left, StuckWatch.POLL_NANOS));
            int now = turn;
            String stuck = now >= 0 ? watch.look(threads.get(now), now, total) : null;
            if (stuck != null) {
                unmodelled = stuck;
                abort(stuck);
                return;
            }
        }
    }

    /**
     * Which thread loops, and where: the one that took the most steps, in the exercise's method
     * it was in, and how often its timed waits ran out there.
     */
    private String looping() {
        ManagedThread most = threads.stream().max(Comparator.comparingInt(t -> t.steps))
                .orElse(null);
        if (most == null || most.calls.isEmpty()) {
            return "";
        }
        int ranOut = most.timedOutInAll();
        return String.format(Locale.ROOT, ": %s took %,d of them in %s()%s", most.getName(),
                most.steps, most.calls.peek(), ranOut == 0 ? ""
                : String.format(Locale.ROOT, ", where the timeout of its timed wait ran out"
                        + " %,d times", ranOut));
    }

    /** The likely cause of a run that never ends, by what its looping thread did. */
    private String endlessCause() {
        boolean waits = threads.stream().max(Comparator.comparingInt(t -> t.steps))
                .map(t -> t.timedOutInAll() > 0).orElse(false);
        return waits ? TIMED_ENDLESS_CAUSE : ENDLESS_CAUSE;
    }

    /** A step of the running thread: the point where it may be paused for another. */
    void step(ManagedThread me) {
        if (aborted) {
            throw new Aborted();
        }
        me.steps++;
        if (++total > MAX_STEPS) {
            abort(ENDLESS + MAX_STEPS + " steps without finishing: they loop for ever in some"
                    + " interleaving" + looping());
            throw new Aborted();
        }
        inARow++;
        int next = choose(me.index);
        if (next != me.index) {
            handOver(me, next);
        }
    }

    /**
     * Blocks the running thread until it may go on: it is paused while others run, and goes on
     * when it is woken and chosen, or when the checker lets its time run out.
     *
     * @return whether its time ran out
     */
    boolean pause(ManagedThread me) {
        int next = choose(me.index);
        if (next == NONE) {
            deadlocked();
            throw new Aborted();
        }
        if (next != me.index) {
            if (me.realWait != null) {
                blocking.handOverInWait(me, next);
            } else {
                handOver(me, next);
            }
        }
        boolean timedOut = me.timedOut;
        if (timedOut) {
            me.timeoutsRanOut++;
        }
        me.timedOut = false;
        me.timed = false;
        me.blockedOn = null;
        return timedOut;
    }

    /**
     * Blocks the running thread while a condition holds, looking again each time the object is
     * let go of.
     *
     * @param nanos how long it may wait, or a negative number for as long as it takes
     * @return {@code false} if it gave up because its time ran out
     */
    boolean blockWhile(ManagedThread me, Object blocker, BooleanSupplier cannot, long nanos,
            Supplier<String> why) {
        long deadline = clock + nanos;
        while (cannot.getAsBoolean()) {
            log(me, "waits: " + name(blocker) + " " + why.get());
            me.state = ManagedThread.State.BLOCKED;
            me.blockedOn = blocker;
            me.timed = nanos > 0;
            me.deadline = deadline;
            if (pause(me)) {
                log(me, "gives up: its time ran out");
                return false;
            }
        }
        me.state = ManagedThread.State.RUNNABLE;
        me.blockedOn = null;
        return true;
    }

    /** Lets the threads blocked on an object look again. */
    void wake(Object blocker) {
        for (ManagedThread thread : threads) {
            if (thread.state == ManagedThread.State.BLOCKED && thread.blockedOn == blocker) {
                thread.state = ManagedThread.State.RUNNABLE;
            }
        }
    }

    /**
     * Which of the threads waiting for one wake-up gets it, as {@code Object.notify()} may wake
     * any of them: the one that waited longest by default, each other one at the cost of a
     * switch, so that the checker explores every choice within its bound.
     *
     * @param waiting the waiting threads, the longest waiting first
     * @return the index in {@code waiting} of the one to wake
     */
    int chooseWaiter(List<ManagedThread> waiting) {
        if (waiting.size() < 2) {
            return 0;
        }
        List<Integer> options = new ArrayList<>();
        waiting.forEach(t -> options.add(t.index));
        // As if the longest waiting were the running thread: any other costs a switch.
        return decide(options, options.get(0), options.size(), options.size());
    }

    /** Wakes a waiting thread: it goes on once chosen (and, after wait(), has its monitor). */
    void resume(ManagedThread thread) {
        thread.state = ManagedThread.State.RUNNABLE;
        thread.timedOut = false;
    }

    /** The running thread's body has ended: the next thread goes on, or main does. */
    void finished(ManagedThread me) {
        me.state = ManagedThread.State.FINISHED;
        int next = choose(me.index);
        if (next == NONE) {
            if (threads.stream().anyMatch(t -> t.state != ManagedThread.State.FINISHED)) {
                deadlocked();
            } else {
                turn = MAIN;
                LockSupport.unpark(main);
            }
        } else {
            passTo(next);
        }
    }

    /** An access to a plain field or array element: a race if unordered with an earlier one. */
    void access(ManagedThread me, Object target, Object part, Site site) {
        noteRace(detector.access(me.index, me.getName(), target, part, site));
    }

    private void noteRace(RaceDetector.Race found) {
        if (found != null && race == null) {
            race = found;
            raceSteps = steps.size() + 1;
        }
    }

    /**
     * The running thread called a stamped lock: {@code tryOptimisticRead()} starts its
     * optimistic reads, any other call ends them.
     */
    void stamped(ManagedThread me, Object lock, String call) {
        if (call.endsWith(".tryOptimisticRead")) {
            detector.optimisticRead(me.index, lock);
        } else {
            noteRace(detector.settled(me.index, lock, call.endsWith(".validate")));
        }
    }

    /** The object that stands for a volatile field of an object, for {@link #acquire}. */
    Object volatileKey(Object target, String key) {
        return detector.volatileKey(target, key);
    }

    /** The running thread takes what an earlier release of the object published. */
    void acquire(ManagedThread me, Object sync) {
        detector.acquire(me.index, Views.canonical(sync));
    }

    /** The running thread publishes what it did through the object. */
    void release(ManagedThread me, Object sync) {
        detector.release(me.index, Views.canonical(sync));
    }

    /** Both: a read-modify-write of an atomic, or a call to a synchroniser. */
    void acquireAndRelease(ManagedThread me, Object sync) {
        detector.acquireAndRelease(me.index, Views.canonical(sync));
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

    /** Gives up the run, as the scenario does something the checker cannot model. */
    void unmodelled(String why) {
        if (unmodelled == null) {
            unmodelled = why;
        }
        abort(why);
    }

    void handOver(ManagedThread me, int next) {
        passTo(next);
        me.awaitTurn();
    }

    void passTo(int next) {
        running = next;
        inARow = 0;
        ManagedThread thread = threads.get(next);
        Object monitor = thread.realWait;
        if (monitor != null) {
            // The turn is given under the monitor the next thread really waits on: it sees its
            // turn only once it holds the monitor again, after this thread let go of it. Given
            // before, the next thread could run on, hold the monitor and give the turn back
            // while this one still waited to enter, and neither could go on.
            synchronized (monitor) {
                turn = next;
                monitor.notifyAll();
            }
        } else {
            turn = next;
        }
        LockSupport.unpark(thread);
    }

    /** Whether a thread may go on now: runnable, and its monitor free if it must take it. */
    private boolean canRun(ManagedThread thread) {
        return thread.state == ManagedThread.State.RUNNABLE && blocking.monitorFree(thread);
    }

    /**
     * Whether the checker may let a waiting thread's time run out now: the clock moves to the
     * earliest deadline first, so only the threads with that deadline may.
     */
    private boolean canTimeOut(ManagedThread thread, long earliest) {
        return isTimedWait(thread) && thread.deadline == earliest
                && blocking.monitorFree(thread);
    }

    /**
     * Whether the checker may end a thread's wait with no wake-up, as the JDK may: only a wait
     * with no time limit (a timed one's time running out is explored already), once per thread
     * and run, which is enough to show a wait that is not in a loop.
     */
    private boolean canWakeAlone(ManagedThread thread) {
        return thread.state == ManagedThread.State.WAITING && !thread.timed
                && thread.mayWakeAlone && !thread.wokeAloneOnce && blocking.monitorFree(thread);
    }

    private static boolean isTimedWait(ManagedThread thread) {
        return thread.timed && (thread.state == ManagedThread.State.BLOCKED
                || thread.state == ManagedThread.State.WAITING);
    }

    /**
     * Who goes next: the prefix's choice while it lasts, else the running thread if it can,
     * else the first that can after it. Threads whose wait may time out come after those that
     * can run: by default time passes only when no thread can go on.
     */
    private int choose(int current) {
        List<Integer> enabled = new ArrayList<>();
        List<Integer> timeouts = new ArrayList<>();
        List<Integer> alone = new ArrayList<>();
        long earliest = threads.stream().filter(Run::isTimedWait)
                .mapToLong(t -> t.deadline).min().orElse(Long.MAX_VALUE);
        int start = current == MAIN ? 0 : current + 1;
        for (int i = 0; i < threads.size(); i++) {
            ManagedThread thread = threads.get((start + i) % threads.size());
            if (canRun(thread)) {
                enabled.add(thread.index);
            } else if (canTimeOut(thread, earliest)) {
                timeouts.add(thread.index);
            } else if (canWakeAlone(thread)) {
                alone.add(thread.index);
            }
        }
        boolean goesOn = current != MAIN && enabled.contains(current) && inARow <= SPIN;
        List<Integer> options = new ArrayList<>();
        if (goesOn) {
            options.add(current);
        }
        enabled.stream().filter(i -> !options.contains(i)).forEach(options::add);
        int firstTimeout = options.size();
        options.addAll(timeouts);
        int firstAlone = options.size();
        if (!options.isEmpty()) {
            // Only beside another way on: a wait that ends by nothing when nothing else can
            // happen would hide a deadlock behind an endless loop of waits.
            options.addAll(alone);
        }
        if (options.isEmpty()) {
            return NONE;
        }
        int chosen = options.size() == 1 ? 0 : decide(options, goesOn ? current : MAIN,
                firstTimeout, firstAlone);
        return take(options.get(chosen));
    }

    private int decide(List<Integer> options, int goingOn, int firstTimeout, int firstAlone) {
        int at = decisions.size();
        int chosen = 0;
        if (at < prefix.length) {
            chosen = options.indexOf(prefix[at]);
            if (chosen < 0) {
                abort("the scenario did not do the same thing when run again with the same"
                        + " choices: what it does depends on something besides the order of its"
                        + " threads' steps, such as the clock or a random number");
                throw new Aborted();
            }
        }
        Decision decision = new Decision(List.copyOf(options), chosen, goingOn, switches,
                firstTimeout, firstAlone);
        decisions.add(decision);
        if (decision.isSwitch(chosen)) {
            switches++;
        }
        return chosen;
    }

    /**
     * The chosen thread goes next. If it was waiting, its time ran out and the clock moved; or,
     * for a wait with no time limit, it woke with no wake-up at all.
     */
    private int take(int index) {
        ManagedThread thread = threads.get(index);
        if (thread.state != ManagedThread.State.RUNNABLE) {
            thread.state = ManagedThread.State.RUNNABLE;
            if (thread.timed) {
                thread.timedOut = true;
                clock = Math.max(clock, thread.deadline);
            } else {
                thread.wokeAlone = true;
                thread.wokeAloneOnce = true;
            }
        }
        return index;
    }

    /** No thread can go on, and some wait: the run ends, and main reports it. */
    private void deadlocked() {
        deadlock = blocking.describeDeadlock();
        aborted = true;
        turn = MAIN;
        threads.forEach(LockSupport::unpark);
        LockSupport.unpark(main);
    }
}

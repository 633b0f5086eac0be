package threadlab.grader.testjvm.modelcheck;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs a scenario once for each interleaving of its threads' steps, fewest thread switches first,
 * until one breaks it. A data race (two threads access a plain field, one writes, and nothing
 * orders them) breaks it too, even where the interleaving gives the right answer: the first
 * race is reported if no interleaving breaks the scenario's own checks. A switch is a point
 * where a thread that could have gone on was paused for another. Every interleaving with at
 * most {@link #MAX_SWITCHES} switches is tried, up to a number of runs; in the same order on
 * every run of the grader.
 *
 * <p>A scenario starts its threads with {@link #inParallel}, once, and checks what they did after
 * it returns; it throws to fail. Everything it does must depend only on the order of the
 * threads' steps: it runs again, from the start, for each interleaving.
 *
 * <p>Steps are those of the classes the {@link Agent} rewrote: in other code, a thread runs on
 * without a pause.
 */
public final class ModelChecker {

    /** The most thread switches in an interleaving. Races between two threads need one or two. */
    public static final int MAX_SWITCHES = 2;

    /** How long a run's threads may take before the run counts as stuck. */
    static final Duration PATIENCE = Duration.ofSeconds(20);

    private static volatile Run current;

    private ModelChecker() {
    }

    /**
     * An interleaving that broke the scenario.
     *
     * @param thrown what the scenario threw
     * @param interleaving the threads' steps, a column per thread
     * @param switches how many thread switches this one has
     */
    public record Failure(Throwable thrown, String interleaving, int switches) {
    }

    /**
     * What a model check found.
     *
     * @param failure the first interleaving that broke the scenario, if one did, or else the
     *     first that raced
     * @param runs how many interleavings were tried
     * @param complete whether every interleaving within the bounds was tried
     * @param unmodelled why the scenario could not be checked, if it blocks in a call the checker
     *     does not model; then there is no failure
     */
    public record Outcome(Optional<Failure> failure, int runs, boolean complete,
            Optional<String> unmodelled) {

        /** An outcome of a scenario the checker could check. */
        Outcome(Optional<Failure> failure, int runs, boolean complete) {
            this(failure, runs, complete, Optional.empty());
        }
    }

    /**
     * Checks a scenario in every interleaving with at most {@link #MAX_SWITCHES} switches, up to
     * {@code maxRuns} of them, and stops at the first that breaks it.
     *
     * @param maxRuns the most interleavings to try
     * @param scenario the scenario
     * @return what was found
     * @throws IllegalStateException if the exercise's classes were not rewritten for model
     *     checking, or the scenario does not behave the same when run again
     */
    public static Outcome check(int maxRuns, Runnable scenario) {
        Objects.requireNonNull(scenario, "scenario");
        List<ArrayDeque<int[]>> byCost = new ArrayList<>();
        for (int i = 0; i <= MAX_SWITCHES; i++) {
            byCost.add(new ArrayDeque<>());
        }
        byCost.get(0).add(new int[0]);
        int runs = 0;
        boolean cut = false;
        Failure race = null;
        for (int cost = 0; cost <= MAX_SWITCHES; cost++) {
            ArrayDeque<int[]> queue = byCost.get(cost);
            while (!queue.isEmpty()) {
                if (runs == maxRuns) {
                    return new Outcome(Optional.ofNullable(race), runs, false);
                }
                int[] prefix = queue.poll();
                Run run = new Run(prefix);
                Throwable thrown = runOnce(run, scenario);
                runs++;
                Instrumenter.requireRewritten();
                if (thrown instanceof Run.Unmodelled unmodelled) {
                    return new Outcome(Optional.empty(), runs, false,
                            Optional.of(unmodelled.getMessage()));
                }
                if (thrown != null) {
                    return new Outcome(Optional.of(new Failure(thrown, Interleaving.table(run),
                            run.switches())), runs, false);
                }
                if (race == null && run.race() != null) {
                    race = new Failure(Races.failure(run.race()), Interleaving.table(run,
                            run.raceSteps()), run.switches());
                }
                if (!run.usedThreads()) {
                    return new Outcome(Optional.ofNullable(race), runs, true);
                }
                cut |= queueBranches(run, prefix.length, byCost, cost, maxRuns - runs);
            }
        }
        return new Outcome(Optional.ofNullable(race), runs, !cut);
    }

    /**
     * Queues each other choice the run could have made after its prefix, by the switches it
     * costs. A branch that could only run after the runs left are spent is never queued: a run
     * of a thread that spins makes a choice at every step, and a copy of its choices for each
     * of them would fill the heap for interleavings no check would try.
     *
     * @return whether a branch was left out for that reason
     */
    private static boolean queueBranches(Run run, int from, List<ArrayDeque<int[]>> byCost,
            int current, int runsLeft) {
        List<Run.Decision> decisions = run.decisions();
        int[] path = new int[decisions.size()];
        for (int i = 0; i < path.length; i++) {
            Run.Decision d = decisions.get(i);
            path[i] = d.options().get(d.chosen());
        }
        boolean cut = false;
        for (int at = from; at < decisions.size(); at++) {
            Run.Decision decision = decisions.get(at);
            for (int option = 1; option < decision.options().size(); option++) {
                int cost = decision.switchesBefore() + (decision.isSwitch(option) ? 1 : 0);
                if (cost > MAX_SWITCHES) {
                    continue;
                }
                int ahead = 0;
                for (int k = current; k <= cost; k++) {
                    ahead += byCost.get(k).size();
                }
                if (ahead >= runsLeft) {
                    cut = true;
                    continue;
                }
                int[] next = Arrays.copyOf(path, at + 1);
                next[at] = decision.options().get(option);
                byCost.get(cost).add(next);
            }
        }
        return cut;
    }

    private static Throwable runOnce(Run run, Runnable scenario) {
        current = run;
        try {
            scenario.run();
            return null;
        } catch (RuntimeException | Error e) {
            return e;
        } finally {
            current = null;
        }
    }

    /**
     * The time, for a scenario's checks: on a scenario's thread within a model check, the run's
     * clock, which moves only when the checker lets a wait's time run out; elsewhere the
     * machine's {@link System#nanoTime()}.
     *
     * @return the time in nanoseconds
     */
    public static long now() {
        ManagedThread me = Hooks.managed();
        return me == null ? System.nanoTime() : me.run.now();
    }

    /**
     * How many of the calling thread's timed waits and sleeps ran out in this run: on a
     * scenario's thread within a model check, a count that no clock decides; elsewhere 0.
     *
     * @return the count
     */
    public static int timeoutsRanOut() {
        ManagedThread me = Hooks.managed();
        return me == null ? 0 : me.timeoutsRanOut;
    }

    /**
     * Sleeps, for a scenario's own timing: on a scenario's thread within a model check, a wait
     * that only its time ends, so that the run's clock moves to its end once no thread can go on
     * before it; elsewhere a real sleep.
     *
     * @param time how long
     * @throws InterruptedException if interrupted outside a model check
     */
    public static void sleep(Duration time) throws InterruptedException {
        long nanos = time.toNanos();
        BlockingHooks.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000), "sleep");
    }

    /**
     * Runs bodies at once, each on a thread of its own, and waits until all have ended. Within
     * a model check, the threads take turns step by step in the interleaving of the run; outside
     * one, they are plain threads. What a body throws is thrown here.
     *
     * @param bodies what each thread runs
     */
    public static void inParallel(Runnable... bodies) {
        Run run = current;
        Throwable[] thrown;
        if (run == null) {
            thrown = plain(bodies);
        } else {
            thrown = run.parallel(bodies, PATIENCE.toNanos());
        }
        for (Throwable t : thrown) {
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
    }

    private static Throwable[] plain(Runnable[] bodies) {
        Throwable[] thrown = new Throwable[bodies.length];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            int index = i;
            Thread thread = new Thread(bodies[i], "Thread " + (i + 1));
            thread.setUncaughtExceptionHandler((t, e) -> thrown[index] = e);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a thread", e);
        }
        return thrown;
    }
}

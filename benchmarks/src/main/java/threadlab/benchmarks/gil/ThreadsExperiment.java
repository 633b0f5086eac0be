package threadlab.benchmarks.gil;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import threadlab.gil.GlobalInterpreterLock;
import threadlab.gil.Interpreter;
import threadlab.gil.InterpreterThread;
import threadlab.gil.Program;
import threadlab.gil.Sleep;
import threadlab.gil.Step;

/**
 * The lesson's experiment: two CPU-bound programs run one after the other, on two threads under
 * the GIL, and on two plain Java threads; then sleeping threads under the GIL.
 */
final class ThreadsExperiment {

    /**
     * What the experiment measured, each time the best of its rounds: the run that other work
     * on the machine disturbed least.
     *
     * @param stepsPerThread how many steps each CPU-bound program has
     * @param stepNanos how long one step takes on its own
     * @param rounds how many times each run was repeated
     * @param sequential both programs, one after the other, on one thread
     * @param withGil the two programs on two interpreter threads
     * @param withoutGil the two programs on two plain Java threads
     * @param sleepers how many threads slept
     * @param sleep how long each slept
     * @param sleeping the sleepers on the interpreter, from the first start to the last end
     */
    record Result(long stepsPerThread, double stepNanos, int rounds, Duration sequential,
            Duration withGil, Duration withoutGil, int sleepers, Duration sleep,
            Duration sleeping) {

        double ratio(Duration run) {
            return run.toNanos() / (double) sequential.toNanos();
        }
    }

    /** How much work one CPU-bound step does: rounds of a xorshift random number generator. */
    private static final int ROUNDS_PER_STEP = 400;

    private ThreadsExperiment() {
    }

    /**
     * Runs the experiment.
     *
     * @param quick a short run, only to check that it works
     * @param progress where to say what is being measured
     * @return the measurements
     * @throws Exception if a run fails, for example on an unfinished GIL
     */
    static Result run(boolean quick, Consumer<String> progress) throws Exception {
        Duration perProgram = quick ? Duration.ofMillis(20) : Duration.ofSeconds(1);
        int rounds = quick ? 1 : 5;
        double stepNanos = measureStep();
        long steps = Math.max(1, (long) (perProgram.toNanos() / stepNanos));
        progress.accept(String.format("CPU-bound: 2 programs of %,d steps (%.2f us each), %d"
                + " round(s)", steps, stepNanos / 1000, rounds));
        long[] sequential = new long[rounds];
        long[] withGil = new long[rounds];
        long[] withoutGil = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            sequential[r] = sequential(steps);
            withGil[r] = withGil(steps);
            withoutGil[r] = withoutGil(steps);
        }
        int sleepers = 4;
        Duration sleep = quick ? Duration.ofMillis(20) : Duration.ofSeconds(1);
        progress.accept(String.format("Sleepers: %d threads each sleep %s", sleepers,
                Report.duration(sleep)));
        long sleeping = sleepers(sleepers, sleep);
        return new Result(steps, stepNanos, rounds, Duration.ofNanos(best(sequential)),
                Duration.ofNanos(best(withGil)), Duration.ofNanos(best(withoutGil)),
                sleepers, sleep, Duration.ofNanos(sleeping));
    }

    /** One step of CPU-bound work on a thread's own state: no memory shared between threads. */
    private static Step cpuStep(long[] state) {
        return () -> {
            long x = state[8];
            for (int i = 0; i < ROUNDS_PER_STEP; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
            }
            state[8] = x;
        };
    }

    /** A CPU-bound step; its state is padded, so no two threads share a cache line. */
    static Step cpuStep() {
        long[] state = new long[17];
        state[8] = System.nanoTime() | 1;
        return cpuStep(state);
    }

    private static Program cpuProgram(long steps) {
        return Program.repeat(steps, cpuStep());
    }

    private static double measureStep() throws Exception {
        Step step = cpuProgram(1).iterator().next();
        for (int i = 0; i < 50_000; i++) {
            step.run();
        }
        int count = 100_000;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            step.run();
        }
        return (System.nanoTime() - start) / (double) count;
    }

    private static long sequential(long steps) throws Exception {
        Interpreter interpreter = new Interpreter(new GlobalInterpreterLock());
        Program first = cpuProgram(steps);
        Program second = cpuProgram(steps);
        long start = System.nanoTime();
        interpreter.run(first);
        interpreter.run(second);
        return System.nanoTime() - start;
    }

    private static long withGil(long steps) throws Exception {
        Interpreter interpreter = new Interpreter(new GlobalInterpreterLock());
        Program first = cpuProgram(steps);
        Program second = cpuProgram(steps);
        long start = System.nanoTime();
        List<InterpreterThread> threads = List.of(interpreter.start("cpu-1", first),
                interpreter.start("cpu-2", second));
        joinAll(threads);
        return System.nanoTime() - start;
    }

    private static long withoutGil(long steps) throws Exception {
        List<Program> programs = List.of(cpuProgram(steps), cpuProgram(steps));
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        long start = System.nanoTime();
        for (Program program : programs) {
            Thread thread = new Thread(() -> {
                try {
                    for (Step step : program) {
                        step.run();
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long took = System.nanoTime() - start;
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return took;
    }

    private static long sleepers(int count, Duration sleep) throws Exception {
        Interpreter interpreter = new Interpreter(new GlobalInterpreterLock(), Sleep.real());
        List<InterpreterThread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 1; i <= count; i++) {
            threads.add(interpreter.start("sleeper-" + i,
                    Program.of(() -> interpreter.sleep(sleep))));
        }
        joinAll(threads);
        return System.nanoTime() - start;
    }

    static void joinAll(List<InterpreterThread> threads) throws Exception {
        for (InterpreterThread thread : threads) {
            thread.join();
        }
        for (InterpreterThread thread : threads) {
            if (thread.failure().isPresent()) {
                Throwable failure = thread.failure().get();
                throw failure instanceof Exception ? (Exception) failure
                        : new IllegalStateException(failure);
            }
        }
    }

    private static long best(long[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }
}

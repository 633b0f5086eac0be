package threadlab.benchmarks.gil;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import threadlab.gil.GlobalInterpreterLock;
import threadlab.gil.Interpreter;
import threadlab.gil.InterpreterThread;
import threadlab.gil.Program;
import threadlab.gil.Step;

/**
 * The convoy effect on the course's GIL: an interpreter thread makes short blocking calls, alone
 * and beside a CPU-bound thread, and the benchmark counts its calls. Each call releases the GIL;
 * beside a CPU-bound thread, getting it back takes up to a switch interval.
 */
final class ConvoyExperiment {

    /**
     * How many calls a thread made, and in how long.
     *
     * @param calls the calls it completed
     * @param nanos the time they took
     */
    record Rate(long calls, long nanos) {

        double perSecond() {
            return calls * 1e9 / nanos;
        }
    }

    /**
     * One switch interval's measurements.
     *
     * @param intervalMillis the GIL's switch interval, in milliseconds
     * @param alone the I/O thread alone
     * @param beside the I/O thread beside a CPU-bound thread
     */
    record Row(long intervalMillis, Rate alone, Rate beside) {
    }

    /** The switch intervals measured: CPython's default, and a shorter one. */
    static final List<Long> INTERVALS_MS = List.of(5L, 1L);

    private ConvoyExperiment() {
    }

    /**
     * Measures each switch interval, alone and beside a CPU-bound thread in turns, after a
     * warm-up, and keeps the median round of each. The best round beside a CPU-bound thread
     * would be the luckiest one: the one in which the I/O thread most often took the GIL back
     * before the woken CPU-bound thread was running.
     *
     * @param window how long each round lasts
     * @param rounds how many rounds of each
     * @param call how long each blocking call lasts
     * @return a row per switch interval
     * @throws Exception if the GIL fails
     */
    static List<Row> run(Duration window, int rounds, Duration call) throws Exception {
        ioCalls(5, window, call, true);
        List<Row> rows = new ArrayList<>();
        for (long interval : INTERVALS_MS) {
            List<Rate> alone = new ArrayList<>();
            List<Rate> beside = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                alone.add(ioCalls(interval, window, call, false));
                beside.add(ioCalls(interval, window, call, true));
            }
            rows.add(new Row(interval, median(alone), median(beside)));
        }
        return rows;
    }

    /** The round with the median rate; the lower of the two middle ones for an even count. */
    static Rate median(List<Rate> rates) {
        List<Rate> sorted = new ArrayList<>(rates);
        sorted.sort(Comparator.comparingDouble(Rate::perSecond));
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static Rate ioCalls(long intervalMs, Duration window, Duration call,
            boolean besideCpu) throws Exception {
        Interpreter interpreter = new Interpreter(
                new GlobalInterpreterLock(Duration.ofMillis(intervalMs)), PreciseSleep::sleep);
        long[] calls = {0};
        long start = System.nanoTime();
        long stop = start + window.toNanos();
        List<InterpreterThread> threads = new ArrayList<>();
        threads.add(interpreter.start("io", until(stop, () -> {
            interpreter.sleep(call);
            calls[0]++;
        })));
        if (besideCpu) {
            threads.add(interpreter.start("cpu",
                    until(stop, ThreadsExperiment.cpuStep())));
        }
        ThreadsExperiment.joinAll(threads);
        return new Rate(calls[0], System.nanoTime() - start);
    }

    /** A program that repeats a step until the time, as a {@code while} loop on the clock. */
    private static Program until(long stopNanos, Step step) {
        return () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return System.nanoTime() < stopNanos;
            }

            @Override
            public Step next() {
                return step;
            }
        };
    }
}

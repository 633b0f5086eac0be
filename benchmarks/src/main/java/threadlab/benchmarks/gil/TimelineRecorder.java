package threadlab.benchmarks.gil;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import threadlab.gil.GlobalInterpreterLock;
import threadlab.gil.Step;

/**
 * Records a short run of two CPU-bound threads and a sleeper on the course's GIL: each thread
 * notes, with {@link System#nanoTime()}, when it takes the GIL, when it lets it go, when it sees
 * a drop request and when it sleeps. It runs its steps as {@code Interpreter.run} does (a check
 * for a drop request, then a step), with the GIL's public methods, so that it can note the time
 * of each change.
 */
final class TimelineRecorder {

    /**
     * What to run.
     *
     * @param run how long the run lasts
     * @param sleep how long the sleeper sleeps each time
     * @param work how long the sleeper computes between two sleeps
     */
    record Plan(Duration run, Duration sleep, Duration work) {
    }

    /** How long past its end a run may go before the recorder gives up on it. */
    private static final Duration JOIN_LIMIT = Duration.ofSeconds(10);

    private TimelineRecorder() {
    }

    /**
     * Runs the plan once unrecorded, so that the JIT has compiled the code, then records it.
     *
     * @param plan what to run
     * @param header the run's facts, for the log's header
     * @return the timeline, with the run's facts and the threads' events
     * @throws Exception if the GIL fails, for example an unfinished one
     */
    static Timeline record(Plan plan, Map<String, String> header) throws Exception {
        run(new Plan(plan.run().multipliedBy(4), plan.sleep(), plan.work()));
        List<Timeline.Event> events = run(plan);
        events.sort((a, b) -> Long.compare(a.nanos(), b.nanos()));
        Map<String, String> facts = new LinkedHashMap<>(header);
        facts.put("switch interval ms", String.valueOf(
                GlobalInterpreterLock.DEFAULT_SWITCH_INTERVAL.toMillis()));
        facts.put("run ms", String.valueOf(plan.run().toMillis()));
        facts.put("threads", String.format(Locale.ROOT, "cpu-1 and cpu-2 compute;"
                + " sleeper computes %s ms, then sleeps %s ms, in a loop",
                millis(plan.work()), millis(plan.sleep())));
        facts.put("clock", "System.nanoTime");
        return new Timeline(facts, events);
    }

    private static String millis(Duration d) {
        return BigDecimal.valueOf(d.toNanos(), 6).stripTrailingZeros().toPlainString();
    }

    private static List<Timeline.Event> run(Plan plan) throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock();
        long[] clock = new long[2];
        CyclicBarrier go = new CyclicBarrier(3, () -> {
            clock[0] = System.nanoTime();
            clock[1] = clock[0] + plan.run().toNanos();
        });
        List<Lane> lanes = List.of(new Lane("cpu-1", gil, null), new Lane("cpu-2", gil, null),
                new Lane("sleeper", gil, plan));
        List<Thread> threads = new ArrayList<>();
        for (Lane lane : lanes) {
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                    lane.start = clock[0];
                    lane.run(clock[1]);
                } catch (Exception e) {
                    lane.failure = e;
                }
            }, lane.name);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        List<Timeline.Event> events = new ArrayList<>();
        long limit = plan.run().plus(JOIN_LIMIT).toMillis();
        for (int i = 0; i < lanes.size(); i++) {
            threads.get(i).join(limit);
            if (threads.get(i).isAlive()) {
                throw new TimelineException("Thread " + lanes.get(i).name + " had not ended "
                        + limit + " ms after the start of a " + plan.run().toMillis() + " ms"
                        + " run: a thread waits for a GIL that nobody releases. Check the GIL's"
                        + " tasks with its tests, or leave out --classes.");
            }
            if (lanes.get(i).failure != null) {
                throw lanes.get(i).failure;
            }
            events.addAll(lanes.get(i).events);
        }
        return events;
    }

    /** One thread: its events, in a list only it touches until it ends. */
    private static final class Lane {

        private final String name;
        private final GlobalInterpreterLock gil;
        /** The sleeper's plan; {@code null} for a CPU-bound thread. */
        private final Plan sleeps;
        private final List<Timeline.Event> events = new ArrayList<>();
        private final Step step = ThreadsExperiment.cpuStep();
        private long start;
        private boolean requestSeen;
        private Exception failure;

        Lane(String name, GlobalInterpreterLock gil, Plan sleeps) {
            this.name = name;
            this.gil = gil;
            this.sleeps = sleeps;
        }

        void note(long nanoTime, Timeline.Kind kind) {
            events.add(new Timeline.Event(nanoTime - start, name, kind));
        }

        /** Runs until stop: computes, or, for the sleeper, computes and sleeps in turns. */
        void run(long stop) throws Exception {
            note(start, Timeline.Kind.WAIT);
            gil.acquire();
            note(System.nanoTime(), Timeline.Kind.HOLD);
            try {
                if (sleeps == null) {
                    busy(stop);
                } else {
                    while (busy(Math.min(System.nanoTime() + sleeps.work().toNanos(), stop))
                            < stop) {
                        sleep(sleeps.sleep());
                    }
                }
            } finally {
                note(System.nanoTime(), Timeline.Kind.END);
                gil.release();
            }
        }

        /** Steps until the time, each after the check for a drop request; returns the time. */
        long busy(long until) throws Exception {
            while (true) {
                long now = System.nanoTime();
                if (now >= until) {
                    return now;
                }
                boolean requested = gil.dropRequested();
                if (requested && !requestSeen) {
                    note(now, Timeline.Kind.REQUEST);
                    requestSeen = true;
                }
                if (gil.dropIfRequested()) {
                    if (!requestSeen) {
                        note(now, Timeline.Kind.REQUEST);
                    }
                    note(now, Timeline.Kind.WAIT);
                    note(System.nanoTime(), Timeline.Kind.HOLD);
                    requestSeen = false;
                }
                step.run();
            }
        }

        /** Sleeps without the GIL; notes when the sleep ends, and when the GIL is back. */
        void sleep(Duration duration) throws Exception {
            note(System.nanoTime(), Timeline.Kind.SLEEP);
            gil.whileReleased(() -> {
                PreciseSleep.sleep(duration);
                note(System.nanoTime(), Timeline.Kind.WAIT);
            });
            note(System.nanoTime(), Timeline.Kind.HOLD);
            requestSeen = false;
        }
    }
}

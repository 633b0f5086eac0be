package threadlab.grader.compile;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.tools.ToolProvider;
import threadlab.grader.failure.GraderException;

/**
 * The compile workers of a grader: JVMs that run javac, each reused from one compile to the
 * next so that javac stays warm, as it did in the grader's own JVM. Each compile has a limit of
 * processor time and each worker a heap limit; a worker that passes either is killed, its
 * compile fails with the limit, and the next compile starts a fresh one. Close it to end the
 * workers.
 */
public final class CompileWorkers implements AutoCloseable {

    /**
     * How much processor time one module may take to compile. A right solution takes about a
     * second, cold. Processor time, not time on the clock: on a machine busy with other work a
     * worker may wait long for a core, and that must not cost a right submission its module.
     */
    public static final Duration TIME_LIMIT = Duration.ofSeconds(60);
    /** How often a compile's processor time is looked at. */
    private static final long WATCH_MILLIS = 250;
    /** The limit on the clock, for a worker that neither works nor answers: ten times the time. */
    private static final int CLOCK_FACTOR = 10;
    /** The heap of each worker: javac needs under 100 MB for a right solution. */
    public static final int HEAP_MEGABYTES = 512;
    /** The exit code of a JVM that ran out of memory and was told to exit. */
    private static final int OUT_OF_MEMORY = 3;

    private final Duration timeLimit;
    private final int heapMegabytes;
    private final Deque<Worker> idle = new ArrayDeque<>();
    private final List<Worker> all = new ArrayList<>();
    private final ScheduledExecutorService timer;
    private boolean closed;

    /**
     * Workers with the grader's limits.
     *
     * @throws GraderException if the grader runs on a runtime without a compiler
     */
    public CompileWorkers() throws GraderException {
        this(TIME_LIMIT, HEAP_MEGABYTES);
    }

    /**
     * Workers with limits of one's own, for tests.
     *
     * @param timeLimit how long one compile may take
     * @param heapMegabytes each worker's heap
     * @throws GraderException if the grader runs on a runtime without a compiler
     */
    CompileWorkers(Duration timeLimit, int heapMegabytes) throws GraderException {
        if (ToolProvider.getSystemJavaCompiler() == null) {
            throw new GraderException("The grader needs a JDK to compile submissions, but "
                    + System.getProperty("java.home") + " is a runtime without a compiler."
                    + " Run it with a JDK 17 or newer (set JAVA_HOME).");
        }
        this.timeLimit = timeLimit;
        this.heapMegabytes = heapMegabytes;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "compile-time-limit");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.timer = executor;
    }

    /** What a compile gave. */
    record Answer(boolean compiled, List<CompileProtocol.Error> errors) {
    }

    /** Which limit a compile passed. */
    static final class LimitPassed extends Exception {
        private static final long serialVersionUID = 1L;

        LimitPassed(String what) {
            super(what);
        }
    }

    /**
     * Compiles sources in a worker, waiting at most the time limit.
     *
     * @param options javac's options
     * @param sources the sources
     * @return whether they compiled, and the errors
     * @throws LimitPassed if the compile passed the time or memory limit; its message names it
     * @throws GraderException if no worker can be started or one fails for another reason
     */
    Answer compile(List<String> options, List<CompileProtocol.Source> sources)
            throws LimitPassed, GraderException {
        try {
            return attempt(options, sources);
        } catch (WorkerEnded e) {
            // Once more, in a fresh worker: a worker ended from outside is not the module's fault.
            try {
                return attempt(options, sources);
            } catch (WorkerEnded again) {
                throw new GraderException("The grader's compile worker ended unexpectedly (exit"
                        + " code " + again.getMessage() + ") while compiling, twice. Check that"
                        + " the machine has memory to spare, and grade again.", again);
            }
        }
    }

    private Answer attempt(List<String> options, List<CompileProtocol.Source> sources)
            throws LimitPassed, WorkerEnded, GraderException {
        Worker worker = take();
        AtomicBoolean late = new AtomicBoolean();
        Duration before = cpu(worker.process);
        long clockLimit = System.nanoTime() + timeLimit.toNanos() * CLOCK_FACTOR;
        ScheduledFuture<?> stop = timer.scheduleAtFixedRate(() -> {
            if (cpu(worker.process).minus(before).compareTo(timeLimit) > 0
                    || System.nanoTime() > clockLimit) {
                late.set(true);
                worker.process.destroyForcibly();
            }
        }, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
        try {
            CompileProtocol.writeRequest(worker.in, options, sources);
            List<CompileProtocol.Error> errors = new ArrayList<>();
            boolean compiled = CompileProtocol.readAnswer(worker.out, errors);
            stop.cancel(false);
            if (late.get()) {
                // It answered as its time ran out: the answer stands, the worker is gone.
                end(worker);
            } else {
                give(worker);
            }
            return new Answer(compiled, errors);
        } catch (IOException e) {
            stop.cancel(false);
            throw limit(worker, late.get());
        }
    }

    /** The failure of a worker that ended mid-compile: which limit, or a grader failure. */
    private LimitPassed limit(Worker worker, boolean late) throws WorkerEnded {
        if (late) {
            end(worker);
            return new LimitPassed(String.format(Locale.ROOT, "%d s of processor time",
                    timeLimit.toSeconds()));
        }
        // Its exit code first: a worker that ran out of memory may still be exiting when its
        // pipe breaks, and a worker killed here would end with the kill's code, not its own.
        int code = exitCode(worker.process);
        end(worker);
        if (code == OUT_OF_MEMORY) {
            return new LimitPassed(heapMegabytes + " MB of memory");
        }
        throw new WorkerEnded(code);
    }

    /** A worker ended mid-compile, neither at the time limit nor out of memory. */
    private static final class WorkerEnded extends Exception {
        private static final long serialVersionUID = 1L;

        WorkerEnded(int code) {
            super(String.valueOf(code));
        }
    }

    /** The processor time a process has used so far, or none where the system does not say. */
    private static Duration cpu(Process process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static int exitCode(Process process) {
        try {
            return process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private synchronized Worker take() throws GraderException {
        if (closed) {
            throw new GraderException("The grader's compile workers were closed.");
        }
        Worker worker = idle.pollFirst();
        while (worker != null && !worker.process.isAlive()) {
            all.remove(worker);
            worker = idle.pollFirst();
        }
        if (worker == null) {
            worker = start();
            all.add(worker);
        }
        return worker;
    }

    private synchronized void give(Worker worker) {
        if (closed) {
            end(worker);
        } else {
            idle.addFirst(worker);
        }
    }

    private synchronized void end(Worker worker) {
        all.remove(worker);
        idle.remove(worker);
        worker.process.destroyForcibly();
    }

    private Worker start() throws GraderException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The JVM's own messages (the out-of-memory exit's among them) go to standard error,
        // never into the answers on standard output.
        command.addAll(List.of("-Xmx" + heapMegabytes + "m", "-XX:+ExitOnOutOfMemoryError",
                "-XX:+DisplayVMOutputToStderr",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), CompileWorker.class.getName()));
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            // Options from the environment would reach the worker too, and some print to
            // standard output (a flight recording's start, for one), into the answers.
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            builder.environment().remove("JDK_JAVA_OPTIONS");
            builder.environment().remove("_JAVA_OPTIONS");
            Process process = builder.start();
            return new Worker(process);
        } catch (IOException e) {
            throw new GraderException("Could not start the grader's compile worker (" + e
                    + "). Check that " + command.get(0) + " runs.", e);
        }
    }

    /**
     * How many workers are running, for tests.
     *
     * @return the count
     */
    synchronized int running() {
        return (int) all.stream().filter(w -> w.process.isAlive()).count();
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (Worker worker : all) {
            worker.process.destroyForcibly();
        }
        all.clear();
        idle.clear();
        timer.shutdownNow();
    }

    /** A worker process and its pipes. */
    private static final class Worker {
        final Process process;
        final DataOutputStream in;
        final DataInputStream out;

        Worker(Process process) {
            this.process = process;
            this.in = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
            this.out = new DataInputStream(new BufferedInputStream(process.getInputStream()));
        }
    }
}

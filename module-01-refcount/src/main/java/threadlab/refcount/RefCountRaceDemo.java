package threadlab.refcount;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Task 2's demo: two real threads change one reference count at the same time, and the demo
 * prints what became of it. With {@link BrokenUnsynchronizedRefCount}, copies of a reference are
 * lost from the count, and later, when the copies are dropped, the object is freed while
 * references to it remain. Run it a few times: the numbers change from run to run, because they
 * depend on how the two threads happen to interleave.
 *
 * <p>Run it from your IDE, or with {@code ./mvnw -q -pl module-01-refcount compile} and then
 * {@code java -cp module-01-refcount/target/classes threadlab.refcount.RefCountRaceDemo}. Add the
 * argument {@code safe} to run the same with your {@link SafeRefCount} once Task 3 is done.
 *
 * <p>This file is provided: you do not need to change it.
 */
public final class RefCountRaceDemo {

    /** How many times the demo runs. */
    static final int RUNS = 5;

    /** How many copies of main's reference each thread makes in one run. */
    static final int COPIES = 10_000_000;

    private final PrintStream out;
    private final Function<Runnable, RefCount> counts;

    private RefCountRaceDemo(PrintStream out, Function<Runnable, RefCount> counts) {
        this.out = out;
        this.counts = counts;
    }

    /**
     * Runs the demo with the broken count, or with {@code safe} as its argument with
     * {@link SafeRefCount}.
     *
     * @param args nothing, or {@code safe}
     * @throws InterruptedException if main is interrupted while it waits for the threads
     */
    public static void main(String[] args) throws InterruptedException {
        boolean safe = args.length == 1 && args[0].equals("safe");
        if (args.length > 1 || args.length == 1 && !safe) {
            System.err.println("Unknown arguments: " + String.join(" ", args) + ". Run the demo"
                    + " with no argument for BrokenUnsynchronizedRefCount, or with \"safe\" for"
                    + " your SafeRefCount.");
            System.exit(2);
        }
        if (safe) {
            try {
                new SafeRefCount(() -> { }).incref();
            } catch (UnsupportedOperationException e) {
                System.err.println("SafeRefCount is not done yet. " + e.getMessage());
                System.exit(1);
            }
        }
        new RefCountRaceDemo(System.out, safe ? SafeRefCount::new
                : BrokenUnsynchronizedRefCount::new)
                .run(safe ? "SafeRefCount" : "BrokenUnsynchronizedRefCount");
    }

    private void run(String countName) throws InterruptedException {
        long total = 2L * COPIES;
        out.printf(Locale.ROOT, "%s, 2 threads, %d cores, Java %s%n%n", countName,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        out.printf(Locale.ROOT, "Main holds one reference to an object: count 1.%n"
                + "Copies: two threads each copy it %,d times, both at once, and keep the%n"
                + "        copies. The count should reach %,d.%n"
                + "Drops:  each thread drops its copies, thread 1 first, then thread 2. The%n"
                + "        count should end at 1, for main, and the object should stay alive.%n%n",
                COPIES, total + 1);
        int wrong = 0;
        int freedLive = 0;
        for (int run = 1; run <= RUNS; run++) {
            AtomicLong drops = new AtomicLong();
            AtomicLong freedAtDrop = new AtomicLong();
            RefCount count = counts.apply(() -> freedAtDrop.compareAndSet(0, drops.get()));

            Worker[] copiers = {new Worker(count::incref), new Worker(count::incref)};
            runAtOnce(copiers);
            long afterCopies = count.get();
            out.printf(Locale.ROOT, "run %d: copies: count %,d%s%n", run, afterCopies,
                    afterCopies == total + 1 ? ", right"
                    : ", " + plural(total + 1 - afterCopies, "copy", "copies") + " lost");

            Worker[] droppers = {new Worker(() -> {
                drops.incrementAndGet();
                count.decref();
            }), new Worker(() -> {
                drops.incrementAndGet();
                count.decref();
            })};
            runOneAfterTheOther(droppers);
            long freedAt = freedAtDrop.get();
            boolean right = afterCopies == total + 1 && count.get() == 1 && freedAt == 0;
            if (freedAt == 0) {
                out.printf(Locale.ROOT, "       drops:  count %,d%s%n", count.get(),
                        right ? ", right" : "");
            } else {
                freedLive++;
                out.printf(Locale.ROOT, "       drops:  freed at drop %,d of %,d, while main and"
                        + " %s%n               still referred to it.", freedAt, total,
                        plural(total - freedAt, "copy", "copies"));
                for (int w = 0; w < droppers.length; w++) {
                    if (droppers[w].error != null) {
                        out.printf(" Thread %d's next drop threw %s.", w + 1,
                                droppers[w].error.getClass().getSimpleName());
                        break;
                    }
                }
                out.println();
            }
            wrong += right ? 0 : 1;
        }
        out.printf(Locale.ROOT, "%nWrong in %d of %d runs; a live object was freed in %d of"
                + " %d.%n", wrong, RUNS, freedLive, RUNS);
    }

    /** Runs the workers on threads of their own that start together, and waits for all. */
    private static void runAtOnce(Worker... workers) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        Thread[] threads = new Thread[workers.length];
        for (int w = 0; w < workers.length; w++) {
            Worker worker = workers[w];
            threads[w] = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                worker.run();
            }, "thread " + (w + 1));
            threads[w].start();
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** Runs the workers on threads of their own, each after the one before has ended. */
    private static void runOneAfterTheOther(Worker... workers) throws InterruptedException {
        for (int w = 0; w < workers.length; w++) {
            Thread thread = new Thread(workers[w], "thread " + (w + 1));
            thread.start();
            thread.join();
        }
    }

    private static String plural(long n, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
    }

    /** One thread's loop: an operation, {@link #COPIES} times, or until the count throws. */
    private static final class Worker implements Runnable {

        private final Runnable operation;
        private volatile int done;
        private volatile RuntimeException error;

        Worker(Runnable operation) {
            this.operation = operation;
        }

        @Override
        public void run() {
            try {
                for (int i = 0; i < COPIES; i++) {
                    operation.run();
                    // A volatile write per turn. Besides recording how far the loop got, it keeps
                    // the compiler from holding the count in a register for the whole loop: each
                    // turn really reads and writes the count in memory, as CPython does.
                    done = i + 1;
                }
            } catch (IllegalStateException e) {
                error = e;
            }
        }
    }
}

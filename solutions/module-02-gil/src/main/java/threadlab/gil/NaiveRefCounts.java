package threadlab.gil;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import threadlab.refcount.BrokenUnsynchronizedRefCount;
import threadlab.refcount.RefCount;

/**
 * Module 1's naive reference count, shared by several threads: on the interpreter, where every
 * update runs under the GIL, and on plain Java threads, where nothing protects it.
 *
 * <p>Run {@link #main(String[])} once Task 5 is done, and compare the two.
 */
public final class NaiveRefCounts {

    private NaiveRefCounts() {
    }

    /**
     * Task 5. Shares one count between {@code threads} interpreter threads. Each thread runs a
     * program of {@code pairs} pairs of steps: one step adds a reference ({@code incref}), the next
     * drops it ({@code decref}). Waits until every thread has finished.
     *
     * @param interpreter the interpreter to run the threads on
     * @param count the shared count; it starts at 1 and should end at 1
     * @param threads how many threads
     * @param pairs how many incref-decref pairs each thread runs
     * @throws Exception the first thread's failure, if a thread failed
     */
    public static void share(Interpreter interpreter, RefCount count, int threads, int pairs)
            throws Exception {
        List<InterpreterThread> started = new ArrayList<>();
        for (int i = 1; i <= threads; i++) {
            started.add(interpreter.start("thread-" + i,
                    Program.repeat(pairs, count::incref, count::decref)));
        }
        for (InterpreterThread thread : started) {
            thread.join();
        }
        for (InterpreterThread thread : started) {
            if (thread.failure().isPresent()) {
                Throwable failure = thread.failure().get();
                if (failure instanceof Exception) {
                    throw (Exception) failure;
                }
                throw (Error) failure;
            }
        }
    }

    /**
     * Runs the comparison: the naive count on the interpreter, then on plain threads.
     *
     * @param args not used
     * @throws Exception if the interpreter's run fails
     */
    public static void main(String[] args) throws Exception {
        int threads = 4;
        int pairs = 1_000_000;
        System.out.printf("%d threads each add and drop a reference %,d times, on an object that"
                + " starts with one reference.%n", threads, pairs);

        AtomicInteger frees = new AtomicInteger();
        RefCount count = new BrokenUnsynchronizedRefCount(frees::incrementAndGet);
        long start = System.nanoTime();
        share(new Interpreter(new GlobalInterpreterLock()), count, threads, pairs);
        System.out.printf("On the interpreter, under the GIL: count %d, freed %d times (%d ms)%n",
                count.get(), frees.get(), (System.nanoTime() - start) / 1_000_000);

        AtomicInteger plainFrees = new AtomicInteger();
        RefCount plain = new BrokenUnsynchronizedRefCount(plainFrees::incrementAndGet);
        start = System.nanoTime();
        Throwable failure = withoutTheGil(plain, threads, pairs);
        System.out.printf("On plain Java threads, no GIL:     count %d, freed %d times (%d ms)%n",
                plain.get(), plainFrees.get(), (System.nanoTime() - start) / 1_000_000);
        if (failure != null) {
            System.out.println("  and a thread failed: " + failure);
        }
    }

    /** The same work on plain Java threads, with nothing around the count's updates. */
    private static Throwable withoutTheGil(RefCount count, int threads, int pairs)
            throws InterruptedException {
        AtomicReference<Throwable> first = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                    for (int p = 0; p < pairs; p++) {
                        count.incref();
                        count.decref();
                    }
                } catch (RuntimeException | InterruptedException e) {
                    first.compareAndSet(null, e);
                }
            });
            thread.start();
            started.add(thread);
        }
        go.countDown();
        for (Thread thread : started) {
            thread.join();
        }
        return first.get();
    }
}

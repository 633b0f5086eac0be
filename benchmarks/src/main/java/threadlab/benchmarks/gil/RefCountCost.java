package threadlab.benchmarks.gil;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import threadlab.gil.GlobalInterpreterLock;
import threadlab.refcount.BrokenUnsynchronizedRefCount;
import threadlab.refcount.RefCount;

/**
 * The single-thread cost of one reference added and dropped, four ways: a plain count under the
 * GIL (what CPython does), a count with an atomic variable, a count with its own lock, and the
 * GIL taken and released around every update.
 *
 * <p>Every way calls the count through the same two methods, which the JIT may not inline, so
 * that it cannot fold an incref and the decref after it into nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RefCountCost {

    private GlobalInterpreterLock heldGil;
    private GlobalInterpreterLock perUpdateGil;
    private RefCount plain;
    private RefCount atomic;
    private RefCount locked;

    /**
     * Makes the counts, and takes the GIL that the plain count runs under.
     *
     * @throws InterruptedException if interrupted
     */
    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
        heldGil = new GlobalInterpreterLock();
        perUpdateGil = new GlobalInterpreterLock();
        plain = new BrokenUnsynchronizedRefCount(() -> { });
        atomic = new AtomicRefCount();
        locked = new SynchronizedRefCount();
        heldGil.acquire();
    }

    /** Releases the GIL. */
    @TearDown(Level.Trial)
    public void tearDown() {
        heldGil.release();
    }

    /**
     * A plain count under the GIL, with the check an interpreter makes between two steps.
     *
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    public void plainCountUnderTheGil() throws InterruptedException {
        heldGil.dropIfRequested();
        incref(plain);
        decref(plain);
    }

    /** A count of its own, with an atomic read-modify-write per update. */
    @Benchmark
    public void atomicCount() {
        incref(atomic);
        decref(atomic);
    }

    /** A count of its own, with its own lock taken per update. */
    @Benchmark
    public void synchronizedCount() {
        incref(locked);
        decref(locked);
    }

    /**
     * A plain count with the GIL taken and released around each pair of updates.
     *
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    public void gilTakenPerUpdate() throws InterruptedException {
        perUpdateGil.acquire();
        try {
            incref(plain);
            decref(plain);
        } finally {
            perUpdateGil.release();
        }
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private static void incref(RefCount count) {
        count.incref();
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private static void decref(RefCount count) {
        count.decref();
    }
}

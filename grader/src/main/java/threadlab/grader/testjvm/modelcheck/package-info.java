/**
 * A small model checker for the hidden tests, which runs in the test JVM beside the
 * submission: it runs a scenario of a few threads once for each interleaving of their steps,
 * fewest thread switches first, and shows the interleaving that broke it.
 *
 * <p>A step is a read or a write of a field, a call to {@code java.util.concurrent} or a
 * {@code VarHandle}, or taking a lock, in the exercise's own classes. An agent given to the test
 * JVM ({@link threadlab.grader.testjvm.modelcheck.Agent}) rewrites those classes as they load,
 * so that each step first asks the checker ({@link threadlab.grader.testjvm.modelcheck.Hooks})
 * whose turn it is. Outside a model check the hooks return at once, or make the real call.
 *
 * <h2>What it finds</h2>
 * <ul>
 *   <li><b>Wrong answers</b> in some interleaving: the scenario's own checks fail.</li>
 *   <li><b>Data races</b>, by happens-before, with vector clocks as in FastTrack and
 *   ThreadSanitizer ({@link threadlab.grader.testjvm.modelcheck.RaceDetector}): two accesses to
 *   the same plain field of the same object (or array element) from two threads, one a write,
 *   that no monitor, lock, volatile field, atomic, synchroniser, park and unpark, or thread start
 *   orders. The race fails the check even where every interleaving gives the right answer, as
 *   under sequential consistency it would; the student reads both accesses (class, file and
 *   line, field, read or write, thread). It is reported only if no interleaving breaks the
 *   scenario's own checks, whose message is more to the point. Final fields, and fields the
 *   instrumenter cannot see declared, are never checked; every call to
 *   {@code java.util.concurrent} orders what comes before it with what comes after it on the
 *   same object, which may hide a race but never makes one up. A read between a
 *   {@code StampedLock}'s {@code tryOptimisticRead} and its {@code validate} races with
 *   nothing: the idiom throws the value away when a write came between. A race of such a read
 *   counts when the thread calls the lock otherwise, or ends, before it validates.</li>
 *   <li><b>Deadlocks</b>, with who waits for what, and threads that never end, with the one
 *   that loops, the exercise's method it loops in, and how often its timed waits ran out: a
 *   loop of waits that time out is not a busy-wait, and the likely cause says which.</li>
 * </ul>
 *
 * <h2>Blocking and time</h2>
 * <p>The blocking calls a student may use are modelled
 * ({@link threadlab.grader.testjvm.modelcheck.Blocking}): monitors, {@code wait} and
 * {@code notify}; {@code Lock}, its {@code Condition}s, read-write and stamped locks (with
 * stamps or through their views); {@code Semaphore}; {@code CountDownLatch};
 * {@code LockSupport.park} and {@code unpark}; {@code Thread.sleep}; {@code TimeUnit}'s
 * {@code timedWait} and {@code sleep}; and each of them through a method reference, as in
 * {@code waiters.forEach(Condition::signal)}. A lock is taken with its own
 * non-blocking attempt, so the real object stays the truth. Time is the checker's: a timed wait
 * ({@code wait(ms)}, {@code await(time, unit)}, {@code awaitNanos}, {@code parkNanos},
 * {@code tryLock(time, unit)}, {@code sleep}) may end by a wake-up or by its time running out,
 * and the checker explores both, without real time passing. By default time passes only when no
 * thread can go on; letting a wait's time run out while another thread could go on costs one of
 * the run's thread switches, as pausing a thread does. So a rule about time fails the same way
 * on every run, idle or busy. A wait with no time limit ({@code wait()}, {@code await()},
 * {@code park()}) may also end with no wake-up at all, as the JDK allows: once per thread and
 * run, beside the other threads' steps (never as the only way on, where it would hide a
 * deadlock), so a wait that is not in a loop around its condition fails. {@code notify()} wakes
 * any one of a monitor's waiters, as its contract says: the one that waited longest by default,
 * and each other one at the cost of a switch, so a {@code notify()} that wakes a thread whose
 * condition is still false, while the one that could go on sleeps, shows. {@code signal()}
 * wakes the longest waiting, as the JDK's conditions do.
 *
 * <p>A thread that blocks in a call the checker does not model ({@code CyclicBarrier},
 * {@code Phaser}, {@code Exchanger}, a {@code BlockingQueue}, a {@code Future}) would hang the
 * check: the thread whose turn it is stays blocked for a second at the same step, so the check
 * is given up at once with the call named
 * ({@link threadlab.grader.testjvm.modelcheck.ModelChecker.Outcome#unmodelled}), and the
 * hidden test passes with a note; the other tests grade that design.
 *
 * <p>The atomics' calls that run a student's function ({@code updateAndGet},
 * {@code getAndUpdate}, {@code accumulateAndGet}, {@code getAndAccumulate}, on
 * {@code AtomicInteger}, {@code AtomicLong}, {@code AtomicReference} and
 * {@code AtomicIntegerFieldUpdater}) are explored as what they are: a read, the function, and a
 * compare-and-set that may fail and run the function again.
 *
 * <p>Counting, not timing:
 * {@link threadlab.grader.testjvm.modelcheck.ModelChecker#timeoutsRanOut} says how many of a
 * thread's timed waits ran out in the run, so a rule such as "a waiter sleeps until it is woken"
 * is checked by a count (a poller's short waits run out; a sleeper's hour-long
 * wait does not) rather than by the CPU time a real thread used, which depends on free cores.
 * A timed wait, park or sleep given no time (a switch interval rounded down to 0 ms) returns at
 * once, as in the JDK (a {@code Condition}'s lets go of its lock and takes it again on the way).
 * It is not among the waits that ran out, as a correct design may make such a call now and then,
 * but a loop of such waits is reported as waits whose timeout is 0, not as a wait for ever or a
 * poll of a field.
 *
 * <p>Outside a model check, {@link threadlab.grader.testjvm.modelcheck.HoldBack} makes one
 * ordering certain that real threads leave to chance: while one thread runs a body, every other
 * thread waits at its next hook in the exercise's code. A test reads what {@code start()} left
 * behind before the new thread has run a line of the student's code, so a mark that the new
 * thread sets itself shows on every run. The hold ends when the body returns, or when the holding
 * thread has waited 50 ms in a row (it may be waiting for a held thread), so it can slow a
 * design, never stop it.
 *
 * <h2>Cost</h2>
 * <p>A check is a few hundred runs, and a run was two new threads: starting and ending a thread
 * took 0.6 to 1.2 ms on a 2-core virtual machine, most of a run. Each thread now serves one run
 * after another ({@link threadlab.grader.testjvm.modelcheck.ManagedThread#serve}), as new: its
 * fields, name and interrupt are reset, and its thread-local values cleared (through
 * {@link threadlab.grader.testjvm.modelcheck.ThreadLocals}, which the agent lets read
 * {@code java.lang.Thread}; where it cannot, every run gets new threads). The three model checks
 * of module 2 on the solution took 1.4 s warm before, 0.17 to 0.3 s after. The explorer queues
 * another choice only where it could still be tried within the check's runs: a thread that
 * spins makes a choice at each of its steps, up to the run's limit ({@code Run.MAX_STEPS}), and
 * a copy of the run's choices for each ran a 256 MB test JVM out of memory.
 *
 * <h2>Why not Lincheck</h2>
 * <p>Lincheck 3.4 (module 1's visible tests use it) was run on the hidden tests' four scenarios
 * of module 1 (two increfs, two decrefs, a copy and a drop, a copy racing the last drop), 500
 * invocations each, over the solution and the 18 bank variants of SafeRefCount, each variant
 * a class of its own in one test JVM (2 cores shared with other builds, load 50 to 90). It
 * took 5 to 24 s per scenario (138 s for the first, which loads Lincheck) and found only
 * wrong-decref-never-frees and wrong-incref-revives-a-freed-object, which fail on one thread;
 * it found none of the races, not even count++, which the visible tests' Lincheck finds on the
 * module's own class, so that harness may have kept Lincheck from seeing the variants' steps.
 * It explores sequentially consistent interleavings as this checker does, so it could not find
 * wrong-freed-flag-without-volatile either, which only happens-before shows. This checker
 * finds the races, the missing volatile included, and passes every correct variant, in 0.2 to
 * 1 s per scenario in the same conditions (a test JVM of its own per submission). Lincheck is
 * kept for the visible tests, where students can use it on their own code.
 */
package threadlab.grader.testjvm.modelcheck;

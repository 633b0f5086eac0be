/**
 * Hidden tests of module 3, threads. They are never shipped to students: the grader runs them
 * against a submission's compiled classes.
 *
 * <h2>The rules about time, and how each test controls it</h2>
 *
 * <p>A thread under test waits at a gate, a latch that only the test opens: "while the thread
 * runs" is then the test's decision. A join that returns while the gate is shut did not wait
 * for the thread; a join still waiting when every thread is parked and none has been woken
 * ({@link threadlab.hidden.support.Stillness}) is waiting. A clock bound is one-sided: a busy
 * machine only makes a correct solution later.
 *
 * <table>
 *   <caption>Time rules of Tasks 1, 3 and 5</caption>
 *   <tr><th>Rule</th><th>Test</th><th>How time is controlled</th></tr>
 *   <tr><td>The sleeper sleeps with its Sleep, for Duration.ofSeconds(n), then wakes.</td>
 *       <td>{@code Task1SleeperHiddenTests}</td>
 *       <td>A Sleep that records each call and returns at once; one scaled to 1/20 on the real
 *       clock, where the wake-up must come no earlier than the sleep's end.</td></tr>
 *   <tr><td>start() returns at once; join() waits until the thread has finished.</td>
 *       <td>{@code Task2To4PyThreadHiddenTests.startDoesNotWaitForTheTarget},
 *       {@code joinWaits}</td>
 *       <td>The target waits at the gate.</td></tr>
 *   <tr><td>join(timeout) gives up when the timeout has passed.</td>
 *       <td>{@code Task2To4PyThreadHiddenTests.joinWithTimeoutGivesUp}</td>
 *       <td>The target waits at the gate; join(200 ms) must return, and no sooner than
 *       200 ms on System.nanoTime().</td></tr>
 *   <tr><td>join(timeout) returns when the thread ends.</td>
 *       <td>{@code Task2To4PyThreadHiddenTests.joinWithTimeoutReturnsEarly}</td>
 *       <td>A timeout of a minute and a target held at the gate: the join must still wait
 *       when the gate opens, and return within 10 s after; the bound only fails a join that
 *       sleeps out its timeout.</td></tr>
 *   <tr><td>A zero or negative timeout returns at once.</td>
 *       <td>{@code Task3JoinTimeoutHiddenTests.zeroReturnsAtOnce},
 *       {@code negativeReturnsAtOnce}</td>
 *       <td>The target waits at the gate, so returning proves no wait for it; a join that
 *       waits for ever is found still, and fails in half a second.</td></tr>
 *   <tr><td>A timeout under a millisecond (1 ns, 999,999 ns) gives up.</td>
 *       <td>{@code Task3JoinTimeoutHiddenTests.underAMillisecondGivesUp}</td>
 *       <td>As above: rounded down to 0 ms, Thread.join(0) waits for ever.</td></tr>
 *   <tr><td>A timeout too long to count in nanoseconds means no limit.</td>
 *       <td>{@code Task3JoinTimeoutHiddenTests.hugeWaitsLikeJoin}</td>
 *       <td>Timeouts of 365,000 days, Long.MAX_VALUE nanoseconds and milliseconds, and
 *       ChronoUnit.FOREVER, all at once on one gated target: each join must still wait when
 *       every thread is still, then return once the gate opens.</td></tr>
 *   <tr><td>Every Hi is printed while the sleeper sleeps.</td>
 *       <td>{@code Task5SleeperDemoHiddenTests}</td>
 *       <td>A Sleep that lasts until the test opens it.</td></tr>
 * </table>
 *
 * <p>Some tests see their rule only through others: an interrupted {@code join(1 minute)} can
 * only be seen if that join waits at all, and the lesson's program only if its PyThread starts
 * the target with its args. Such a test names those rules ({@code @Tag("needs:R3.3")}) and does
 * not count while a test of one fails, so that a wrong submission gets the same grade on every
 * run (the grader's {@code Prerequisites}). Every test that holds its thread at the gate needs
 * R2.8 (start() runs the target): a thread that never runs its target ends at once, and what
 * such a test then sees depends on when it looks.
 *
 * <p>Two more kinds of control. A thread that prints more than
 * {@link threadlab.hidden.support.Timeline#LINES_PER_THREAD} lines to the stream the test gave it
 * is stopped at that line, so a loop that does not end fails at the same point on every run,
 * with a limit's verdict that names the thread and its last line, in any test that meets it
 * (System.out has no limit: what is printed there changes no result). And one rule shows in no run:
 * whether the demo gives its thread {@code seconds} as its argument or captures it in the
 * target. {@code DemoProbe} answers it on the compiled demo: a copy of its class file, with
 * {@code PyThread} renamed to {@code RecordingPyThread}, is run beside the student's classes, and
 * the recording shows the args the thread was made with; its target is then called with other
 * args, which the sleeper must use.
 */
package threadlab.hidden.threads;

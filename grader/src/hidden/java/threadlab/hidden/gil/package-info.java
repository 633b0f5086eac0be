/**
 * Hidden tests of module 2, the global interpreter lock. Nothing here waits on the clock for a
 * verdict: the tests record who ran each step, use latches to decide when a sleeper wakes, and
 * give a correct lock bounds it meets many times over. A switch interval of an hour stands for
 * "no drop request during this test"; a short one makes switches happen in milliseconds.
 *
 * <h2>The rules about time, and how each test controls it</h2>
 *
 * <p>A clock bound in these tests is one-sided: a busy machine only makes a correct GIL later,
 * so a bound it meets on an idle machine it meets on every machine. Where a wrong GIL could hide
 * behind a slow machine, the test counts steps or waits instead.
 *
 * <table>
 *   <caption>Time rules of Tasks 1 to 4</caption>
 *   <tr><th>Rule</th><th>Test</th><th>How time is controlled</th></tr>
 *   <tr><td>A waiting thread sleeps until it is woken, without burning CPU.</td>
 *       <td>{@code Task1LockHiddenTests.waitersDoNotSpin};
 *       {@code Task2IntervalHiddenTests}</td>
 *       <td>Interval of an hour, so the waiter has nothing to wake for: its state, sampled 50
 *       times, and its CPU time. With a short interval, the JVM's count of the waiter's waits
 *       ({@link threadlab.hidden.gil.Waits}): a spinner has none.</td></tr>
 *   <tr><td>release() wakes a thread that waits.</td>
 *       <td>{@code Task1LockHiddenTests.releaseWakesAWaiter}</td>
 *       <td>Interval of an hour: only a wake-up ends the wait.</td></tr>
 *   <tr><td>acquire() waits one switch interval at a time.</td>
 *       <td>{@code Task2IntervalHiddenTests}</td>
 *       <td>The test holds the GIL and runs no step. The waiter waits at least twice, and at
 *       most once per interval of the time watched (plus 4): each timed wait lasts at least
 *       an interval, however busy the machine.</td></tr>
 *   <tr><td>When an interval ran out, the waiter sets the drop request.</td>
 *       <td>{@code Task2SwitchIntervalHiddenTests.aWaiterGetsATurn},
 *       {@code theRequestIsClearedByTheNextHolder}; {@code Task2IntervalHiddenTests}
 *       (200 us)</td>
 *       <td>The holder counts steps: it fails after 50 steps in a row with the request
 *       pending, not after some milliseconds. The bound of 3 s only ends a wait for a GIL
 *       that never asks.</td></tr>
 *   <tr><td>Never a drop request before a whole interval.</td>
 *       <td>{@code Task2SwitchIntervalHiddenTests.noRequestBeforeTheInterval};
 *       {@code Task2IntervalHiddenTests}</td>
 *       <td>Interval of an hour; the holder stays still until no thread has moved for
 *       {@link threadlab.hidden.support.Stillness#WINDOW}, so a waiter that asks sooner has
 *       woken up and is seen, however busy the machine. No test fails a request seen sooner
 *       than a short interval on the clock: a slow machine would hide it on some runs and
 *       give a wrong GIL different grades.</td></tr>
 *   <tr><td>Intervals under a millisecond are neither rounded to 0 nor to 1 ms.</td>
 *       <td>{@code Task2IntervalHiddenTests.subMillisecondInterval}</td>
 *       <td>Rounded to 0: the waiter waits for ever (no request, caught) or spins (no waits,
 *       caught). Rounded up to 1 ms: not caught; only a slower wake-up shows it, and a
 *       busy machine makes a correct GIL slower too.</td></tr>
 *   <tr><td>Taking the GIL clears the drop request.</td>
 *       <td>{@code Task2SwitchIntervalHiddenTests.theRequestIsClearedByTheNextHolder}</td>
 *       <td>Events only: the new holder reads the request.</td></tr>
 *   <tr><td>The holder drops at its next check; after a drop it waits until another thread
 *       has taken the GIL (forced switching).</td>
 *       <td>{@code Task2SwitchIntervalHiddenTests.aWaiterGetsATurn},
 *       {@code forcedSwitching}</td>
 *       <td>Steps counted; the asker leaves before the drop and the test decides when another
 *       thread comes.</td></tr>
 *   <tr><td>The drop request comes after a whole interval; a drop wakes the waiter; the holder
 *       gets the GIL back only after the waiter had it, even if a wait ends with no wake-up.</td>
 *       <td>{@code ModelCheckedGilHiddenTests.aDropHandsTheGilToTheWaiter}</td>
 *       <td>The model checker's clock, which moves only when it lets a wait's time run out:
 *       the request must come a whole interval after the waiter came, and the waiter must
 *       take the GIL with no time passing after the drop. No real time passes.</td></tr>
 *   <tr><td>whileReleased() lets others run while the call blocks.</td>
 *       <td>{@code Task3WhileReleasedHiddenTests}</td>
 *       <td>The blocking call lasts until the test opens a latch.</td></tr>
 * </table>
 *
 * <h2>A wrong GIL gets the same grade on every run</h2>
 *
 * <p>The controls above make a correct GIL pass every time. A wrong one can still make a test's
 * threads race: with two holders at once, or a dropper that never waits for the waiter, what
 * the interpreter's tests see depends on the scheduler. Such a test names the rules it sees its
 * own through ({@code @Tag("needs:R2.6")}), and does not count while a test of one of them
 * fails (the grader's {@code Prerequisites}). What those rules rest on is settled by the
 * model-checked tests and by the latch-driven ones here: mutual exclusion (R1.1), a release
 * that wakes a waiter (R1.3), a truthful drop request (R2.3) and forced switching (R2.6).
 *
 * <p>Not checked: that a request is set only after an interval with no switch (a waiter
 * whose interval runs out just after the GIL changed hands must start a new one). The task
 * text does not say which waiter a release wakes, so no test prefers the longest waiter.
 */
package threadlab.hidden.gil;

/**
 * What the hidden tests share: an event log of printed lines and sleeps, a sleep the test
 * controls, a watched caller thread, and feedback written for students. Nothing here sleeps and
 * hopes: every wait is bounded, and only a failing submission waits out a bound.
 *
 * <p>A thread's state is evidence about the submission only where the submission's code is what
 * waits: {@link threadlab.hidden.support.Caller#blockedInSubmission()} reads the stack as well as
 * the state, since a thread that the test has just let go from its own latch still reads as
 * waiting until the machine runs it, and on a busy machine that can take longer than any wait a
 * test would give it.
 */
package threadlab.hidden.support;

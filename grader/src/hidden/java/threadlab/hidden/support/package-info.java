/**
 * What the hidden tests share: an event log of printed lines and sleeps, a sleep the test
 * controls, a watched caller thread, and feedback written for students. Nothing here sleeps and
 * hopes: every wait is bounded, and only a failing submission waits out a bound.
 */
package threadlab.hidden.support;

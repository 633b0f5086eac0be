/**
 * Hidden tests of module 2, the global interpreter lock. Nothing here waits on the clock for a
 * verdict: the tests record who ran each step, use latches to decide when a sleeper wakes, and
 * give a correct lock bounds it meets many times over. A switch interval of an hour stands for
 * "no drop request during this test"; a short one makes switches happen in milliseconds.
 */
package threadlab.hidden.gil;

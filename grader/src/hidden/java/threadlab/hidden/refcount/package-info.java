/**
 * Hidden tests of module 1, reference counting. The races are found by model checking: Lincheck
 * runs the threads' steps in many orders, the same orders on every run, and shows the order that
 * broke a count.
 */
package threadlab.hidden.refcount;

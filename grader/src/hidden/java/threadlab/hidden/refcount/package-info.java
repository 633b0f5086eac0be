/**
 * Hidden tests of module 1, reference counting. Nothing here waits for a race to happen: the
 * schedules of Task 2 are replayed step by step by the grader's own model, and the thread-safe
 * count of Tasks 3 and 4 is model-checked by the grader's model checker, which runs the threads'
 * steps in every order with at most two thread switches, the same orders on every run, and shows
 * the order that broke a count.
 */
package threadlab.hidden.refcount;

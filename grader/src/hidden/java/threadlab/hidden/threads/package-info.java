/**
 * Hidden tests of module 3, threads. They are never shipped to students: the grader runs them
 * against a submission's compiled classes.
 */
package threadlab.hidden.threads;

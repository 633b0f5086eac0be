/**
 * The self-check: a student's progress, task by task, from the hidden tests; the hint for the
 * first task to fix and the next step; a cache so that an unchanged module is not tested again.
 */
package threadlab.grader.check;

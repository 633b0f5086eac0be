/**
 * What the visible tests of every exercise module share: feedback written for the student (what
 * was expected, what happened, and the likely cause, in the words the graded tests use), and the
 * order in which test classes run: task by task.
 */
package threadlab.testing;

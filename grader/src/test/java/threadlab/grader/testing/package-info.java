/** Test support for the grader's own tests: running the packaged grader, making submissions. */
package threadlab.grader.testing;

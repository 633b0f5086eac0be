/** Grading one submission: discover, compile, run, report, in the trusted grader. */
package threadlab.grader.grading;

/** Finding and checking the submissions to grade. */
package threadlab.grader.submission;

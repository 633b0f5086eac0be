/** The Gradescope autograder: the grader, its rubric and the two scripts Gradescope runs. */
package threadlab.grader.gradescope;

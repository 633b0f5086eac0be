/** The student handout: the course without its answers, ready to hand out. */
package threadlab.grader.handout;

/** Grading a whole class: many submissions, several at a time, with progress and reports. */
package threadlab.grader.batch;

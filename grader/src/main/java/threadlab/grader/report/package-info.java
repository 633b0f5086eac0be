/** Grades as people and platforms read them: text for a terminal, Gradescope's JSON. */
package threadlab.grader.report;

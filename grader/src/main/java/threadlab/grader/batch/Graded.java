package threadlab.grader.batch;

import threadlab.grader.report.GradeReport;

/**
 * A student's graded submission and the folder its reports go to.
 *
 * @param folder the folder's name under the output folder: the student's name, made safe
 * @param report the grade
 */
public record Graded(String folder, GradeReport report) {
}

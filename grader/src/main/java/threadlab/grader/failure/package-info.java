/**
 * Why grading failed: {@link threadlab.grader.failure.GraderException} when the grader itself
 * cannot work, {@link threadlab.grader.failure.GradingFailure} (one subclass per kind, in the
 * stage that finds it) when a submission loses the tests it spoiled. A leaf: every stage may use
 * it, it uses no stage.
 */
package threadlab.grader.failure;

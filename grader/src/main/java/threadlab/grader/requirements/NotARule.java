package threadlab.grader.requirements;

/**
 * A sentence of the task text that reads like a rule but asks nothing of the student's code,
 * with the reason: the build then does not ask a rule of it.
 *
 * @param statement the sentence and where it is
 * @param why why it is not a rule
 */
public record NotARule(Statement statement, String why) {
}

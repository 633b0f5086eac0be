package threadlab.grader.check;

import java.util.List;
import java.util.Optional;
import threadlab.grader.protocol.Verdict;
import threadlab.grader.report.TestResult;

/**
 * How far a student is with one task: what its hidden tests say.
 *
 * @param task the task's number
 * @param status done, not started, failing, or not run
 * @param passed how many of its hidden tests pass
 * @param total how many hidden tests it has
 * @param firstFailure its first failed test, if any
 */
public record TaskProgress(int task, Status status, int passed, int total,
        Optional<TestResult> firstFailure) {

    /** Where a task stands. */
    public enum Status {
        /** Every hidden test of the task passes. */
        DONE("done"),
        /** Every test failed on the skeleton's {@code "Task N: ..."} exception. */
        NOT_STARTED("not started"),
        /** Some tests fail for another reason. */
        FAILING("failing"),
        /** No test ran: the module did not compile, or is missing. */
        NOT_RUN("not run");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /**
         * What a student reads.
         *
         * @return the status in words
         */
        public String label() {
            return label;
        }
    }

    /**
     * A task's progress, from its graded hidden tests.
     *
     * @param task the task's number
     * @param tests its graded tests, in the order they ran
     * @param blocked whether the module's tests could not run at all
     * @return its progress
     */
    public static TaskProgress of(int task, List<TestResult> tests, boolean blocked) {
        int passed = (int) tests.stream().filter(TestResult::passed).count();
        Optional<TestResult> failure = tests.stream().filter(t -> !t.passed()).findFirst();
        Status status;
        if (failure.isEmpty()) {
            status = Status.DONE;
        } else if (blocked) {
            status = Status.NOT_RUN;
        } else if (passed == 0 && tests.stream()
                .allMatch(t -> t.verdict().kind() == Verdict.Kind.NOT_DONE)) {
            status = Status.NOT_STARTED;
        } else {
            status = Status.FAILING;
        }
        return new TaskProgress(task, status, passed, tests.size(), failure);
    }

    /**
     * Whether the task is done.
     *
     * @return {@code true} if every hidden test of the task passes
     */
    public boolean done() {
        return status == Status.DONE;
    }
}

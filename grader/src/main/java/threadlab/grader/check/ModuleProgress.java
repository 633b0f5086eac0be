package threadlab.grader.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import threadlab.grader.course.ExerciseModule;
import threadlab.grader.protocol.Verdict;
import threadlab.grader.report.ModuleResult;
import threadlab.grader.report.TestResult;

/**
 * How far a student is with one module: its tasks, in order.
 *
 * @param module the module
 * @param tasks the progress of each task that has hidden tests, by number
 * @param blocked why none of its tests could run (a compile error, no sources), if so
 */
public record ModuleProgress(ExerciseModule module, List<TaskProgress> tasks,
        Optional<String> blocked) {

    /** A module's progress. */
    public ModuleProgress {
        tasks = List.copyOf(tasks);
    }

    /**
     * A module's progress from its graded hidden tests.
     *
     * @param result the graded module
     * @return its progress
     */
    public static ModuleProgress of(ModuleResult result) {
        Map<Integer, List<TestResult>> byTask = new TreeMap<>();
        for (TestResult test : result.tests()) {
            byTask.computeIfAbsent(test.test().task(), task -> new ArrayList<>()).add(test);
        }
        Optional<String> blocked = blocked(result.tests());
        List<TaskProgress> tasks = new ArrayList<>();
        byTask.forEach((task, tests) -> tasks.add(TaskProgress.of(task, tests,
                blocked.isPresent())));
        return new ModuleProgress(result.module(), tasks, blocked);
    }

    /**
     * A module none of whose tests ran fails each with the same feedback, which says why: the
     * compiler's errors, or sources that are missing.
     */
    private static Optional<String> blocked(List<TestResult> tests) {
        if (tests.isEmpty() || tests.stream().anyMatch(TestResult::passed)) {
            return Optional.empty();
        }
        TestResult first = tests.get(0);
        boolean same = tests.stream().allMatch(t -> t.verdict().equals(first.verdict()));
        return same && tests.size() > 1 && first.verdict().kind() != Verdict.Kind.NOT_DONE
                ? Optional.of(first.feedback()) : Optional.empty();
    }

    /**
     * How many tasks are done.
     *
     * @return the tasks whose hidden tests all pass
     */
    public long done() {
        return tasks.stream().filter(TaskProgress::done).count();
    }

    /**
     * The first task that is not done.
     *
     * @return it, if any
     */
    public Optional<TaskProgress> firstToFix() {
        return tasks.stream().filter(t -> !t.done()).findFirst();
    }

    /**
     * The module as a student names it: {@code module 1, refcount}.
     *
     * @param module the module
     * @return its number and topic, from its folder's name
     */
    public static String title(ExerciseModule module) {
        String[] parts = module.folder().split("-", 3);
        if (parts.length == 3 && parts[1].matches("\\d+")) {
            return "module " + Integer.parseInt(parts[1]) + ", " + parts[2];
        }
        return module.folder();
    }
}

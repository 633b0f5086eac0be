package threadlab.grader.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import threadlab.grader.allowlist.ForbiddenApiException;
import threadlab.grader.course.Course;
import threadlab.grader.course.ExerciseModule;
import threadlab.grader.protocol.Verdict;
import threadlab.grader.report.TestResult;

/**
 * What {@code check} prints: each module's tasks done, a line per task, then for the first task
 * that is not done its failed test's feedback, its first hint and the next step. Feedback comes
 * from the graded tests, which never carry the hidden tests' source.
 */
public final class ProgressView {

    private static final int WIDTH = 96;
    private static final String INDENT = "    ";

    private ProgressView() {
    }

    /**
     * Renders the progress of the checked modules.
     *
     * @param modules the checked modules, by number; the first to fix is taken in the order
     *     the lessons teach them
     * @param hints each module's hints
     * @return the text, ending in a newline
     */
    public static String render(List<ModuleProgress> modules,
            Function<ExerciseModule, Hints> hints) {
        StringBuilder out = new StringBuilder();
        for (ModuleProgress module : modules) {
            out.append(String.format(Locale.ROOT, "%s: %d of %d tasks done%s%n",
                    ModuleProgress.title(module.module()), module.done(), module.tasks().size(),
                    module.blocked().isPresent() ? "; its tests could not run" : ""));
            for (TaskProgress task : module.tasks()) {
                out.append(String.format(Locale.ROOT, "  task %d  %-12s %d of %d tests pass%n",
                        task.task(), task.status().label(), task.passed(), task.total()));
            }
        }
        out.append('\n');
        Optional<ModuleProgress> first = modules.stream()
                .filter(m -> m.firstToFix().isPresent())
                .min(Comparator.comparingInt(m -> Course.learningOrder().indexOf(m.module())));
        if (first.isEmpty()) {
            out.append("Next: nothing; every task ").append(modules.size() == 1
                    ? "of this module" : "of every module")
                    .append(" passes its hidden tests. Each module's DESIGN.md says what to"
                            + " study next.\n");
            return out.toString();
        }
        ModuleProgress module = first.get();
        TaskProgress task = module.firstToFix().orElseThrow();
        String folder = module.module().folder();
        out.append("First to fix: ").append(ModuleProgress.title(module.module()))
                .append(", task ").append(task.task()).append('\n');
        if (module.blocked().isPresent()) {
            String why = module.blocked().get();
            out.append(indent(why)).append('\n');
            if (why.startsWith(folder + ForbiddenApiException.REFUSED)) {
                out.append("Next: replace each API named above with what the task needs (the"
                        + " advice under the list says what), then run check again.\n");
                return out.toString();
            }
            out.append("Next: fix what stops ").append(folder).append(" from being tested"
                    + " (above), then run check again. The compiler's errors also show with: ")
                    .append(compileCommand(module.module())).append('\n');
            return out.toString();
        }
        TestResult failed = task.firstFailure().orElseThrow();
        out.append("  Failed: ").append(failed.test().fullName()).append('\n');
        if (failed.verdict().kind() != Verdict.Kind.NOT_DONE) {
            failed.failedRules().forEach(rule -> out.append(indent(rule)).append('\n'));
        }
        out.append(indent(failed.feedback())).append('\n');
        out.append(hint(hints.apply(module.module()), folder, task.task()));
        out.append("Next: ").append(task.status() == TaskProgress.Status.NOT_STARTED
                ? "do task " + task.task() + " (" + folder + "/README.md)"
                : "fix task " + task.task()).append(", run its visible tests with\n")
                .append(INDENT).append(testCommand(module.module(), task.task())).append('\n')
                .append("  then run check again.\n");
        return out.toString();
    }

    /** The first hint of a task, and where the others are: one hint at a time. */
    private static String hint(Hints hints, String folder, int task) {
        List<String> all = hints.of(task);
        String where = folder + "/HINTS.md, under \"## Task " + task + "\"";
        if (all.isEmpty()) {
            return "  Hint: see " + where + ".\n";
        }
        StringBuilder out = new StringBuilder("  Hint 1 of " + all.size() + ":\n");
        out.append(wrap(INDENT, all.get(0))).append('\n');
        if (all.size() > 1) {
            out.append(wrap("  ", (all.size() - 1) + (all.size() == 2 ? " more hint is"
                    : " more hints are") + " in " + where + ": read one at a time, and try the"
                    + " code in between.")).append('\n');
        }
        return out.toString();
    }

    /**
     * The command that runs a task's visible tests.
     *
     * @param module the module
     * @param task the task's number
     * @return a command for the course's root folder
     */
    public static String testCommand(ExerciseModule module, int task) {
        if (module.uses().isEmpty()) {
            // -am builds the test support that the visible tests share.
            return "./mvnw -pl " + module.folder() + " -am test -Dgroups=task:" + task;
        }
        return "./mvnw -pl " + module.folder() + " -am test -Dtest='" + module.exercisePackage()
                + ".**' -Dsurefire.failIfNoSpecifiedTests=false -Dgroups=task:" + task;
    }

    private static String compileCommand(ExerciseModule module) {
        return "./mvnw -q -pl " + module.folder() + (module.uses().isEmpty() ? "" : " -am")
                + " compile";
    }

    private static String indent(String text) {
        List<String> lines = new ArrayList<>();
        text.lines().forEach(line -> lines.add(INDENT + line));
        return String.join("\n", lines);
    }

    /** Wraps a paragraph into indented lines. */
    static String wrap(String indent, String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" +")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return String.join("\n", lines);
    }
}

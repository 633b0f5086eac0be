package threadlab.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import threadlab.grader.grading.Grader;
import threadlab.grader.failure.GraderException;
import threadlab.grader.check.CheckCache;
import threadlab.grader.check.Hints;
import threadlab.grader.check.ModuleProgress;
import threadlab.grader.check.ProgressView;
import threadlab.grader.check.SourceWatcher;
import threadlab.grader.course.Course;
import threadlab.grader.course.ExerciseModule;
import threadlab.grader.report.GradeReport;
import threadlab.grader.report.ModuleResult;
import threadlab.grader.run.Limits;
import threadlab.grader.submission.CourseRootNotFoundException;
import threadlab.grader.submission.Submission;

/**
 * {@code check [COPY] [--module N] [--watch] [--fresh]}: a student's progress, task by task, with
 * the hint for the first task to fix and the next step. It runs the same hidden tests as
 * {@code grade}, and tests again only the modules whose sources changed since the last check.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {CheckCommand.WHAT, CheckCommand.CACHE},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every task of the checked modules is done",
            "1:a task is not done yet, or the copy could not be checked (the reason is printed)",
            "2:the command line was wrong"})
public final class CheckCommand implements Callable<Integer> {

    static final String WHAT = "Shows your progress, task by task: the hidden tests that grade"
            + " your work run on it, and for the first task that is not done, you see what"
            + " failed, a hint and the next step.";
    static final String CACHE = "A module is tested again only when its sources (or those of a"
            + " module it uses) changed since the last check; the results are kept in COPY/"
            + CheckCache.FOLDER + ".";

    /** How long the sources must be quiet after a save before --watch checks again. */
    static final Duration QUIET = Duration.ofMillis(300);

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "COPY",
            description = "Your copy of the course, or any folder in it. Default: the course"
                    + " repository around the current folder.")
    private Path copy;

    @Option(names = "--module", paramLabel = "N",
            description = "Check module N only (1 for module-01-..., and so on).")
    private Integer moduleNumber;

    @Option(names = "--watch",
            description = "Check again each time you save a Java file in an exercise's"
                    + " src/main/java; Ctrl-C stops.")
    private boolean watch;

    @Option(names = "--fresh",
            description = "Test every module again, ignoring the results kept from the last"
                    + " check.")
    private boolean fresh;

    @Override
    public Integer call() throws GraderException {
        List<ExerciseModule> modules = modules();
        Path from = copy == null ? Path.of("").toAbsolutePath() : Submission.at(copy).root();
        Submission target;
        try {
            target = Submission.around(from);
        } catch (CourseRootNotFoundException e) {
            throw new GraderException(from + " is not inside a copy of the course (no module"
                    + " folder such as module-01-refcount/ there or above). Run check from your"
                    + " copy of the course, or name it: check PATH.", e);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Grader grader = new Grader(Limits.DEFAULT)) {
            boolean done = check(grader, target, modules, fresh);
            if (!watch) {
                return done ? 0 : 1;
            }
            watch(grader, target, modules, out);
            return 1;
        }
    }

    private List<ExerciseModule> modules() {
        if (moduleNumber == null) {
            return Course.modules();
        }
        String prefix = String.format(Locale.ROOT, "module-%02d-", moduleNumber);
        return Course.modules().stream().filter(m -> m.folder().startsWith(prefix)).findFirst()
                .map(List::of).orElseThrow(() -> new ParameterException(spec.commandLine(),
                        "--module takes the number of a module: " + Course.modules().stream()
                                .map(m -> ModuleProgress.title(m).replace(",", ""))
                                .collect(Collectors.joining("; "))));
    }

    /** Rechecks on every save until interrupted. */
    private void watch(Grader grader, Submission target, List<ExerciseModule> modules,
            PrintWriter out) throws GraderException {
        List<ExerciseModule> watched = new ArrayList<>();
        for (ExerciseModule module : modules) {
            watched.addAll(module.uses());
            watched.add(module);
        }
        List<ExerciseModule> distinct = Course.modules().stream().filter(watched::contains)
                .toList();
        try (SourceWatcher watcher = new SourceWatcher(distinct.stream().map(target::sources)
                .toList())) {
            String what = names(distinct.stream().map(ExerciseModule::sourceFolder).toList());
            while (true) {
                out.println();
                out.println("Watching " + what + " for saved changes; Ctrl-C stops.");
                out.flush();
                List<String> changed = watcher.awaitChange(QUIET);
                out.println();
                out.println("Changed: " + String.join(", ", changed) + ". Checking again.");
                out.println();
                try {
                    check(grader, target, modules, false);
                } catch (GraderException e) {
                    spec.commandLine().getErr().println("error: " + e.getMessage());
                    spec.commandLine().getErr().flush();
                }
            }
        } catch (IOException e) {
            throw new GraderException("Could not watch the sources of " + target.root() + " ("
                    + e + "). Run check without --watch after each change instead.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Checks once and prints the progress.
     *
     * @return whether every task of the modules is done
     */
    private boolean check(Grader grader, Submission target, List<ExerciseModule> modules,
            boolean ignoreCache) throws GraderException {
        long start = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        CheckCache cache = CheckCache.of(target, grader.limits());
        Map<ExerciseModule, ModuleResult> results = new LinkedHashMap<>();
        Map<ExerciseModule, String> keys = new LinkedHashMap<>();
        List<ExerciseModule> toTest = new ArrayList<>();
        for (ExerciseModule module : modules) {
            String key = cache.key(target, module);
            keys.put(module, key);
            results.put(module, ignoreCache ? null : cache.load(module, key).orElse(null));
            if (results.get(module) == null) {
                toTest.add(module);
            }
        }
        List<String> notes = new ArrayList<>();
        if (!toTest.isEmpty()) {
            GradeReport report = grader.grade(target, toTest);
            grader.verifyGraderFiles(target.name());
            notes.addAll(report.notes());
            for (ModuleResult result : report.modules()) {
                results.put(result.module(), result);
                try {
                    cache.store(result, keys.get(result.module()));
                } catch (IOException e) {
                    notes.add("Could not keep the results for the next check in "
                            + cache.folder() + " (" + e + "); each check tests every module.");
                }
            }
        }
        List<ModuleProgress> progress = results.values().stream().map(ModuleProgress::of)
                .toList();
        out.println("threadlab check of " + target.root() + " (grader " + Grader.version() + ")");
        out.println();
        out.print(ProgressView.render(progress,
                module -> Hints.read(target.root().resolve(module.folder()).resolve("HINTS.md"))));
        out.println();
        out.println(timing(System.nanoTime() - start, modules, toTest));
        notes.forEach(note -> out.println("Note: " + note));
        out.flush();
        return progress.stream().allMatch(p -> p.firstToFix().isEmpty());
    }

    private static String timing(long nanos, List<ExerciseModule> modules,
            List<ExerciseModule> tested) {
        List<String> kept = modules.stream().filter(m -> !tested.contains(m))
                .map(CheckCommand::number).toList();
        String what;
        if (tested.isEmpty()) {
            what = "nothing changed since the last check";
        } else {
            what = "tested " + names(tested.stream().map(CheckCommand::number).toList())
                    + (kept.isEmpty() ? "" : "; " + names(kept) + " unchanged since the last"
                            + " check");
        }
        return String.format(Locale.ROOT, "Checked in %.1f s: %s.", nanos / 1e9, what);
    }

    private static String number(ExerciseModule module) {
        String title = ModuleProgress.title(module);
        int comma = title.indexOf(',');
        return comma < 0 ? title : title.substring(0, comma);
    }

    private static String names(List<String> modules) {
        if (modules.size() == 1) {
            return modules.get(0);
        }
        return String.join(", ", modules.subList(0, modules.size() - 1)) + " and "
                + modules.get(modules.size() - 1);
    }
}

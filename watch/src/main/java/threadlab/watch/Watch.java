package threadlab.watch;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The student's loop, run from the course folder:
 *
 * <pre>{@code
 * ./mvnw -q -f watch -Dmodule=3 -Dtask=2
 * }</pre>
 *
 * <p>It tests the task at once, then looks at the module's files ten times a second; after each
 * save it compiles what changed and runs the task's visible tests again, in this JVM, and prints
 * the task's verdict. Ctrl-C stops it. With {@code -Donce=true} it tests once and stops, with
 * exit code 0 when every test passed.
 */
public final class Watch {

    /** How often the files are looked at. */
    private static final Duration LOOK = Duration.ofMillis(100);

    private final Options options;
    private final PrintStream out;
    private final List<Exercise> modules;
    private final Builds builds;
    private final TestJvms jvms;

    private Watch(Options options, PrintStream out, List<Exercise> modules) {
        this.options = options;
        this.out = out;
        this.modules = modules;
        this.builds = new Builds(modules);
        this.jvms = new TestJvms(options.testJvm(), out, !options.once());
    }

    /**
     * Runs the command.
     *
     * @param args {@code --root=DIR --module=N --task=N --once=true --report=FILE}, as the pom
     *     passes them
     */
    public static void main(String[] args) {
        System.exit(run(System.out, args));
    }

    /**
     * Runs the command and says how it ended.
     *
     * @param out where the verdicts go
     * @param args as for {@link #main}
     * @return 0 when every test passed (with once), 1 when one failed, 2 for a wrong command
     */
    public static int run(PrintStream out, String... args) {
        try {
            Options options = Options.parse(args);
            return new Watch(options, out, targets(options)).start();
        } catch (BadOptionException e) {
            out.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            out.println("The watch could not read or write the course's files: " + e
                    + ". Check that the module folders exist and that their target folders"
                    + " can be written.");
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static List<Exercise> targets(Options options) throws IOException,
            BadOptionException {
        List<Exercise> all = Exercise.all(options.root());
        if (all.isEmpty()) {
            throw new BadOptionException(options.root() + " holds no exercise module"
                    + " (module-NN-name/ with a pom.xml). " + Options.USAGE);
        }
        return all;
    }

    private List<Exercise> chosen() throws BadOptionException {
        if (options.module().isEmpty()) {
            return modules;
        }
        int n = options.module().getAsInt();
        for (Exercise module : modules) {
            if (module.number() == n) {
                return List.of(module);
            }
        }
        throw new BadOptionException("There is no module " + n + " in " + options.root()
                + "; the modules are " + modules.stream().map(m -> String.valueOf(m.number()))
                .collect(Collectors.joining(", ")) + ". " + Options.USAGE);
    }

    private int start() throws IOException, InterruptedException, BadOptionException {
        try (jvms) {
            return start(chosen());
        }
    }

    private int start(List<Exercise> chosen) throws IOException, InterruptedException {
        for (Exercise module : modules) {
            Builds.delete(module.dir().resolve("target/watch"));
        }
        if (options.once()) {
            List<Outcome> all = new ArrayList<>();
            for (Exercise module : chosen) {
                all.addAll(check(module, System.nanoTime()));
            }
            report(all);
            return all.stream().allMatch(o -> o.status() != Outcome.Status.FAILED) ? 0 : 1;
        }
        out.println("Watching " + chosen.stream().map(Exercise::name)
                .collect(Collectors.joining(", "))
                + options.task().stream().mapToObj(t -> ", task " + t).collect(Collectors
                .joining()) + ". Save a file to test again; Ctrl-C stops.");
        // Looked at before the first test, so that a save while it runs is seen after it.
        Map<Exercise, Snapshot> seen = new HashMap<>();
        modules.forEach(m -> seen.put(m, Snapshot.of(m.watched())));
        for (Exercise module : chosen) {
            check(module, System.nanoTime());
        }
        watch(chosen, seen);
        return 0;
    }

    private void watch(List<Exercise> chosen, Map<Exercise, Snapshot> seen)
            throws IOException, InterruptedException {
        while (true) {
            Thread.sleep(LOOK.toMillis());
            long savedAt = System.nanoTime();
            Set<String> changed = changed(seen);
            if (changed.isEmpty()) {
                continue;
            }
            Thread.sleep(LOOK.toMillis()); // an editor's save can be a burst of writes
            changed.addAll(changed(seen));
            for (Exercise module : chosen) {
                if (changed.contains(module.name()) || module.dependencies().stream()
                        .anyMatch(changed::contains)) {
                    out.println();
                    out.println("Saved in " + String.join(", ", changed) + ": testing "
                            + module.name() + " again.");
                    check(module, savedAt);
                }
            }
        }
    }

    /** The modules whose files changed since they were last seen; it updates what was seen. */
    private Set<String> changed(Map<Exercise, Snapshot> seen) {
        Set<String> changed = new TreeSet<>();
        for (Map.Entry<Exercise, Snapshot> module : seen.entrySet()) {
            Snapshot now = Snapshot.of(module.getKey().watched());
            if (!now.changedSince(module.getValue()).isEmpty()) {
                changed.add(module.getKey().name());
                module.setValue(now);
            }
        }
        return changed;
    }

    private List<Outcome> check(Exercise module, long since)
            throws IOException, InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long processor = threads.getCurrentThreadCpuTime();
        Builds.Result build = builds.build(module);
        if (!build.errors().isEmpty()) {
            out.print(Verdict.doesNotCompile(module, options.task(), build.errors(),
                    took(since)));
            out.flush();
            return List.of(new Outcome(module.name(), "compile", "compiles", "",
                    options.task(), Outcome.Status.FAILED, build.errors()));
        }
        Duration compiling = took(since);
        Duration compilingProcessor = Duration.ofNanos(threads.getCurrentThreadCpuTime()
                - processor);
        Spare.Result result = jvms.run(module, build.classFolders(),
                VisibleTests.testClasses(build.classFolders().get(0)), options.task());
        out.print(Verdict.tested(module, options.task(), result.outcomes(), took(since),
                compiling, Verdict.testJvm(compilingProcessor, result.run(), jvms.warmAfter())));
        out.flush();
        jvms.prepare(module, build.classFolders());
        return result.outcomes();
    }

    private static Duration took(long since) {
        return Duration.ofNanos(System.nanoTime() - since);
    }

    private void report(List<Outcome> outcomes) throws IOException {
        if (options.report() == null) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (Outcome outcome : outcomes) {
            lines.append(outcome.key()).append(' ').append(outcome.status()).append('\n');
        }
        Files.writeString(options.report(), lines, StandardCharsets.UTF_8);
    }
}

package threadlab.grader.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import threadlab.grader.allowlist.ApiCheck;
import threadlab.grader.compile.CompileWorkers;
import threadlab.grader.compile.ModuleCompiler;
import threadlab.grader.course.Course;
import threadlab.grader.course.ExerciseModule;
import threadlab.grader.discover.Fingerprint;
import threadlab.grader.discover.GraderFiles;
import threadlab.grader.discover.HiddenSources;
import threadlab.grader.discover.HiddenTest;
import threadlab.grader.discover.HiddenTestCatalog;
import threadlab.grader.failure.GraderException;
import threadlab.grader.failure.GradingFailure;
import threadlab.grader.failure.TamperedException;
import threadlab.grader.files.Folders;
import threadlab.grader.protocol.Verdict;
import threadlab.grader.report.GradeReport;
import threadlab.grader.report.ModuleResult;
import threadlab.grader.report.TestResult;
import threadlab.grader.rubric.Rubric;
import threadlab.grader.run.Activity;
import threadlab.grader.run.AgentJar;
import threadlab.grader.run.ClassDataArchive;
import threadlab.grader.run.Limits;
import threadlab.grader.run.OutputLine;
import threadlab.grader.run.ProcessTree;
import threadlab.grader.run.Sandbox;
import threadlab.grader.run.TestJvmRunner;
import threadlab.grader.run.TestOutcome;
import threadlab.grader.run.TestRun;
import threadlab.grader.run.VerdictFailure;
import threadlab.grader.submission.Candidate;
import threadlab.grader.submission.Snapshot;
import threadlab.grader.submission.Submission;
import threadlab.grader.submission.UnreadableSubmissionException;

/**
 * Grades submissions: discover the hidden tests (once), compile each module of a submission on
 * its own, run the tests of the modules that compiled in a JVM of their own, and report. One
 * grader grades any number of submissions, one at a time or several at once from several
 * threads; close it to delete its working folder.
 *
 * <pre>{@code
 * try (Grader grader = new Grader(Limits.DEFAULT)) {
 *     GradeReport report = grader.grade(Submission.at(Path.of("solutions")));
 *     System.out.print(TextReport.render(report));
 * }
 * }</pre>
 */
public final class Grader implements AutoCloseable {

    /** How long a stop waits for the grades under way to end once their processes are gone. */
    private static final long STOP_SECONDS = 10;
    /** How often a stop tries to remove the working folder, and how long it waits in between. */
    private static final int DELETE_ATTEMPTS = 5;
    private static final long DELETE_PAUSE_MILLIS = 200;

    private final Limits limits;
    private final List<String> jvmArgs;
    private final boolean shareClasses;
    private final Rubric rubric;
    private final Sandbox.Mode sandboxMode;
    private Sandbox sandbox;
    private Prepared prepared;
    private volatile ClassDataArchive archive;
    private String modelCheckerAgent;
    private CompileWorkers compileWorkers;
    private Thread cleanUp;
    private volatile boolean apiCheck = true;
    /** Held to read by every grade that writes in the working folder; to write, by a stop. */
    private final ReentrantReadWriteLock working = new ReentrantReadWriteLock();
    private volatile boolean stopping;

    /**
     * A grader with limits.
     *
     * @param limits the time and memory bounds for each submission
     */
    public Grader(Limits limits) {
        this(limits, List.of());
    }

    /**
     * A grader with limits and more options for each test JVM.
     *
     * @param limits the time and memory bounds for each submission
     * @param jvmArgs more options for each test JVM, such as a class-data sharing archive
     */
    public Grader(Limits limits, List<String> jvmArgs) {
        this(limits, jvmArgs, false);
    }

    /**
     * A grader with limits, more options for each test JVM, and, for many submissions, a
     * class-data sharing archive that its test JVMs share.
     *
     * @param limits the time and memory bounds for each submission
     * @param jvmArgs more options for each test JVM
     * @param shareClasses whether to build a class-data sharing archive for the run
     */
    public Grader(Limits limits, List<String> jvmArgs, boolean shareClasses) {
        this(limits, jvmArgs, shareClasses, null);
    }

    /**
     * A grader as above, whose tests are worth what a rubric says.
     *
     * @param limits the time and memory bounds for each submission
     * @param jvmArgs more options for each test JVM
     * @param shareClasses whether to build a class-data sharing archive for the run
     * @param rubric the points and visibility of each test, or {@code null} for the rubric the
     *     grader was built with
     */
    public Grader(Limits limits, List<String> jvmArgs, boolean shareClasses, Rubric rubric) {
        this(limits, jvmArgs, shareClasses, rubric, Sandbox.Mode.AUTO);
    }

    /**
     * A grader as above, whose test JVMs run in the operating-system sandbox as a mode says.
     *
     * @param limits the time and memory bounds for each submission
     * @param jvmArgs more options for each test JVM
     * @param shareClasses whether to build a class-data sharing archive for the run
     * @param rubric the points and visibility of each test, or {@code null} for the built-in one
     * @param sandboxMode whether test JVMs run in the sandbox: where it starts, always, or never
     */
    public Grader(Limits limits, List<String> jvmArgs, boolean shareClasses, Rubric rubric,
            Sandbox.Mode sandboxMode) {
        this.limits = limits;
        this.jvmArgs = List.copyOf(jvmArgs);
        this.shareClasses = shareClasses;
        this.rubric = rubric;
        this.sandboxMode = sandboxMode;
    }

    /** What every submission shares: the grader's files, unpacked once, and the test plan. */
    private record Prepared(Path folder, GraderFiles files, HiddenSources sources,
            Map<ExerciseModule, List<HiddenTest>> plan, String fingerprint, String contents) {
    }

    /**
     * Grades without the API allow-list: for the grader's own tests of the walls behind it (the
     * sandbox, the tamper check), never for grades that count.
     *
     * @param on {@code false} to let every module's code run whatever API it uses
     * @return this grader
     */
    public Grader apiCheck(boolean on) {
        this.apiCheck = on;
        return this;
    }

    /**
     * Unpacks the grader's files and lists the hidden tests, once; later calls return at once.
     *
     * @return the working folder, where grading runs
     * @throws GraderException if the grader cannot work on this machine or its files are broken
     */
    public synchronized Path prepare() throws GraderException {
        if (prepared == null) {
            Path folder = temporaryFolder();
            // A stop (Ctrl-C, a kill) from here on: no test JVM outlives the grader, no folder
            // is left.
            cleanUp = new Thread(() -> stop(folder), "grader-clean-up");
            Runtime.getRuntime().addShutdownHook(cleanUp);
            try {
                GraderFiles files = GraderFiles.locate(folder);
                HiddenTestCatalog catalog = new HiddenTestCatalog(files);
                Map<ExerciseModule, List<HiddenTest>> discovered = new LinkedHashMap<>();
                for (ExerciseModule module : Course.modules()) {
                    discovered.put(module, catalog.discover(module));
                }
                Map<ExerciseModule, List<HiddenTest>> plan = (rubric != null ? rubric
                        : Rubric.packaged()).apply(discovered);
                compileWorkers = new CompileWorkers();
                prepared = new Prepared(folder, files, HiddenSources.beside(), plan,
                        files.fingerprint(),
                        Fingerprint.of(files.contents()));
                modelCheckerAgent = AgentJar.option(AgentJar.write(folder.resolve(
                        "model-checker-agent.jar")), Course.modelCheckedPackages());
                if (shareClasses && files.hiddenTestsJar().isPresent()) {
                    List<Path> shared = new ArrayList<>(files.runtimeClasspath());
                    shared.add(files.hiddenTestsJar().get());
                    archive = new ClassDataArchive(folder.resolve("class-data"), shared);
                }
            } catch (GraderException | RuntimeException e) {
                closeCompileWorkers();
                removeCleanUp();
                Folders.deleteQuietly(folder);
                throw e;
            } catch (IOException e) {
                closeCompileWorkers();
                removeCleanUp();
                Folders.deleteQuietly(folder);
                throw new GraderException("Could not write the model checker's agent under "
                        + folder + " (" + e.getMessage() + "). Check that it has space.", e);
            }
        }
        return prepared.folder();
    }

    /**
     * The hidden tests, module by module, in course order, with the points and visibility the
     * rubric gives them.
     *
     * @return the plan
     * @throws GraderException if the grader's files are broken
     */
    public Map<ExerciseModule, List<HiddenTest>> plan() throws GraderException {
        prepare();
        return prepared.plan();
    }

    /**
     * The grader's own files that test JVMs share.
     *
     * @return the files
     * @throws GraderException if the grader's files are broken
     */
    public GraderFiles files() throws GraderException {
        prepare();
        return prepared.files();
    }

    /**
     * The limits each submission runs within.
     *
     * @return the limits
     */
    public Limits limits() {
        return limits;
    }

    /**
     * Grades a submission.
     *
     * @param submission the submission
     * @return its report
     * @throws GraderException if the grader cannot work on this machine or its files are broken
     */
    public GradeReport grade(Submission submission) throws GraderException {
        return grade(submission, Course.modules());
    }

    /**
     * Grades a submission, telling when its test JVM waits and when it works.
     *
     * @param submission the submission
     * @param activity told when the test JVM waits, and when it works again
     * @return its report
     * @throws GraderException if the grader cannot work on this machine or its files are broken
     */
    public GradeReport grade(Submission submission, Activity activity) throws GraderException {
        return grade(submission, Course.modules(), activity);
    }

    /**
     * Grades some modules of a submission: it compiles them and the modules they use, and runs
     * their hidden tests only. The report holds those modules only.
     *
     * @param submission the submission
     * @param only the modules to grade
     * @return their report
     * @throws GraderException if the grader cannot work on this machine or its files are broken
     */
    public GradeReport grade(Submission submission, List<ExerciseModule> only)
            throws GraderException {
        return grade(submission, only, Activity.NONE);
    }

    /**
     * Writes a snapshot to a folder of the grader's and grades it, unless the grader is stopping:
     * a stop must not find the working folder made again behind it.
     *
     * @param snapshot the submission's sources
     * @param folder where to write them, under the working folder
     * @param activity told when the test JVM waits, and when it works again
     * @return its report
     * @throws IOException if the sources cannot be written
     * @throws GraderException if the grader is stopping, cannot work, or its files are broken
     */
    public GradeReport grade(Snapshot snapshot, Path folder, Activity activity)
            throws IOException, GraderException {
        enter();
        try {
            return grade(snapshot.writeTo(folder), Course.modules(), activity);
        } finally {
            working.readLock().unlock();
        }
    }

    private void enter() throws GraderException {
        working.readLock().lock();
        if (stopping) {
            working.readLock().unlock();
            throw new GraderException("The grader is stopping, so it grades nothing more.");
        }
    }

    /**
     * On a stop (Ctrl-C, a kill): no new grade starts, the processes end, the grades under way
     * end with them, and only then the working folder goes, so that none makes it again.
     */
    private void stop(Path folder) {
        stopping = true;
        // Every test JVM and compile worker, and all they started, is gone before the folder.
        ProcessHandle.current().children().forEach(child -> ProcessTree.end(child,
                ProcessTree.STOP_LIMIT));
        try {
            // The archive is built beside the grades, by a thread of its own.
            if (archive != null) {
                archive.stop(Duration.ofSeconds(STOP_SECONDS));
            }
            if (working.writeLock().tryLock(STOP_SECONDS, TimeUnit.SECONDS)) {
                working.writeLock().unlock();
            }
            // A process started just before the stop may still be writing into the folder.
            for (int attempt = 0; attempt < DELETE_ATTEMPTS && Files.exists(folder,
                    LinkOption.NOFOLLOW_LINKS); attempt++) {
                ProcessHandle.current().children().forEach(child -> ProcessTree.end(child,
                        ProcessTree.STOP_LIMIT));
                Folders.deleteQuietly(folder);
                if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                    TimeUnit.MILLISECONDS.sleep(DELETE_PAUSE_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Folders.deleteQuietly(folder);
        }
    }

    private GradeReport grade(Submission submission, List<ExerciseModule> only,
            Activity activity) throws GraderException {
        prepare();
        sandbox();
        enter();
        try {
            return gradeInFolder(submission, only, activity);
        } finally {
            working.readLock().unlock();
        }
    }

    private GradeReport gradeInFolder(Submission submission, List<ExerciseModule> only,
            Activity activity) throws GraderException {
        Path work;
        try {
            work = Files.createTempDirectory(prepared.folder(), "submission-");
        } catch (IOException e) {
            throw new GraderException("Could not make a folder to grade in under "
                    + prepared.folder() + " (" + e.getMessage() + "). Check that it has space.",
                    e);
        }
        try {
            return grade(snapshot(submission, work), work, only, activity);
        } catch (UnreadableSubmissionException e) {
            return unreadable(submission, e);
        } finally {
            Folders.deleteQuietly(work);
        }
    }

    /**
     * The submission as the grader compiles it: a copy taken before any of its code runs. A
     * submission read from where it lies (a student's work in place) is copied here, through the
     * same checks as a class's: no link is followed out of it.
     */
    private static Submission snapshot(Submission submission, Path work)
            throws UnreadableSubmissionException, GraderException {
        if (!submission.root().equals(submission.origin())) {
            return submission;
        }
        try {
            return Snapshot.take(new Candidate(submission.name(), submission.root()))
                    .writeTo(work.resolve("sources"));
        } catch (IOException e) {
            throw new GraderException("Could not copy the sources of " + submission.name()
                    + " to grade them (" + e.getMessage() + "). Check that the temporary folder"
                    + " has space.", e);
        }
    }

    private GradeReport grade(Submission submission, Path work, List<ExerciseModule> only,
            Activity activity) throws GraderException {
        long start = System.nanoTime();
        GraderFiles files = prepared.files();
        ModuleCompiler compiler = new ModuleCompiler(compileWorkers);
        Map<ExerciseModule, Path> compiled = new LinkedHashMap<>();
        Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
        Map<ExerciseModule, String> notRun = new LinkedHashMap<>();
        List<String> toRun = new ArrayList<>();
        prepared.plan().forEach((module, tests) -> {
            boolean graded = only.contains(module);
            if (!graded && only.stream().noneMatch(m -> m.uses().contains(module))) {
                return;
            }
            try {
                List<Path> used = uses(module, compiled, files);
                Path classes = compiler.compile(submission, module, used,
                        work.resolve("classes").resolve(module.folder()),
                        files.courseApi(module));
                if (apiCheck) {
                    ApiCheck.packaged().verify(module, classes, used);
                }
                compiled.put(module, classes);
                if (graded) {
                    tests.forEach(t -> toRun.add(t.uniqueId()));
                }
            } catch (GradingFailure failure) {
                notRun.put(module, failure.getMessage());
                tests.forEach(t -> outcomes.put(t.uniqueId(),
                        TestOutcome.failed(t.uniqueId(), failure, 0)));
            }
        });
        long compileMillis = (System.nanoTime() - start) / 1_000_000;
        String classes = Fingerprint.of(List.of(work.resolve("classes")));
        List<String> notes = new ArrayList<>();
        int jvms = 0;
        long testCpuMillis = 0;
        if (!toRun.isEmpty()) {
            // The grader's runtime and the hidden tests come first, so that no class of a
            // submission can stand in for one of theirs.
            List<Path> classpath = new ArrayList<>(files.runtimeClasspath());
            classpath.add(files.hiddenTestsJar().orElse(files.hiddenTests()));
            classpath.addAll(compiled.values());
            for (ExerciseModule module : compiled.keySet()) {
                for (Path used : uses(module, compiled, files)) {
                    if (!classpath.contains(used)) {
                        classpath.add(used);
                    }
                }
            }
            List<String> options = new ArrayList<>(jvmArgs);
            options.add(modelCheckerAgent);
            TestRun run = new TestJvmRunner(limits, options, archive, activity, sandbox)
                    .runAll(classpath, toRun, work.resolve("run"));
            sandbox.withoutSentence().ifPresent(notes::add);
            outcomes.putAll(run.outcomes());
            run.notes().forEach(note -> notes.add(prepared.sources().feedback(note)));
            jvms = run.jvms();
            testCpuMillis = run.cpuMillis();
        }
        if (!Fingerprint.of(List.of(work.resolve("classes"))).equals(classes)) {
            throw new TamperedException("The compiled classes of " + submission.name()
                    + " changed on disk while its tests ran.");
        }
        prepared.plan().forEach((module, tests) -> outcomes.putAll(
                Prerequisites.apply(tests, outcomes)));
        List<ModuleResult> modules = new ArrayList<>();
        prepared.plan().forEach((module, tests) -> {
            if (only.contains(module)) {
                modules.add(new ModuleResult(module, tests.stream().map(t -> result(t,
                        outcomes.get(t.uniqueId()), prepared.sources())).toList(),
                        notRun.getOrDefault(module, "")));
            }
        });
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new GradeReport(submission, modules, version(), Runtime.version().toString(),
                limits, millis, notes, compileMillis, millis - compileMillis, jvms,
                testCpuMillis, sandbox.state());
    }

    /**
     * Checks that the hidden tests and the course API are as they were when grading began.
     *
     * @param during what was being graded, for the message
     * @throws TamperedException if they changed
     */
    public void verifyGraderFiles(String during) throws TamperedException {
        if (!graderFilesIntact()) {
            throw new TamperedException("The grader's hidden tests, course API or runtime"
                    + " changed on disk while " + during + " was graded.");
        }
    }

    /**
     * Whether the hidden tests, the course API and the runtime are as they were when grading
     * began. It reads only the files' attributes, so it is quick enough to ask after each
     * submission.
     *
     * @return {@code true} if nothing changed them
     */
    public synchronized boolean graderFilesIntact() {
        boolean intact = prepared.files().fingerprint().equals(prepared.fingerprint());
        if (archive != null && !archive.intact()) {
            archive.discard();
            intact = false;
        }
        return intact;
    }

    /**
     * The sandbox the test JVMs run in, chosen once per run.
     *
     * @return the sandbox, on or off
     * @throws GraderException if the sandbox is required and cannot start here
     */
    public synchronized Sandbox sandbox() throws GraderException {
        if (sandbox == null) {
            sandbox = Sandbox.choose(sandboxMode);
        }
        return sandbox;
    }

    /**
     * What became of the class-data sharing archive, for the reports.
     *
     * @return its state, or that it was not asked for
     */
    public String classDataSharing() {
        return archive == null ? "off" : archive.state();
    }

    /**
     * Puts the hidden tests, the course API and the runtime back as they are in the grader's
     * jar, after something changed them.
     *
     * @throws GraderException if they cannot be put back as they were
     */
    public synchronized void restoreGraderFiles() throws GraderException {
        // A stop removes the files, which looks like a change: they must not come back behind it.
        // Never waits for the lock: the thread that asks may hold what a grade under way needs.
        if (!working.readLock().tryLock()) {
            throw new GraderException("The grader is stopping, so it grades nothing more.");
        }
        if (stopping) {
            working.readLock().unlock();
            throw new GraderException("The grader is stopping, so it grades nothing more.");
        }
        try {
            if (archive != null) {
                archive.discard();
            }
            prepared.files().restore();
            String contents = Fingerprint.of(prepared.files().contents());
            if (!contents.equals(prepared.contents())) {
                throw new GraderException("The grader's files could not be put back as they"
                        + " were: the grader's own jar changed on disk during the run. Rebuild"
                        + " the grader and grade again.");
            }
            prepared = new Prepared(prepared.folder(), prepared.files(), prepared.sources(),
                    prepared.plan(),
                    prepared.files().fingerprint(), contents);
        } finally {
            working.readLock().unlock();
        }
    }

    /**
     * The report of a submission that could not be read at all: every test fails with why.
     *
     * @param submission the submission
     * @param failure why it could not be read
     * @return its report
     * @throws GraderException if the grader's files are broken
     */
    public GradeReport unreadable(Submission submission, GradingFailure failure)
            throws GraderException {
        List<ModuleResult> modules = new ArrayList<>();
        plan().forEach((module, tests) -> modules.add(new ModuleResult(module, tests.stream()
                .map(t -> new TestResult(t, false, VerdictFailure.verdictOf(failure), 0))
                .toList(),
                failure.getMessage())));
        return new GradeReport(submission, modules, version(), Runtime.version().toString(),
                limits, 0, List.of(), 0, 0, 0, -1, sandbox().state());
    }

    /**
     * The classes a module builds on: the submission's own build of each module it uses, or, where
     * that did not compile, the course's, so that a compile error costs only its own module.
     */
    private static List<Path> uses(ExerciseModule module, Map<ExerciseModule, Path> compiled,
            GraderFiles files) {
        List<Path> classes = new ArrayList<>();
        for (ExerciseModule used : module.uses()) {
            classes.add(compiled.getOrDefault(used, files.courseApi(used)));
        }
        return classes;
    }

    private static TestResult result(HiddenTest test, TestOutcome outcome,
            HiddenSources sources) {
        if (outcome == null) {
            return new TestResult(test, false, Verdict.of(Verdict.Kind.NOT_RUN, "Not run: the"
                    + " grader lost this test's result. Please report this to the course staff."),
                    0);
        }
        List<OutputLine> output = outcome.output().stream().map(line -> sources.line(
                line.text()).map(text -> new OutputLine(line.micros(), line.thread(),
                        line.channel(), text, line.shared())).orElse(line)).toList();
        return new TestResult(test, outcome.passed(), sources.verdict(outcome.verdict()),
                outcome.millis(), output, outcome.dropped());
    }

    /**
     * The grader's version, from its jar.
     *
     * @return the version, or {@code development} when run from a build folder
     */
    public static String version() {
        String version = Grader.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    @Override
    public synchronized void close() {
        closeCompileWorkers();
        if (prepared != null) {
            Folders.deleteQuietly(prepared.folder());
            prepared = null;
        }
        removeCleanUp();
    }

    private void removeCleanUp() {
        if (cleanUp != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanUp);
            } catch (IllegalStateException e) {
                // The JVM is shutting down already: the hook runs.
            }
            cleanUp = null;
        }
    }

    private void closeCompileWorkers() {
        if (compileWorkers != null) {
            compileWorkers.close();
            compileWorkers = null;
        }
    }

    private static Path temporaryFolder() throws GraderException {
        try {
            return Files.createTempDirectory("threadlab-grader-");
        } catch (IOException e) {
            throw new GraderException("Could not make a temporary folder to grade in ("
                    + e.getMessage() + "). Check that the temporary folder "
                    + System.getProperty("java.io.tmpdir") + " exists and has space.", e);
        }
    }
}

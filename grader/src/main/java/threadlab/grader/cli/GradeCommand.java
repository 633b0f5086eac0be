package threadlab.grader.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import threadlab.grader.batch.ClassGrading;
import threadlab.grader.batch.Graded;
import threadlab.grader.batch.Progress;
import threadlab.grader.batch.Regrades;
import threadlab.grader.failure.GraderException;
import threadlab.grader.grading.Grader;
import threadlab.grader.report.ClassReport;
import threadlab.grader.report.GradeReport;
import threadlab.grader.report.GradescopeResults;
import threadlab.grader.report.HtmlReport;
import threadlab.grader.report.ReportFiles;
import threadlab.grader.report.RunInfo;
import threadlab.grader.report.TextReport;
import threadlab.grader.rubric.Rubric;
import threadlab.grader.run.Limits;
import threadlab.grader.run.TestJvmRunner;
import threadlab.grader.submission.Candidate;
import threadlab.grader.submission.Intake;
import threadlab.grader.submission.Snapshot;
import threadlab.grader.submission.Submission;
import threadlab.grader.submission.UnreadableSubmissionException;

/**
 * {@code grade [SUBMISSION...] [--out DIR] [--jobs N] [--repeat N] [--json FILE]
 * [--rubric FILE] [--sandbox MODE]}: grades one submission and prints its report, or a class,
 * and writes every report.
 */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {GradeCommand.WHAT, GradeCommand.SUBMISSION, GradeCommand.CLASS},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:graded (whatever the scores)",
            "1:could not grade, or a grade cannot be trusted (the reason is printed)",
            "2:the command line was wrong",
            "3:--repeat found grades that differ from one run to the next"})
public final class GradeCommand implements Callable<Integer> {

    static {
        // For --help: the default of --jobs on this machine.
        System.setProperty("threadlab.grader.defaultJobs", String.valueOf(defaultJobs(256)));
    }

    static final String WHAT = "Grades submissions with the hidden tests and reports.";
    static final String SUBMISSION = "A submission is a folder laid out like the course"
            + " repository, or a .zip of one. With none named, the grader grades the exercise"
            + " modules of the course repository it is run in: your work in place.";
    static final String CLASS = "Several submissions, or one folder that holds a folder or .zip"
            + " per student, are a class: each student's reports go to DIR/<student>/, and the"
            + " class's to DIR/grades.csv and DIR/index.html.";

    /** From how many submissions on the test JVMs share a class-data archive. */
    static final int SHARE_CLASSES_FROM = 8;

    /** The exit code when regrades differ. */
    public static final int DIFFERENT = 3;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "SUBMISSION",
            description = "Submission folders or .zip files, or one class folder. Default: the"
                    + " course repository around the current folder.")
    private List<Path> submissions = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write every report under DIR (default for a class: grades).")
    private Path out;

    @Option(names = "--jobs", paramLabel = "N",
            description = "How many submissions to grade at once (default: twice the cores, as"
                    + " far as memory allows; here ${sys:threadlab.grader.defaultJobs})."
                    + " Tests spend much of their time waiting, so this keeps the cores busy;"
                    + " a submission whose tests only wait (no thread ready to run) makes"
                    + " room for another, up to 4 times N in all.",
            defaultValue = "0",
            showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    private int jobs;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "Grade everything N times and report any grade that differs from the"
                    + " first (exit code 3 if one does). Default: ${DEFAULT-VALUE}.")
    private int repeat;

    @Option(names = "--json", paramLabel = "FILE",
            description = "For one submission: also write its grade to FILE in Gradescope's"
                    + " results.json format.")
    private Path json;

    @Option(names = "--rubric", paramLabel = "FILE",
            description = "The points and Gradescope visibility of each test (YAML; write one to"
                    + " start from with the rubric command). Default: the rubric the grader was"
                    + " built with, grader/rubric.yaml.")
    private Path rubricFile;

    @Option(names = "--test-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long one hidden test may run (default: ${DEFAULT-VALUE}).")
    private long testTimeoutSeconds;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "How long all of a submission's tests may run (default:"
                    + " ${DEFAULT-VALUE}).")
    private long submissionTimeoutSeconds;

    @Mixin
    private SandboxOption sandbox = new SandboxOption();

    @Option(names = "--api-check", paramLabel = "MODE", defaultValue = "on",
            description = "on (default): refuse a module that uses an API outside the allow-list"
                    + " before its code runs. off: let it run, to test the walls behind the"
                    + " allow-list; never for grades that count.")
    private String apiCheck;

    @Option(names = "--heap", paramLabel = "MB", defaultValue = "256",
            description = "The heap of each test JVM (default: ${DEFAULT-VALUE}).")
    private int heapMegabytes;

    @Override
    public Integer call() throws GraderException {
        if (testTimeoutSeconds <= 0 || submissionTimeoutSeconds <= 0) {
            throw usage("--test-timeout and --timeout take a number of seconds above 0");
        }
        if (jobs < 0 || repeat < 1 || heapMegabytes < 16) {
            throw usage("--jobs takes a number of 1 or more, --repeat 1 or more, --heap 16 or"
                    + " more");
        }
        Limits limits = new Limits(Duration.ofSeconds(testTimeoutSeconds),
                Duration.ofSeconds(submissionTimeoutSeconds), heapMegabytes);
        int jobCount = jobs > 0 ? jobs : defaultJobs(heapMegabytes);
        Rubric rubric = rubricFile == null ? null : Rubric.read(rubricFile);
        if (submissions.isEmpty()) {
            if (out != null || repeat > 1) {
                return gradeClass(limits, jobCount, rubric, new Intake(List.of(candidate(
                        Submission.around(Path.of("").toAbsolutePath()))), List.of(), false));
            }
            return gradeOne(limits, rubric, Submission.around(Path.of("").toAbsolutePath()));
        }
        if (json != null && submissions.size() == 1 && out == null && repeat == 1
                && !classOfSeveral(submissions.get(0))) {
            return gradeOne(limits, rubric, Intake.one(submissions.get(0)));
        }
        Intake intake = Intake.of(submissions);
        boolean single = intake.candidates().size() == 1 && !intake.isClass();
        if (json != null && !single) {
            throw usage("--json is for one submission; for a class, --out DIR writes each"
                    + " student's results.json");
        }
        if (single && out == null && repeat == 1
                && !intake.candidates().get(0).isZip()) {
            return gradeOne(limits, rubric, Submission.at(intake.candidates().get(0).path()));
        }
        return gradeClass(limits, jobCount, rubric, intake);
    }

    /** Whether a path is a class folder with several students in it, which --json cannot take. */
    private static boolean classOfSeveral(Path path) {
        try {
            Intake intake = Intake.of(List.of(path));
            return intake.isClass() && intake.candidates().size() > 1;
        } catch (GraderException e) {
            return false;
        }
    }

    private static Candidate candidate(Submission submission) {
        return new Candidate(submission.name(), submission.root());
    }

    private boolean apiCheckOn() {
        if (!apiCheck.equals("on") && !apiCheck.equals("off")) {
            throw usage("--api-check takes on or off, not " + apiCheck);
        }
        return apiCheck.equals("on");
    }

    private ParameterException usage(String reason) {
        return new ParameterException(spec.commandLine(), reason);
    }

    /** One submission, its report printed: what a student runs on their own work. */
    private int gradeOne(Limits limits, Rubric rubric, Submission target) throws GraderException {
        GradeReport report;
        try (Grader grader = new Grader(limits, List.of(), false, rubric, sandbox.mode())
                .apiCheck(apiCheckOn())) {
            report = grader.grade(target);
            grader.verifyGraderFiles(target.name());
        }
        return printed(report);
    }

    /**
     * One submission for {@code --json}, whatever was handed in: a folder, a folder below extra
     * top folders, a .zip, or one that cannot be read, whose report then fails every test with
     * why. An autograder writes results.json whatever the student uploaded.
     */
    private int gradeOne(Limits limits, Rubric rubric, Candidate candidate)
            throws GraderException {
        if (!candidate.isZip() && Submission.holdsModule(candidate.path())) {
            return gradeOne(limits, rubric, Submission.at(candidate.path()));
        }
        GradeReport report;
        try (Grader grader = new Grader(limits, List.of(), false, rubric, sandbox.mode())
                .apiCheck(apiCheckOn())) {
            Path work = grader.prepare();
            try {
                Snapshot snapshot = Snapshot.take(candidate);
                report = grader.grade(snapshot.writeTo(Files.createTempDirectory(work,
                        "snapshot-")));
            } catch (UnreadableSubmissionException e) {
                report = grader.unreadable(new Submission(candidate.name(), candidate.path()), e);
            } catch (IOException e) {
                throw new GraderException("Could not copy the submission's sources to grade"
                        + " them (" + e + "). Check that the temporary folder has space.", e);
            }
            grader.verifyGraderFiles(candidate.name());
        }
        return printed(report);
    }

    /** Prints a submission's report, and writes its results.json if asked. */
    private int printed(GradeReport report) throws GraderException {
        PrintWriter printed = spec.commandLine().getOut();
        printed.print(TextReport.render(report));
        printed.flush();
        if (json != null) {
            try {
                GradescopeResults.write(report, json);
            } catch (IOException e) {
                throw new GraderException("Graded, but could not write " + json + ": " + e
                        + ". Check that its folder is writable; the report above is complete.",
                        e);
            }
            printed.println("Wrote " + json);
        }
        return 0;
    }

    /** A class: every report written under the output folder. */
    private int gradeClass(Limits limits, int jobCount, Rubric rubric, Intake intake)
            throws GraderException {
        Path dir = (out == null ? Path.of("grades") : out).toAbsolutePath().normalize();
        PrintWriter printed = spec.commandLine().getOut();
        PrintStream progressOut = System.err;
        intake.notes().forEach(note -> progressOut.println("Note: " + note));
        String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        boolean shareClasses = intake.candidates().size() * repeat >= SHARE_CLASSES_FROM;
        try (Grader grader = new Grader(limits, List.of(), shareClasses, rubric,
                sandbox.mode()).apiCheck(apiCheckOn())) {
            grader.prepare();
            List<String> notes = new ArrayList<>(intake.notes());
            grader.sandbox().withoutSentence().ifPresent(sentence -> {
                progressOut.println("Note: " + sentence);
                notes.add(sentence);
            });
            List<ClassGrading.Result> runs = new ArrayList<>();
            for (int i = 0; i < repeat; i++) {
                if (repeat > 1) {
                    progressOut.println("Run " + (i + 1) + " of " + repeat + ":");
                }
                Progress progress = new Progress(progressOut, Progress.onTerminal(),
                        intake.candidates().size());
                runs.add(ClassGrading.run(grader, intake.candidates(), jobCount,
                        mostAtOnce(jobCount, heapMegabytes), progress));
                progress.finish();
            }
            ClassGrading.Result first = runs.get(0);
            RunInfo run = RunInfo.here(Grader.version(), jobCount, limits,
                    TestJvmRunner.options(limits), grader.classDataSharing(),
                    grader.sandbox().state(), started, first.millis());
            List<String> problems = new ArrayList<>(first.problems());
            notes.addAll(problems);
            ReportFiles files = new ReportFiles();
            try {
                write(files, dir, first.graded(), run, notes, problems);
                String regrades = null;
                if (repeat > 1) {
                    regrades = Regrades.compare(runs);
                    files.put(dir.resolve("regrade.txt"), regrades);
                }
                List<Path> changed = files.rewriteChanged();
                if (!changed.isEmpty()) {
                    problems.add("Something other than the grader changed " + changed.size()
                            + " report files while grading (" + changed.get(0) + " first); the"
                            + " grader wrote them again.");
                }
                summary(printed, first, dir, jobCount);
                if (regrades != null) {
                    printed.print(regrades);
                }
                for (String problem : problems) {
                    printed.println("Problem: " + problem);
                }
                printed.flush();
                if (!problems.isEmpty()) {
                    return 1;
                }
                return regrades != null && !regrades.startsWith(Regrades.SAME) ? DIFFERENT : 0;
            } catch (IOException e) {
                throw new GraderException("Graded, but could not write the reports under " + dir
                        + ": " + e + ". Check that the folder is writable.", e);
            }
        }
    }

    private static void write(ReportFiles files, Path dir, List<Graded> graded, RunInfo run,
            List<String> notes, List<String> problems) throws IOException {
        List<ClassReport.Student> students = new ArrayList<>();
        for (Graded g : graded) {
            Path folder = dir.resolve(g.folder());
            files.put(folder.resolve("results.json"), GradescopeResults.text(g.report(), run));
            files.put(folder.resolve("report.txt"), TextReport.render(g.report()));
            files.put(folder.resolve("report.html"), HtmlReport.render(g.report(), run,
                    "../index.html"));
            students.add(new ClassReport.Student(g.folder(), g.report()));
        }
        files.put(dir.resolve("grades.csv"), ClassReport.csv(students));
        files.put(dir.resolve("index.html"), ClassReport.html(students, run, notes));
        files.put(dir.resolve("run.json"), GradescopeResults.runJson(run, graded.size(),
                problems));
    }

    private static void summary(PrintWriter printed, ClassGrading.Result result, Path dir,
            int jobCount) {
        List<Graded> graded = result.graded();
        double mean = graded.stream().mapToInt(g -> g.report().score()).average().orElse(0);
        int max = graded.isEmpty() ? 0 : graded.get(0).report().maxScore();
        long full = graded.stream().filter(g -> g.report().score() == max && max > 0).count();
        printed.printf(Locale.ROOT, "Graded %d submission%s in %.1f s, %d working at a time:"
                + " mean %.1f / %d, %d with full marks.%n", graded.size(),
                graded.size() == 1 ? "" : "s", result.millis() / 1000.0, jobCount, mean, max,
                full);
        printed.println("Reports: " + dir.resolve("index.html") + ", " + dir.resolve("grades.csv")
                + ", and " + dir + "/<student>/ (results.json, report.txt, report.html).");
    }

    /**
     * How many submissions to grade at once: two per core, as far as memory allows a test JVM
     * for each. A submission's tests wait much of the time (for sleeps, time-outs and threads
     * that never finish), so one per core leaves the cores idle. The tests themselves hold on a
     * busy machine: their limits are for what a right answer does in milliseconds.
     *
     * @param heapMegabytes each test JVM's heap
     * @return at least 1
     */
    static int defaultJobs(int heapMegabytes) {
        int twicePerCore = 2 * Runtime.getRuntime().availableProcessors();
        return Math.max(1, Math.min(twicePerCore, fitInMemory(heapMegabytes)));
    }

    /**
     * How many submissions may run at once in all, those whose tests only wait included: four
     * times the jobs, as far as memory allows a test JVM for each, and never fewer than the jobs.
     *
     * @param jobs how many may use the processor at once
     * @param heapMegabytes each test JVM's heap
     * @return at least {@code jobs}
     */
    static int mostAtOnce(int jobs, int heapMegabytes) {
        return Math.max(jobs, Math.min(4 * jobs, fitInMemory(heapMegabytes)));
    }

    /** How many test JVMs, with the grader's share of each, fit in the machine's memory. */
    private static int fitInMemory(int heapMegabytes) {
        long memory = Long.MAX_VALUE;
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize() / (1024 * 1024);
        }
        long perJob = heapMegabytes + 256L;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (memory - 1024) / perJob));
    }
}

package threadlab.grader.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import threadlab.grader.failure.GraderException;
import threadlab.grader.failure.GradingFailure;
import threadlab.grader.failure.TamperedException;
import threadlab.grader.files.Folders;
import threadlab.grader.grading.Grader;
import threadlab.grader.report.GradeReport;
import threadlab.grader.run.Activity;
import threadlab.grader.submission.Candidate;
import threadlab.grader.submission.Snapshot;
import threadlab.grader.submission.Submission;
import threadlab.grader.submission.UnreadableSubmissionException;

/**
 * Grades a class: first a snapshot of every submission's sources, before any student code runs,
 * then the submissions, several at a time, each in test JVMs of its own. A submission that
 * cannot be read, or that breaks its JVM, costs only its own grade; the rest are graded.
 *
 * <p>"Several at a time" counts the submissions that use the processor. One whose test JVM only
 * waits (a deadlock on its way to the time limit, a GIL that never lets go, a real sleep) lends
 * its place to the next submission until it works again, so that the cores stay busy; memory
 * bounds how many run at once in all.
 *
 * <p>Java cannot stop a submission from writing files with the user's rights. While
 * submissions run, and after each one, the grader checks that its own files (hidden tests,
 * course API, runtime) are as they were. If they changed, it stops the submissions running then,
 * puts its files back, and grades again, one at a time, every submission that ran meanwhile: a
 * submission that changes them again gets no grade and is named; the others get the grade their
 * own code earns.
 */
public final class ClassGrading {

    /** Names an output folder may not take: the class's own reports live there. */
    private static final Set<String> RESERVED = Set.of("index.html", "grades.csv", "run.json",
            "regrade.txt");

    private ClassGrading() {
    }

    /**
     * What grading a class gave.
     *
     * @param graded every submission's grade, in the order given
     * @param problems what went wrong that an instructor must look at, such as a submission that
     *     changed the grader's files; empty when nothing did
     * @param millis how long it took
     */
    public record Result(List<Graded> graded, List<String> problems, long millis) {

        /** A result. */
        public Result {
            graded = List.copyOf(graded);
            problems = List.copyOf(problems);
        }
    }

    /** A submission, read or not. */
    private record Prepared(Candidate candidate, String folder, Snapshot snapshot,
            UnreadableSubmissionException unreadable) {
    }

    /**
     * Which submissions ran while the grader's files may have been changed. Once they have, the
     * submissions running then are stopped at once: their grades could not be trusted, and a
     * test JVM that loads broken hidden tests may wait out every test's time limit.
     */
    private static final class Guard {
        /** How often the grader's files are looked at while submissions run. */
        static final long WATCH_MILLIS = 200;

        private final Grader grader;
        private final Map<Integer, Thread> running = new HashMap<>();
        private final Set<Integer> suspects = new TreeSet<>();

        Guard(Grader grader) {
            this.grader = grader;
        }

        synchronized void started(int index) {
            running.put(index, Thread.currentThread());
        }

        /**
         * Looks at the grader's files; if they changed, every running submission is a suspect,
         * is stopped, and the files are put back.
         */
        synchronized void check() throws GraderException {
            if (!grader.graderFilesIntact()) {
                running.forEach((index, thread) -> {
                    if (suspects.add(index)) {
                        thread.interrupt();
                    }
                });
                grader.restoreGraderFiles();
            }
        }

        synchronized boolean suspect(int index) {
            return suspects.contains(index);
        }

        /** Whether the grade of a submission that just finished stands. */
        synchronized boolean finished(int index) throws GraderException {
            check();
            running.remove(index);
            // A stop meant for this submission's run must not reach the next one.
            Thread.interrupted();
            return !suspects.contains(index);
        }

        synchronized List<Integer> suspects() {
            return List.copyOf(suspects);
        }
    }

    /** Looks at the grader's files every {@link Guard#WATCH_MILLIS} until stopped. */
    private static Thread watch(Guard guard) {
        Thread watcher = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(Guard.WATCH_MILLIS);
                    guard.check();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (GraderException e) {
                // The submission that finishes next meets the same failure and reports it.
            }
        }, "grader-files-watch");
        watcher.setDaemon(true);
        watcher.start();
        return watcher;
    }

    /**
     * Grades submissions.
     *
     * @param grader the grader
     * @param candidates the submissions
     * @param jobs how many may use the processor at once
     * @param atOnce how many may run at once in all, those whose tests wait included
     * @param progress where to show how far it has come
     * @return the grades
     * @throws GraderException if the grader cannot work on this machine
     */
    public static Result run(Grader grader, List<Candidate> candidates, int jobs, int atOnce,
            Progress progress) throws GraderException {
        long start = System.nanoTime();
        Path staging = grader.prepare().resolve("staging");
        List<String> folders = folders(candidates);
        List<Prepared> prepared = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            try {
                prepared.add(new Prepared(candidate, folders.get(i), Snapshot.take(candidate),
                        null));
            } catch (UnreadableSubmissionException e) {
                prepared.add(new Prepared(candidate, folders.get(i), null, e));
            }
        }
        Guard guard = new Guard(grader);
        List<String> problems = new ArrayList<>();
        AtomicInteger threads = new AtomicInteger();
        Slots slots = new Slots(jobs);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(Math.max(1, jobs), atOnce),
                r -> {
                    Thread thread = new Thread(r, "grading-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        List<GradeReport> reports = new ArrayList<>();
        Thread watcher = watch(guard);
        try {
            List<Future<GradeReport>> futures = new ArrayList<>();
            for (int i = 0; i < prepared.size(); i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    Prepared p = prepared.get(index);
                    GradeReport report;
                    boolean stands;
                    try (Slots.Slot slot = slots.take(index)) {
                        progress.started(p.candidate().name());
                        guard.started(index);
                        try {
                            report = gradeOne(grader, p, staging, index, slot);
                        } catch (GraderException e) {
                            if (!guard.suspect(index)) {
                                throw e;
                            }
                            // Stopped, and graded again below.
                            report = grader.unreadable(named(p), new NotGraded(e.getMessage()));
                        }
                        stands = guard.finished(index);
                    }
                    progress.graded(p.candidate().name(), report.score(), report.maxScore(),
                            report.millis());
                    return stands ? report : null;
                }));
            }
            for (Future<GradeReport> future : futures) {
                reports.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraderException("Grading was interrupted.", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof GraderException cause) {
                throw cause;
            }
            throw new GraderException("The grader failed: " + e.getCause(), e.getCause());
        } finally {
            watcher.interrupt();
            pool.shutdownNow();
        }
        for (int index : guard.suspects()) {
            // Again, alone: whatever changes the grader's files now is this submission.
            Prepared p = prepared.get(index);
            GradeReport report = gradeOne(grader, p, staging, index, Activity.NONE);
            if (grader.graderFilesIntact()) {
                reports.set(index, report);
            } else {
                grader.restoreGraderFiles();
                String name = p.candidate().name();
                problems.add(name + "'s code changed the grader's own files (hidden tests,"
                        + " course API or runtime) while its tests ran, so it has no grade. The"
                        + " grader put its files back and graded again every submission that ran"
                        + " meanwhile.");
                reports.set(index, grader.unreadable(named(p), new NotGraded("Not graded: while"
                        + " this submission's tests ran, the grader's own files changed on disk."
                        + " A submission may write files only in its own working folder.")));
            }
        }
        List<Graded> graded = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            graded.add(new Graded(prepared.get(i).folder(), reports.get(i)));
        }
        return new Result(graded, problems, (System.nanoTime() - start) / 1_000_000);
    }

    private static Submission named(Prepared p) {
        return new Submission(p.candidate().name(), p.candidate().path(),
                p.candidate().path().toAbsolutePath().normalize());
    }

    private static GradeReport gradeOne(Grader grader, Prepared p, Path staging, int index,
            Activity activity) throws GraderException {
        if (p.unreadable() != null) {
            return grader.unreadable(named(p), p.unreadable());
        }
        Path folder = staging.resolve(String.format(Locale.ROOT, "%04d", index));
        try {
            Folders.deleteQuietly(folder);
            return grader.grade(p.snapshot().writeTo(folder), activity);
        } catch (TamperedException e) {
            return grader.unreadable(named(p), new NotGraded("Not graded: " + e.getMessage()));
        } catch (IOException | RuntimeException e) {
            return grader.unreadable(named(p), new NotGraded("The grader failed on this"
                    + " submission (" + e + "). Please report this to the course staff; the"
                    + " other submissions were graded as usual."));
        } finally {
            Folders.deleteQuietly(folder);
        }
    }

    /** The output folder for each submission: its name, made safe and unique. */
    static List<String> folders(List<Candidate> candidates) {
        Set<String> taken = new HashSet<>();
        List<String> folders = new ArrayList<>();
        for (Candidate candidate : candidates) {
            String base = candidate.name().replaceAll("[^\\p{L}\\p{N}._-]", "_");
            if (base.isEmpty() || base.chars().allMatch(c -> c == '.')
                    || RESERVED.contains(base.toLowerCase(Locale.ROOT))) {
                base = "student_" + base;
            }
            String folder = base;
            for (int n = 2; !taken.add(folder.toLowerCase(Locale.ROOT)); n++) {
                folder = base + "-" + n;
            }
            folders.add(folder);
        }
        return folders;
    }

    /** Why a submission has no grade of its own. */
    private static final class NotGraded extends GradingFailure {
        private static final long serialVersionUID = 1L;

        NotGraded(String why) {
            super(why);
        }
    }
}

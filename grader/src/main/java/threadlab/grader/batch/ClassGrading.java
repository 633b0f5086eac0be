package threadlab.grader.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import threadlab.grader.Grader;
import threadlab.grader.GraderException;
import threadlab.grader.GradingFailure;
import threadlab.grader.TamperedException;
import threadlab.grader.discover.Fingerprint;
import threadlab.grader.report.GradeReport;
import threadlab.grader.submission.Candidate;
import threadlab.grader.submission.Snapshot;
import threadlab.grader.submission.Submission;
import threadlab.grader.submission.UnreadableSubmissionException;

/**
 * Grades a class: first a snapshot of every submission's sources, before any student code runs,
 * then the submissions, several at a time, each in test JVMs of its own. A submission that
 * cannot be read, or that breaks its JVM, costs only its own grade; the rest are graded.
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
     * @param problems what went wrong with the run itself, such as files that changed on disk;
     *     empty when every grade can be trusted
     * @param millis how long it took
     */
    public record Result(List<Graded> graded, List<String> problems, long millis) {

        /** A result. */
        public Result {
            graded = List.copyOf(graded);
            problems = List.copyOf(problems);
        }
    }

    /** A submission, its snapshot, and its fingerprint when it was taken. */
    private record Prepared(Candidate candidate, String folder, Submission submission,
            UnreadableSubmissionException unreadable, String fingerprint) {
    }

    /**
     * Grades submissions.
     *
     * @param grader the grader
     * @param candidates the submissions
     * @param jobs how many to grade at once
     * @param progress where to show how far it has come
     * @return the grades
     * @throws GraderException if the grader cannot work on this machine
     */
    public static Result run(Grader grader, List<Candidate> candidates, int jobs,
            Progress progress) throws GraderException {
        long start = System.nanoTime();
        Path staging = grader.prepare().resolve("staging");
        List<String> folders = folders(candidates);
        List<Prepared> prepared = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            Path target = staging.resolve(String.format(Locale.ROOT, "%04d", i));
            try {
                Submission submission = Snapshot.take(candidate, target);
                prepared.add(new Prepared(candidate, folders.get(i), submission, null,
                        Fingerprint.of(List.of(target))));
            } catch (UnreadableSubmissionException e) {
                prepared.add(new Prepared(candidate, folders.get(i), null, e, null));
            }
        }
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger index = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs), r -> {
            Thread thread = new Thread(r, "grading-" + index.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<GradeReport>> futures = new ArrayList<>();
            for (Prepared p : prepared) {
                futures.add(pool.submit(() -> gradeOne(grader, p, progress, problems)));
            }
            List<Graded> graded = new ArrayList<>();
            for (int i = 0; i < prepared.size(); i++) {
                graded.add(new Graded(prepared.get(i).folder(), futures.get(i).get()));
            }
            return new Result(graded, problems, (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraderException("Grading was interrupted.", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new GraderException("The grader failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static GradeReport gradeOne(Grader grader, Prepared p, Progress progress,
            List<String> problems) throws GraderException {
        String name = p.candidate().name();
        progress.started(name);
        GradeReport report;
        Submission named = new Submission(name, p.candidate().path(),
                p.candidate().path().toAbsolutePath().normalize());
        if (p.unreadable() != null) {
            report = grader.unreadable(named, p.unreadable());
        } else if (!problems.isEmpty()) {
            report = grader.unreadable(named, new NotGraded("Not graded: the run was stopped"
                    + " because files that grading depends on changed on disk. " + problems.get(0)));
        } else {
            try {
                Path snapshot = p.submission().root();
                if (!Fingerprint.of(List.of(snapshot)).equals(p.fingerprint())) {
                    throw new TamperedException("The snapshot of " + name + "'s sources changed on"
                            + " disk before it was graded.");
                }
                report = grader.grade(p.submission());
            } catch (TamperedException e) {
                problems.add(e.getMessage());
                report = grader.unreadable(named, new NotGraded("Not graded: " + e.getMessage()));
            } catch (RuntimeException e) {
                report = grader.unreadable(named, new NotGraded("The grader failed on this"
                        + " submission (" + e + "). Please report this to the course staff; the"
                        + " other submissions were graded as usual."));
            } finally {
                Grader.deleteQuietly(p.submission().root());
            }
        }
        progress.graded(name, report.score(), report.maxScore(), report.millis());
        return report;
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

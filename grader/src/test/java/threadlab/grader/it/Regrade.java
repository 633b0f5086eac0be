package threadlab.grader.it;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import threadlab.grader.cli.GradeCommand;
import threadlab.grader.mutants.Mutant;
import threadlab.grader.mutants.MutantGrading;
import threadlab.grader.mutants.ReviewedMutants;
import threadlab.grader.testing.BankVariant;
import threadlab.grader.testing.GraderProcess;

/**
 * Grades the same class many times and compares the grades: the unchanged solutions, every
 * variant of the banks (correct designs and wrong ones) and the mutants given (the build's
 * sample), as one class, with the packaged grader's {@code --repeat}. The grader compares the
 * runs itself: every submission's score and every test's pass or fail must be the same in each.
 * The mutants command runs it with {@code --regrade N}.
 */
public final class Regrade {

    /** The longest one run of the class may take, on a busy machine. */
    private static final long MINUTES_PER_RUN = 15;

    private Regrade() {
    }

    /**
     * Writes the class, grades it {@code times} times and returns what the grader printed.
     *
     * @param module the module's number, or 0 for every module
     * @param mutants the mutants to grade beside the banks
     * @param equivalents the reviewed equivalent mutants, left out
     * @param times how many times to grade the class
     * @param jobs the grader's {@code --jobs}
     * @param work an empty folder for the class and its reports
     * @return the grader's summary and its comparison of the runs
     * @throws IllegalStateException if the grader could not grade, or a grade differed
     * @throws Exception if the class cannot be written
     */
    public static String run(int module, List<Mutant> mutants, ReviewedMutants equivalents,
            int times, int jobs, Path work) throws Exception {
        Path root = GraderProcess.courseRoot();
        List<Mutant> written = new MutantGrading(root, System.out).writeClass(mutants,
                equivalents, work, new LinkedHashMap<>());
        Path classDir = work.resolve("class");
        List<BankVariant> variants = Banks.all().filter(v -> module == 0
                || v.module().startsWith(String.format(Locale.ROOT, "module-%02d-", module)))
                .toList();
        for (BankVariant variant : variants) {
            variant.make(classDir.resolve(BankCauses.folder(variant)));
        }
        System.out.printf(Locale.ROOT, "Grading %d times: the solutions, %d bank variants and %d"
                + " mutants...%n", times, variants.size(), written.size());
        GraderProcess.Result result = GraderProcess.run(root, TimeUnit.MINUTES.toSeconds(
                MINUTES_PER_RUN * times), "grade", classDir.toString(), "--out",
                work.resolve("reports").toString(), "--jobs", String.valueOf(jobs), "--repeat",
                String.valueOf(times));
        if (result.exitCode() == GradeCommand.DIFFERENT) {
            throw new IllegalStateException("Grades differed between runs of the same class;"
                    + " a grade must come out the same every time:\n" + result.stdout());
        }
        if (result.exitCode() != 0) {
            throw new IllegalStateException("the grader could not grade the class (exit code "
                    + result.exitCode() + "):\n" + result.stdout() + result.stderr());
        }
        return result.stdout();
    }
}

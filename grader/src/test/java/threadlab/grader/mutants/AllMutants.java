package threadlab.grader.mutants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import threadlab.grader.course.Course;
import threadlab.grader.it.BankCauses;
import threadlab.grader.it.Regrade;
import threadlab.grader.mutants.MutantGrading.Fate;
import threadlab.grader.mutants.MutantGrading.Outcome;
import threadlab.grader.testing.GraderProcess;
import threadlab.grader.testing.Submissions;

/**
 * The command that grades every mutant of the reference solutions and prints, per module, the
 * mutants, the stillborn, those killed in every grading, the equivalent, the survivors, with each
 * survivor's diff, and the unsteady (graded differently in two gradings) with their grades, then
 * the likely-cause figure: of the killed mutants, how many were told their own misconception by
 * their first failed test ({@link LikelyCauses}), and each miss. Run it after a build of the
 * grader: {@code ./mvnw -q verify -Pcourse,mutants -pl grader -am -DskipTests -DskipITs
 * -Dmutants.args="--module 2 --gradings 5 --jobs 2"}. It fails when a mutant survived, or got a
 * different grade (score or failed tests) in two gradings.
 *
 * <p>Options: {@code --module N} (every module), {@code --gradings N} (5), {@code --jobs N} (2),
 * {@code --list} (print the mutants and their diffs, grade nothing), {@code --sample} (only the
 * build's fixed sample, {@link MutantSample}), {@code --dir DIR} (where the class and reports go;
 * {@code grader/target/mutants}), {@code --banks} (grade the banks' wrong variants once instead,
 * and print their likely-cause figure), {@code --regrade N} (grade the solutions, every bank
 * variant and the mutants chosen, with {@code --sample} the build's sample, as one class N times,
 * and fail if a grade differed: {@link Regrade}), {@code --judge-only} (grade nothing: print the
 * likely-cause figure of the reports a one-grading run left in the folder).
 */
public final class AllMutants {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AllMutants() {
    }

    /**
     * Runs the command.
     *
     * @param args the options
     * @throws Exception if a step fails
     */
    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.stream(args).flatMap(a -> Arrays.stream(a.split("\\s+")))
                .filter(a -> !a.isBlank()).toList();
        int module = intOption(options, "--module", 0);
        int gradings = intOption(options, "--gradings", 5);
        int jobs = intOption(options, "--jobs", 2);
        Path root = GraderProcess.courseRoot();
        Path work = Path.of(stringOption(options, "--dir", root.resolve("grader/target/mutants")
                .toString())).toAbsolutePath();
        if (options.contains("--banks")) {
            Submissions.deleteIfExists(work);
            System.out.print(BankCauses.figure(module, jobs, work));
            return;
        }
        MutantGenerator generator = new MutantGenerator(root);
        List<Mutant> all = generator.all();
        List<Mutant> pool = options.contains("--sample") ? MutantSample.of(all,
                ReviewedMutants.read(root, ReviewedMutants.EQUIVALENT),
                ReviewedMutants.read(root, ReviewedMutants.KNOWN)) : all;
        List<Mutant> chosen = pool.stream().filter(m -> module == 0
                || m.moduleNumber() == module).toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("--module " + module + " has no mutants: the"
                    + " course's modules are " + Course.modules());
        }
        if (options.contains("--regrade")) {
            Submissions.deleteIfExists(work);
            Files.createDirectories(work);
            System.out.print(Regrade.run(module, chosen, ReviewedMutants.read(root,
                    ReviewedMutants.EQUIVALENT), intOption(options, "--regrade", 20), jobs, work));
            return;
        }
        if (options.contains("--judge-only")) {
            System.out.print(LikelyCauses.render("killed mutants", judgeKept(chosen, root,
                    work.resolve("grading-1"))));
            return;
        }
        if (options.contains("--list")) {
            chosen.forEach(m -> System.out.println(m + "\n" + m.diff()));
            System.out.println(chosen.size() + " mutants");
            return;
        }
        Submissions.deleteIfExists(work);
        Files.createDirectories(work);
        long start = System.nanoTime();
        ReviewedMutants equivalents = ReviewedMutants.read(root, ReviewedMutants.EQUIVALENT);
        ReviewedMutants known = ReviewedMutants.read(root, ReviewedMutants.KNOWN);
        List<Outcome> outcomes = new MutantGrading(root, System.out).grade(chosen, equivalents,
                gradings, jobs, work);
        Set<String> stale = new TreeSet<>(equivalents.stale(all));
        stale.addAll(known.stale(all));
        System.out.println();
        System.out.print(MutantReport.render(outcomes, gradings, known, stale));
        System.out.println();
        System.out.print(LikelyCauses.render("killed mutants", judge(outcomes, root,
                work.resolve("grading-1"))));
        System.out.printf(Locale.ROOT, "%d mutants in %.1f s, %d gradings, %d at a time; the"
                + " class and its reports are in %s%n", chosen.size(),
                (System.nanoTime() - start) / 1e9, gradings, jobs, work);
        long survivors = outcomes.stream().filter(o -> o.fate() == Fate.SURVIVED).count();
        if (survivors > 0) {
            throw new IllegalStateException(survivors + " mutants survived: their diffs are"
                    + " above. Kill each with a hidden test, or list it in "
                    + ReviewedMutants.EQUIVALENT + " with its reason.");
        }
        long unsteady = outcomes.stream().filter(o -> !o.steady()).count();
        if (unsteady > 0) {
            throw new IllegalStateException(unsteady + " mutants got different grades in"
                    + " different gradings: their grades are above. A grade must come out the"
                    + " same every time.");
        }
    }

    /** How each killed mutant was told, from its first grading's report. */
    private static List<LikelyCauses.Judgement> judge(List<Outcome> outcomes, Path root,
            Path grading) throws Exception {
        List<LikelyCauses.Judgement> judgements = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome.fate() == Fate.KILLED) {
                JsonNode results = JSON.readTree(grading.resolve(outcome.mutant().id())
                        .resolve("results.json").toFile());
                LikelyCauses.judge(outcome.mutant(), results, root).ifPresent(judgements::add);
            }
        }
        return judgements;
    }

    /**
     * How each mutant that lost points was told, from the reports a grading left in a folder:
     * the figure again, with another judge, and no grading.
     */
    private static List<LikelyCauses.Judgement> judgeKept(List<Mutant> mutants, Path root,
            Path grading) throws Exception {
        List<LikelyCauses.Judgement> judgements = new ArrayList<>();
        for (Mutant mutant : mutants) {
            Path file = grading.resolve(mutant.id()).resolve("results.json");
            if (Files.isRegularFile(file)) {
                LikelyCauses.judge(mutant, JSON.readTree(file.toFile()), root)
                        .ifPresent(judgements::add);
            }
        }
        return judgements;
    }

    private static int intOption(List<String> options, String name, int otherwise) {
        String value = stringOption(options, name, String.valueOf(otherwise));
        try {
            int number = Integer.parseInt(value);
            if (number < 0 || number == 0 && !name.equals("--module")) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number above 0, not "
                    + value);
        }
    }

    private static String stringOption(List<String> options, String name, String otherwise) {
        int at = options.indexOf(name);
        if (at < 0) {
            return otherwise;
        }
        if (at + 1 >= options.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return options.get(at + 1);
    }
}

package threadlab.grader.mutants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import threadlab.grader.course.Course;
import threadlab.grader.course.ExerciseModule;
import threadlab.grader.testing.GraderProcess;
import threadlab.grader.testing.Submissions;

/**
 * Grades mutants through the real grader, as a class: each mutant is a submission, a copy of the
 * reference solution of its module (and of the modules it uses) with the mutant's file in place.
 * The packaged grader grades the class {@code gradings} times, each time in a process of its own,
 * with the hidden tests in the test JVM as for any student. A mutant is killed when its module
 * loses points in every grading. A copy of the unchanged solutions is graded beside them each
 * time, and must get full marks: otherwise no grading of that run can be trusted. A mutant whose
 * module got a different score, or failed different tests, in two gradings is not steady: its
 * grade came from timing, not from its code.
 *
 * <p>A mutant that does not compile is stillborn and is not graded; one on the reviewed list of
 * equivalent mutants is not graded either.
 */
public final class MutantGrading {

    /** The control submission's folder: the unchanged solutions. */
    static final String CONTROL = "solution";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** No grading of the whole class may take longer than this. */
    private static final long LIMIT_SECONDS = TimeUnit.HOURS.toSeconds(3);

    private final MutantGenerator generator;
    private final Path courseRoot;
    private final PrintStream progress;

    /**
     * A grading of a course's mutants.
     *
     * @param courseRoot the course repository
     * @param progress where to say what it does
     */
    public MutantGrading(Path courseRoot, PrintStream progress) {
        this.courseRoot = courseRoot;
        this.generator = new MutantGenerator(courseRoot);
        this.progress = progress;
    }

    /** What became of a mutant. */
    public enum Fate {
        /** It does not compile: not graded. */
        STILLBORN,
        /** Its module lost points in every grading. */
        KILLED,
        /** On the reviewed list of equivalent mutants: not graded. */
        EQUIVALENT,
        /** Its module got full marks in at least one grading. */
        SURVIVED
    }

    /**
     * A mutant's outcome.
     *
     * @param mutant the mutant
     * @param fate what became of it
     * @param lost in how many gradings its module lost points
     * @param gradings how many gradings there were
     * @param evidence the failed tests of a grading where it lost points, the compile error of a
     *     stillborn one, or the reason an equivalent one is listed
     * @param grades the different grades its module got, each its score and failed tests, in
     *     the order first seen: one for a mutant graded the same every time, none for one not
     *     graded
     */
    public record Outcome(Mutant mutant, Fate fate, int lost, int gradings, String evidence,
            List<String> grades) {

        /** An outcome. */
        public Outcome {
            grades = List.copyOf(grades);
        }

        /**
         * Whether every grading gave its module the same score and failed the same tests.
         *
         * @return true when no two gradings differed
         */
        public boolean steady() {
            return grades.size() <= 1;
        }
    }

    /**
     * Grades mutants.
     *
     * @param mutants the mutants
     * @param equivalents the reviewed list
     * @param gradings how many times to grade them
     * @param jobs the grader's {@code --jobs}
     * @param work an empty folder for the class and the reports
     * @return each mutant's outcome, in the order given
     * @throws Exception if the grader cannot grade, or the control loses points
     */
    public List<Outcome> grade(List<Mutant> mutants, ReviewedMutants equivalents, int gradings,
            int jobs, Path work) throws Exception {
        Map<Mutant, Outcome> decided = new LinkedHashMap<>();
        List<Mutant> graded = writeClass(mutants, equivalents, work, decided);
        Path classDir = work.resolve("class");
        Map<Mutant, Integer> lost = new LinkedHashMap<>();
        Map<Mutant, String> evidence = new LinkedHashMap<>();
        Map<Mutant, Set<String>> grades = new LinkedHashMap<>();
        for (int g = 1; g <= gradings; g++) {
            Path out = work.resolve("grading-" + g);
            long start = System.nanoTime();
            progress.printf(Locale.ROOT, "Grading %d of %d: %d mutants and the solution, %d"
                    + " at a time...%n", g, gradings, graded.size(), jobs);
            GraderProcess.Result result = GraderProcess.run(courseRoot, LIMIT_SECONDS, "grade",
                    classDir.toString(), "--out", out.toString(), "--jobs",
                    String.valueOf(jobs));
            if (result.exitCode() != 0) {
                throw new IllegalStateException("the grader could not grade the mutants (exit"
                        + " code " + result.exitCode() + "):\n" + result.stdout()
                        + result.stderr());
            }
            requireFullMarks(out.resolve(CONTROL).resolve("results.json"), g);
            for (Mutant mutant : graded) {
                JsonNode results = JSON.readTree(out.resolve(mutant.id()).resolve("results.json")
                        .toFile());
                String failed = failedTests(results, mutant.module());
                grades.computeIfAbsent(mutant, m -> new LinkedHashSet<>()).add(String.format(
                        Locale.ROOT, "%s points, failed: %s", score(results, mutant.module()),
                        failed.isEmpty() ? "none" : failed));
                if (!failed.isEmpty()) {
                    lost.merge(mutant, 1, Integer::sum);
                    evidence.putIfAbsent(mutant, failed);
                }
            }
            progress.printf(Locale.ROOT, "  graded in %.1f s%n", (System.nanoTime() - start)
                    / 1e9);
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Mutant mutant : mutants) {
            Outcome known = decided.get(mutant);
            if (known != null) {
                outcomes.add(known);
                continue;
            }
            int times = lost.getOrDefault(mutant, 0);
            outcomes.add(new Outcome(mutant, times == gradings ? Fate.KILLED : Fate.SURVIVED,
                    times, gradings, evidence.getOrDefault(mutant, ""),
                    List.copyOf(grades.getOrDefault(mutant, Set.of()))));
        }
        return outcomes;
    }

    /**
     * Writes the class that grades mutants: the unchanged solutions in {@value #CONTROL} and a
     * folder per mutant, named by its id, leaving out the equivalent and the stillborn ones.
     *
     * @param mutants the mutants
     * @param equivalents the reviewed list
     * @param work an empty folder: the class goes in its {@code class} folder
     * @param decided where the outcome of each mutant left out goes
     * @return the mutants written, in the order given
     * @throws IOException if a file cannot be written
     */
    public List<Mutant> writeClass(List<Mutant> mutants, ReviewedMutants equivalents, Path work,
            Map<Mutant, Outcome> decided) throws IOException {
        List<Mutant> graded = new ArrayList<>();
        Map<ExerciseModule, Path> compiled = new LinkedHashMap<>();
        for (Mutant mutant : mutants) {
            if (equivalents.contains(mutant)) {
                decided.put(mutant, new Outcome(mutant, Fate.EQUIVALENT, 0, 0,
                        equivalents.reasons().get(mutant.id()), List.of()));
                continue;
            }
            Path classes = compiled.computeIfAbsent(mutant.module(), m -> compileSolution(
                    mutant, work.resolve("solution-classes").resolve(m.folder())));
            List<String> errors = Javac.errors(mutant.file(), mutant.source(), classes);
            if (errors.isEmpty()) {
                graded.add(mutant);
            } else {
                decided.put(mutant, new Outcome(mutant, Fate.STILLBORN, 0, 0, errors.get(0),
                        List.of()));
            }
        }
        copySolutions(graded, work.resolve("class"));
        return graded;
    }

    /** The classes of a mutant's module's solution, and of the modules it uses. */
    private Path compileSolution(Mutant mutant, Path out) {
        List<String> errors = Javac.compile(generator.sourcesOf(mutant.module()), null, out);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("The solution of " + mutant.module().folder()
                    + " does not compile, so no mutant of it can be graded: " + errors);
        }
        return out;
    }

    /** The class: a folder per mutant, named by its id, and the control. */
    private void copySolutions(List<Mutant> mutants, Path classDir) throws IOException {
        Path solutions = courseRoot.resolve("solutions");
        for (ExerciseModule module : Course.modules()) {
            Submissions.copy(solutions.resolve(module.folder()), classDir.resolve(CONTROL)
                    .resolve(module.folder()));
        }
        for (Mutant mutant : mutants) {
            Path submission = classDir.resolve(mutant.id());
            List<ExerciseModule> modules = new ArrayList<>(mutant.module().uses());
            modules.add(mutant.module());
            for (ExerciseModule module : modules) {
                Submissions.copy(solutions.resolve(module.folder()),
                        submission.resolve(module.folder()));
            }
            Files.writeString(submission.resolve(mutant.module().sourceFolder())
                    .resolve(mutant.file()), mutant.source(), StandardCharsets.UTF_8);
        }
    }

    private static void requireFullMarks(Path control, int grading) throws IOException {
        JsonNode results = JSON.readTree(control.toFile());
        if (results.get("score").asInt() != results.get("max_score").asInt()) {
            throw new IllegalStateException("In grading " + grading + ", the unchanged solutions"
                    + " scored " + results.get("score").asInt() + " of "
                    + results.get("max_score").asInt() + ", so no grade of that run can be"
                    + " trusted: the machine may be too busy for the tests' limits. Failed: "
                    + failedTests(results, null) + ". Grade again with fewer --jobs.");
        }
    }

    /** A module's score in a submission's results, as the report gives it. */
    private static String score(JsonNode results, ExerciseModule module) {
        double score = 0;
        for (JsonNode test : results.get("tests")) {
            if (test.get("tags").get(0).asText().equals(module.folder())) {
                score += test.get("score").asDouble();
            }
        }
        return BigDecimal.valueOf(score).stripTrailingZeros().toPlainString();
    }

    /** The names of the failed tests of a module (of every module, for none), on one line. */
    private static String failedTests(JsonNode results, ExerciseModule module) {
        List<String> failed = new ArrayList<>();
        for (JsonNode test : results.get("tests")) {
            boolean ofModule = module == null
                    || test.get("tags").get(0).asText().equals(module.folder());
            if (ofModule && test.get("score").asDouble() < test.get("max_score").asDouble()) {
                failed.add(test.get("name").asText());
            }
        }
        return String.join("; ", failed);
    }
}

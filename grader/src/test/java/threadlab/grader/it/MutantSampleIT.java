package threadlab.grader.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.mutants.Mutant;
import threadlab.grader.mutants.MutantGenerator;
import threadlab.grader.mutants.MutantGrading;
import threadlab.grader.mutants.MutantGrading.Fate;
import threadlab.grader.mutants.MutantGrading.Outcome;
import threadlab.grader.mutants.MutantReport;
import threadlab.grader.mutants.ReviewedMutants;
import threadlab.grader.testing.GraderProcess;

/**
 * A fixed sample of the mutants of the reference solutions, graded in every build through the
 * real grader: every mutant in it must lose points in each of two gradings. The sample is the
 * same each time: of each module's mutants by one operator, in the generator's order, every
 * {@value #EVERY}th from the first, leaving out the reviewed equivalent ones and the known
 * survivors. The whole set is graded by the mutants command (README, on
 * mutants).
 */
class MutantSampleIT {

    /** One mutant in this many of each module and operator goes into the sample. */
    static final int EVERY = 8;
    private static final int GRADINGS = 2;
    private static final int JOBS = 2;

    @Test
    @DisplayName("a fixed sample of the solutions' mutants loses points in every grading")
    void everyMutantOfTheSampleIsKilled(@TempDir Path work) throws Exception {
        Path root = GraderProcess.courseRoot();
        ReviewedMutants equivalents = ReviewedMutants.read(root, ReviewedMutants.EQUIVALENT);
        ReviewedMutants known = ReviewedMutants.read(root, ReviewedMutants.KNOWN);
        List<Mutant> sample = sample(new MutantGenerator(root).all(), equivalents, known);

        List<Outcome> outcomes = new MutantGrading(root, System.out).grade(sample, equivalents,
                GRADINGS, JOBS, work);

        assertThat(sample).as("the sample's size").hasSizeBetween(25, 45);
        assertThat(outcomes).as(MutantReport.render(outcomes, GRADINGS, known, Set.of()))
                .noneMatch(o -> o.fate() == Fate.SURVIVED)
                .anyMatch(o -> o.fate() == Fate.KILLED);
    }

    /**
     * Every {@value #EVERY}th mutant of each module and operator, from the first, leaving out the
     * equivalent ones and the known survivors.
     */
    static List<Mutant> sample(List<Mutant> all, ReviewedMutants equivalents,
            ReviewedMutants known) {
        Map<String, List<Mutant>> groups = new LinkedHashMap<>();
        all.stream().filter(m -> !equivalents.contains(m) && !known.contains(m))
                .forEach(m -> groups.computeIfAbsent(m.module().folder() + " " + m.operator(),
                        g -> new ArrayList<>()).add(m));
        List<Mutant> sample = new ArrayList<>();
        for (List<Mutant> group : groups.values()) {
            for (int i = 0; i < group.size(); i += EVERY) {
                sample.add(group.get(i));
            }
        }
        return sample;
    }
}

package threadlab.grader.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
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
import threadlab.grader.mutants.MutantSample;
import threadlab.grader.mutants.ReviewedMutants;
import threadlab.grader.testing.GraderProcess;

/**
 * A fixed sample of the mutants of the reference solutions ({@link MutantSample}), graded in every
 * build through the real grader: every mutant in it must lose points in each of two gradings, and
 * get the same grade (score and failed tests) in both. The whole set is graded by the mutants
 * command (README, on mutants); its {@code --sample} option grades only this sample.
 */
class MutantSampleIT {

    private static final int GRADINGS = 2;
    private static final int JOBS = 2;

    @Test
    @DisplayName("a fixed sample of the solutions' mutants loses points in every grading, and"
            + " the same points each time")
    void everyMutantOfTheSampleIsKilled(@TempDir Path work) throws Exception {
        Path root = GraderProcess.courseRoot();
        ReviewedMutants equivalents = ReviewedMutants.read(root, ReviewedMutants.EQUIVALENT);
        ReviewedMutants known = ReviewedMutants.read(root, ReviewedMutants.KNOWN);
        List<Mutant> sample = MutantSample.of(new MutantGenerator(root).all(), equivalents,
                known);

        List<Outcome> outcomes = new MutantGrading(root, System.out).grade(sample, equivalents,
                GRADINGS, JOBS, work);

        assertThat(sample).as("the sample's size").hasSizeBetween(25, 45);
        assertThat(outcomes).as(MutantReport.render(outcomes, GRADINGS, known, Set.of()))
                .noneMatch(o -> o.fate() == Fate.SURVIVED)
                .anyMatch(o -> o.fate() == Fate.KILLED)
                .allMatch(Outcome::steady);
    }
}

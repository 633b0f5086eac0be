package threadlab.grader.mutants;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed sample of the mutants that every build grades: of each module's mutants by one
 * operator, in the generator's order, every {@value #EVERY}th from the first, leaving out the
 * reviewed equivalent ones and the known survivors. The same mutants on every run.
 */
public final class MutantSample {

    /** One mutant in this many of each module and operator goes into the sample. */
    public static final int EVERY = 8;

    private MutantSample() {
    }

    /**
     * The sample.
     *
     * @param all every mutant, in the generator's order
     * @param equivalents the reviewed equivalent mutants, left out
     * @param known the known survivors, left out
     * @return the sample, in the generator's order within each module and operator
     */
    public static List<Mutant> of(List<Mutant> all, ReviewedMutants equivalents,
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

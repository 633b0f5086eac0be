package threadlab.grader.mutants;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import threadlab.grader.course.ExerciseModule;
import threadlab.grader.mutants.MutantGrading.Fate;
import threadlab.grader.mutants.MutantGrading.Outcome;

/**
 * The figures of a mutant grading, per module, every survivor with its diff, and every mutant
 * whose grade differed between gradings with the grades it got.
 */
public final class MutantReport {

    private MutantReport() {
    }

    /**
     * The report.
     *
     * @param outcomes every mutant's outcome
     * @param gradings how many gradings there were
     * @param known the known survivors, with what each waits for
     * @param stale listed ids that name no mutant any more
     * @return the text to print
     */
    public static String render(List<Outcome> outcomes, int gradings, ReviewedMutants known,
            Set<String> stale) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%-20s %8s %10s %22s %11s %9s %9s%n", "module", "mutants", "stillborn",
                "killed in " + gradings + " of " + gradings, "equivalent", "survived",
                "unsteady"));
        Set<ExerciseModule> modules = new TreeSet<>(java.util.Comparator.comparing(
                ExerciseModule::folder));
        outcomes.forEach(o -> modules.add(o.mutant().module()));
        for (ExerciseModule module : modules) {
            List<Outcome> of = outcomes.stream().filter(o -> o.mutant().module().equals(module))
                    .toList();
            text.append(row(module.folder(), of));
        }
        text.append(row("all", outcomes));
        List<Outcome> survivors = outcomes.stream().filter(o -> o.fate() == Fate.SURVIVED)
                .toList();
        for (Outcome survivor : survivors) {
            Mutant mutant = survivor.mutant();
            text.append(String.format(Locale.ROOT, "%nSurvivor %s: %s%n  lost points in %d of"
                    + " %d gradings%s%n%s%s", mutant.id(), mutant.description(), survivor.lost(),
                    survivor.gradings(), survivor.lost() > 0 ? " (" + survivor.evidence() + ")"
                            : "", known.contains(mutant) ? "  known: "
                            + known.reasons().get(mutant.id()) + "\n" : "", mutant.diff()));
        }
        List<Outcome> unsteady = outcomes.stream().filter(o -> !o.steady()).toList();
        for (Outcome outcome : unsteady) {
            Mutant mutant = outcome.mutant();
            text.append(String.format(Locale.ROOT, "%nUnsteady %s: %s%n  graded differently"
                    + " in %d gradings:%n    %s%n", mutant.id(), mutant.description(),
                    outcome.gradings(), String.join("\n    ", outcome.grades())));
        }
        if (!unsteady.isEmpty()) {
            text.append(String.format(Locale.ROOT, "%n%d mutant%s got grades that differ from"
                    + " one grading to the next: the tests above that failed in some gradings"
                    + " only decide by timing. Make them decide by events, latches or model"
                    + " checking, or name the rules they see their own through"
                    + " (@Tag(\"needs:R1.1\")).%n", unsteady.size(),
                    unsteady.size() == 1 ? "" : "s"));
        }
        if (!stale.isEmpty()) {
            text.append(String.format(Locale.ROOT, "%nThe reviewed lists name mutants that no"
                    + " longer exist (the solutions changed); review them again: %s%n",
                    String.join(", ", stale)));
        }
        text.append(survivors.isEmpty() && stale.isEmpty() ? "\nNo survivor.\n"
                : String.format(Locale.ROOT, "%n%d survivor%s, %d of them known (%s). Add a"
                        + " hidden test that fails on each other one, or list it in %s with the"
                        + " reason no test could tell it from the solution.%n", survivors.size(),
                        survivors.size() == 1 ? "" : "s", survivors.stream()
                                .filter(o -> known.contains(o.mutant())).count(),
                        ReviewedMutants.KNOWN, ReviewedMutants.EQUIVALENT));
        return text.toString();
    }

    private static String row(String name, List<Outcome> outcomes) {
        return String.format(Locale.ROOT, "%-20s %8d %10d %22d %11d %9d %9d%n", name,
                outcomes.size(), count(outcomes, Fate.STILLBORN), count(outcomes, Fate.KILLED),
                count(outcomes, Fate.EQUIVALENT), count(outcomes, Fate.SURVIVED),
                outcomes.stream().filter(o -> !o.steady()).count());
    }

    private static long count(List<Outcome> outcomes, Fate fate) {
        return outcomes.stream().filter(o -> o.fate() == fate).count();
    }
}

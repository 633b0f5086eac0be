package threadlab.grader.requirements;

import java.util.List;

/**
 * A rule a task states, which hidden tests check: they name it in a {@code rule:R3.4} tag.
 *
 * @param id {@code R<task>.<n>}, such as {@code R3.4} for task 3's fourth rule
 * @param stated where the task text states it, the main sentence first
 * @param check how the hidden tests check it
 * @param line the line of the requirements file that gives its id
 */
public record Requirement(String id, List<Statement> stated, String check, int line) {

    /** A rule, with at least one statement. */
    public Requirement {
        stated = List.copyOf(stated);
        if (stated.isEmpty()) {
            throw new IllegalArgumentException("rule " + id + " quotes no sentence");
        }
    }

    /**
     * The rule's sentence, as a report shows it.
     *
     * @return the first sentence it quotes
     */
    public String sentence() {
        return stated.get(0).sentence();
    }

    /**
     * The task the rule belongs to.
     *
     * @return the number between {@code R} and the dot
     */
    public int task() {
        return Integer.parseInt(id.substring(1, id.indexOf('.')));
    }
}

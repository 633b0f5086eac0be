package threadlab.grader.mutants;

import threadlab.grader.course.ExerciseModule;

/**
 * A reference solution with one mutation: a wrong solution made mechanically.
 *
 * @param id its stable name, {@code m<module>-<Class>-<line>-<OPERATOR>-<ordinal>}, which is
 *     also a safe folder name
 * @param module the module mutated
 * @param file the file mutated, relative to the module's {@code src/main/java}
 * @param line the line the mutation changes
 * @param operator the operator
 * @param ordinal which of the operator's mutations on that line, from 1
 * @param description what it does, in one line
 * @param source the mutated file's text
 * @param diff a unified diff of the solution's file to the mutated one
 */
public record Mutant(String id, ExerciseModule module, String file, int line, Operator operator,
        int ordinal, String description, String source, String diff) {

    /** The module's number, as the course names it: 1 for {@code module-01-refcount}. */
    public int moduleNumber() {
        return Integer.parseInt(module.folder().substring("module-".length(),
                "module-NN".length()));
    }

    @Override
    public String toString() {
        return id + ": " + operator + " " + description;
    }
}

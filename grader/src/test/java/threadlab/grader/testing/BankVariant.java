package threadlab.grader.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import threadlab.grader.testing.GraderProcess.Graded;

/**
 * A variant in a module's bank: a submission made from the reference solutions, with what its
 * grade must show. The naming rule is in {@code bank/README.md} in the test resources:
 * {@code correct-<design>} for another correct design, which must get full marks on its module,
 * and {@code wrong-<misconception>} for one misconception, which must lose points there, failing
 * the tests it names with feedback that names the misconception.
 *
 * <p>A variant is either the solution plus one edit of one file, or whole files kept under
 * {@code bank/<module>/<name>/} and laid over the solution (for a design that rewrites a class).
 *
 * @param module the module's folder, such as {@code module-02-gil}
 * @param name the variant's name, by the naming rule
 * @param edit its one edit of the solution, or empty for whole files from the bank
 * @param failing the tests a wrong variant must fail, each with its feedback; none for a correct
 *     one
 */
public record BankVariant(String module, String name, Optional<Edit> edit,
        List<Failing> failing) {

    private static final Pattern NAME = Pattern.compile("(correct|wrong)(-[a-z0-9]+)+");

    /**
     * One edit of a solution file: its only occurrence of {@code from} becomes {@code to}.
     *
     * @param file the file's name, somewhere in the module's sources
     * @param from the text to replace, found there exactly once
     * @param to what replaces it
     */
    public record Edit(String file, String from, String to) {
    }

    /**
     * A test that a wrong variant must fail.
     *
     * @param test part of the test's name
     * @param feedback parts of its feedback, the misconception's name among them
     */
    public record Failing(String test, List<String> feedback) {
    }

    /**
     * Checks the name against the naming rule.
     *
     * @throws IllegalArgumentException if the name breaks it, or a correct variant has tests to
     *     fail
     */
    public BankVariant {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bank variant \"" + name + "\" breaks the naming"
                    + " rule: correct-<design> or wrong-<misconception>, in lower-case words"
                    + " joined by '-' (see bank/README.md in the test resources)");
        }
        if (isCorrect(name) && !failing.isEmpty()) {
            throw new IllegalArgumentException("bank variant \"" + name + "\" is named correct"
                    + " but has tests to fail: name it wrong-<misconception>");
        }
        failing = List.copyOf(failing);
    }

    /**
     * A correct design kept as whole files in the bank.
     *
     * @param module the module's folder
     * @param name {@code correct-<design>}
     * @return the variant
     */
    public static BankVariant correct(String module, String name) {
        return new BankVariant(module, name, Optional.empty(), List.of());
    }

    /**
     * A wrong variant kept as whole files in the bank: a rewrite of a class, not one edit.
     * Add the tests it must fail with {@link #fails}.
     *
     * @param module the module's folder
     * @param name {@code wrong-<misconception>}
     * @return the variant
     */
    public static BankVariant wrongFiles(String module, String name) {
        return new BankVariant(module, name, Optional.empty(), List.of());
    }

    /**
     * A wrong variant made by one edit of the solution. Add the tests it must fail with
     * {@link #fails}.
     *
     * @param module the module's folder
     * @param name {@code wrong-<misconception>}
     * @param file the file to edit, by name
     * @param from the text to replace, found there exactly once
     * @param to what replaces it
     * @return the variant
     */
    public static BankVariant wrongEdit(String module, String name, String file, String from,
            String to) {
        return new BankVariant(module, name, Optional.of(new Edit(file, from, to)), List.of());
    }

    /**
     * The same variant, which must also fail a test with the given feedback.
     *
     * @param test part of the test's name
     * @param feedback parts of its feedback
     * @return the variant with one more test to fail
     */
    public BankVariant fails(String test, String... feedback) {
        List<Failing> all = new ArrayList<>(failing);
        all.add(new Failing(test, List.of(feedback)));
        return new BankVariant(module, name, edit, all);
    }

    /**
     * Whole lines of source, for an edit's text: each line, with its indentation, ended by a
     * newline.
     *
     * @param lines the lines
     * @return the text
     */
    public static String lines(String... lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        return text.toString();
    }

    /**
     * Whether this is a correct design, which must get full marks.
     *
     * @return {@code true} for {@code correct-<design>}
     */
    public boolean isCorrect() {
        return isCorrect(name);
    }

    private static boolean isCorrect(String name) {
        return name.startsWith("correct-");
    }

    /**
     * Whether the variant is kept as whole files under {@code bank/<module>/<name>/}.
     *
     * @return {@code true} unless it is one edit of the solution
     */
    public boolean inFiles() {
        return edit.isEmpty();
    }

    /**
     * Makes the submission: a copy of the reference solutions with the variant in its module.
     *
     * @param dir where the submission goes
     * @return the submission's folder
     * @throws IOException if copying fails
     * @throws IllegalStateException if the edit's text is not in the solution exactly once
     */
    public Path make(Path dir) throws IOException {
        if (edit.isPresent()) {
            return Submissions.editedSolutionOnce(dir, module, edit.get().file(),
                    edit.get().from(), edit.get().to());
        }
        return Submissions.bankVariant(dir, module, name);
    }

    /**
     * Checks a grade of this variant: full marks on its module for a correct design; for a wrong
     * one, fewer points there, and each test it must fail failed with its feedback.
     *
     * @param graded the variant's grade
     */
    public void assertGraded(Graded graded) {
        List<JsonNode> tests = moduleTests(graded);
        int score = tests.stream().mapToInt(t -> t.get("score").asInt()).sum();
        int max = tests.stream().mapToInt(t -> t.get("max_score").asInt()).sum();
        assertThat(max).as("%s: the most points on %s", name, module).isPositive();
        if (isCorrect()) {
            assertThat(tests.stream().filter(t -> !t.get("status").asText().equals("passed"))
                    .map(t -> t.get("name").asText() + "\n" + t.get("output").asText()))
                    .as("%s: the tests of %s it failed", name, module).isEmpty();
            assertThat(score).as("%s: its score on %s", name, module).isEqualTo(max);
            return;
        }
        assertThat(score).as("%s: its score on %s\n%s", name, module, graded.printed().stdout())
                .isLessThan(max);
        for (Failing f : failing) {
            JsonNode test = graded.test(f.test());
            assertThat(test.get("status").asText()).as("%s: %s", name, test).isEqualTo("failed");
            assertThat(test.get("output").asText()).as("%s: %s", name, test)
                    .contains(f.feedback());
        }
    }

    private List<JsonNode> moduleTests(Graded graded) {
        List<JsonNode> tests = new ArrayList<>();
        for (JsonNode test : graded.results().get("tests")) {
            if (test.get("tags").get(0).asText().equals(module)) {
                tests.add(test);
            }
        }
        return tests;
    }

    @Override
    public String toString() {
        return name;
    }
}

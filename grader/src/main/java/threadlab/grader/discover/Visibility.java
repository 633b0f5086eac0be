package threadlab.grader.discover;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** When Gradescope shows a student a test's result, as its {@code results.json} says it. */
public enum Visibility {
    /** At once, when the autograder finishes. */
    VISIBLE,
    /** Once the assignment's due date has passed. */
    AFTER_DUE_DATE,
    /** Once the instructor publishes the grades. */
    AFTER_PUBLISHED,
    /** Never: only instructors see it. */
    HIDDEN;

    /**
     * The word Gradescope reads, such as {@code after_published}.
     *
     * @return the word
     */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The visibility a word names.
     *
     * @param word such as {@code visible} or {@code after_published}
     * @return the visibility, or none if the word names none
     */
    public static Optional<Visibility> of(String word) {
        return Arrays.stream(values()).filter(v -> v.word().equals(word)).findFirst();
    }

    /**
     * Every word a rubric may use, for messages.
     *
     * @return the words, separated by commas
     */
    public static String words() {
        return Arrays.stream(values()).map(Visibility::word).collect(Collectors.joining(", "));
    }
}

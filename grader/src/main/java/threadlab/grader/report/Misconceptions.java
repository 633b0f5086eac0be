package threadlab.grader.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The most common reasons a class lost points. A hidden test's feedback names the likely
 * misconception on a line of its own ({@code Likely cause: ...}); feedback without one counts
 * by its first line, such as a task not done yet or a module that did not compile.
 */
public final class Misconceptions {

    private static final String LIKELY = "Likely cause: ";
    private static final int LONGEST = 200;

    private Misconceptions() {
    }

    /**
     * One reason, and who it cost.
     *
     * @param reason the misconception, or the first line of the feedback
     * @param students the students whose submissions showed it
     * @param tests the tests it failed
     */
    public record Misconception(String reason, List<String> students, List<String> tests) {
    }

    /**
     * The reason a failed test gives.
     *
     * @param feedback the test's feedback
     * @return its likely cause, or else its first line
     */
    public static String reason(String feedback) {
        for (String line : feedback.lines().toList()) {
            if (line.startsWith(LIKELY)) {
                return cut(line.substring(LIKELY.length()).strip());
            }
        }
        return cut(feedback.lines().findFirst().orElse("(no feedback)").strip());
    }

    private static String cut(String text) {
        return text.length() <= LONGEST ? text : text.substring(0, LONGEST - 3) + "...";
    }

    /**
     * The most common reasons, most students first.
     *
     * @param students the class
     * @param limit how many to keep
     * @return the reasons
     */
    public static List<Misconception> mostCommon(Map<String, GradeReport> students, int limit) {
        Map<String, Set<String>> who = new LinkedHashMap<>();
        Map<String, Set<String>> where = new LinkedHashMap<>();
        students.forEach((student, report) -> {
            for (TestResult test : report.tests()) {
                if (!test.passed()) {
                    String reason = reason(test.feedback());
                    who.computeIfAbsent(reason, r -> new LinkedHashSet<>()).add(student);
                    where.computeIfAbsent(reason, r -> new LinkedHashSet<>())
                            .add(test.test().fullName());
                }
            }
        });
        List<Misconception> all = new ArrayList<>();
        who.forEach((reason, names) -> all.add(new Misconception(reason, List.copyOf(names),
                List.copyOf(where.get(reason)))));
        all.sort(Comparator.comparingInt((Misconception m) -> -m.students().size())
                .thenComparing(Misconception::reason));
        return all.size() > limit ? all.subList(0, limit) : all;
    }
}

package threadlab.grader.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import threadlab.grader.protocol.Verdict;

/**
 * The most common reasons a class lost points. A failed test's verdict names the likely
 * misconception in a field of its own; a verdict without one counts by the first line of what
 * happened, such as a task not done yet or a module that did not compile. A test that did not
 * count because a rule it needs failed is not a misconception of its own: the failed rule's test
 * is counted, and the test that waited for it is not.
 */
public final class Misconceptions {

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
     * @param verdict the test's verdict
     * @return its likely cause, or else the first line of what happened, cut to a length
     */
    public static String reason(Verdict verdict) {
        String summary = verdict.summary();
        return cut(summary.isEmpty() ? "(no feedback)" : summary);
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
                if (!test.passed() && test.verdict().kind() != Verdict.Kind.NEEDS_RULE) {
                    String reason = reason(test.verdict());
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

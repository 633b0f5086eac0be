package threadlab.grader.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import threadlab.grader.report.GradeReport;
import threadlab.grader.report.TestResult;

/**
 * Compares runs of the same class: every submission's score and every test's pass or fail must
 * be the same in each run. Feedback may differ (it shows timings); grades may not.
 */
public final class Regrades {

    /** How the comparison starts when nothing differs. */
    public static final String SAME = "Regraded ";

    private Regrades() {
    }

    /**
     * Compares runs with the first.
     *
     * @param runs the runs, at least one
     * @return a text that starts with {@link #SAME} when every grade was the same in every run,
     *     and otherwise lists each difference
     */
    public static String compare(List<ClassGrading.Result> runs) {
        List<Graded> first = runs.get(0).graded();
        List<String> differences = new ArrayList<>();
        for (int r = 1; r < runs.size(); r++) {
            List<Graded> other = runs.get(r).graded();
            for (int s = 0; s < first.size(); s++) {
                GradeReport a = first.get(s).report();
                GradeReport b = other.get(s).report();
                if (a.score() != b.score()) {
                    differences.add(String.format(Locale.ROOT, "run %d: %s scored %d, in run 1"
                            + " %d", r + 1, a.submission().name(), b.score(), a.score()));
                }
                for (int t = 0; t < a.tests().size(); t++) {
                    TestResult x = a.tests().get(t);
                    TestResult y = b.tests().get(t);
                    if (x.passed() != y.passed()) {
                        differences.add(String.format(Locale.ROOT, "run %d: %s, \"%s\" %s, in"
                                + " run 1 it %s%s", r + 1, a.submission().name(),
                                x.test().fullName(), y.passed() ? "passed" : "failed",
                                x.passed() ? "passed" : "failed", y.passed() ? ""
                                        : ": " + y.verdict().summary()));
                    }
                }
            }
        }
        int grades = first.size() * runs.size();
        long millis = runs.stream().mapToLong(ClassGrading.Result::millis).sum();
        String counts = String.format(Locale.ROOT, "%d times: %d submission%s, %d grades in"
                + " %.1f s", runs.size(), first.size(), first.size() == 1 ? "" : "s", grades,
                millis / 1000.0);
        if (differences.isEmpty()) {
            return SAME + counts + ", no differences: every submission got the same score and"
                    + " the same result in every test each time.\n";
        }
        return "Grades differed. " + counts + ", " + differences.size() + " differences:\n  "
                + String.join("\n  ", differences) + "\n";
    }
}

package threadlab.grader.report;

import java.util.Locale;
import java.util.stream.Collectors;
import threadlab.grader.protocol.Verdict;

/** The report a person reads in a terminal: points per test, feedback, the total, what next. */
public final class TextReport {

    private static final String INDENT = "        ";

    private TextReport() {
    }

    /**
     * Renders a report.
     *
     * @param report the graded submission
     * @return the text, ending in a newline
     */
    public static String render(GradeReport report) {
        StringBuilder out = new StringBuilder();
        out.append("threadlab grader ").append(report.graderVersion()).append(": ")
                .append(report.submission().name()).append(" (")
                .append(report.submission().origin()).append(")\n");
        for (ModuleResult module : report.modules()) {
            out.append('\n').append(module.module().folder()).append(": ")
                    .append(module.score()).append(" / ").append(module.maxScore())
                    .append(" points\n");
            boolean ran = module.notRun().isEmpty();
            if (!ran) {
                // Said once for the module, not again under each of its tests.
                out.append("  ").append(notRunHeading(module)).append('\n')
                        .append(indent(module.notRun(), "    ")).append('\n');
            }
            for (TestResult test : module.tests()) {
                out.append(String.format(Locale.ROOT, "  %s %2d/%-2d %s%n",
                        test.passed() ? "PASS" : "FAIL", test.score(), test.test().points(),
                        test.test().fullName()));
                if (!test.passed() && ran) {
                    test.failedRules().forEach(rule -> out.append(INDENT).append(rule)
                            .append('\n'));
                    out.append(indent(test.feedback())).append('\n');
                }
            }
        }
        long passed = report.tests().stream().filter(TestResult::passed).count();
        out.append('\n').append(String.format(Locale.ROOT,
                "Total: %d / %d points (%d of %d tests passed) in %.1f s%n", report.score(),
                report.maxScore(), passed, report.tests().size(), report.millis() / 1000.0));
        out.append(nextStep(report)).append('\n');
        for (String note : report.notes()) {
            out.append("Note: ").append(note).append('\n');
        }
        return out.toString();
    }

    /**
     * What the student should do next, in one or two sentences.
     *
     * @param report the graded submission
     * @return the advice
     */
    public static String nextStep(GradeReport report) {
        if (report.firstFailure().isEmpty()) {
            return "Full marks: every hidden test passed.";
        }
        boolean nothingDone = report.tests().stream()
                .allMatch(t -> t.verdict().kind() == Verdict.Kind.NOT_DONE);
        TestResult first = report.firstFailure().get();
        String module = first.test().module().folder();
        if (nothingDone) {
            return "Nothing is done yet. Start with task 1: read " + module + "/README.md, then"
                    + " run its visible tests with ./mvnw -pl " + module + " -am test.";
        }
        return "Next step: " + module + ", \"" + first.test().fullName() + "\": "
                + first.feedback().lines().findFirst().orElse("");
    }

    /**
     * The heading of a module none of whose tests ran.
     *
     * @param module the module
     * @return "None of its N tests ran:"
     */
    static String notRunHeading(ModuleResult module) {
        int count = module.tests().size();
        return count == 1 ? "Its one test did not run:" : "None of its " + count + " tests ran:";
    }

    private static String indent(String text) {
        return indent(text, INDENT);
    }

    private static String indent(String text, String by) {
        return text.lines().map(line -> by + line).collect(Collectors.joining("\n"));
    }
}

package threadlab.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import threadlab.grader.Grader;
import threadlab.grader.GraderException;
import threadlab.grader.report.GradeReport;
import threadlab.grader.report.GradescopeResults;
import threadlab.grader.report.TextReport;
import threadlab.grader.run.Limits;
import threadlab.grader.submission.Submission;

/** {@code grade [SUBMISSION] [--json FILE]}: grades one submission and prints its report. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {GradeCommand.WHAT, GradeCommand.SUBMISSION},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:graded (whatever the score)",
            "1:could not grade (the reason is printed)", "2:the command line was wrong"})
public final class GradeCommand implements Callable<Integer> {

    static final String WHAT = "Grades a submission with the hidden tests and prints a report.";
    static final String SUBMISSION = "A submission is a folder laid out like the course"
            + " repository. With none named, the grader grades the exercise modules of the course"
            + " repository it is run in: your work in place.";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SUBMISSION",
            description = "The submission's folder. Default: the course repository around the"
                    + " current folder.")
    private Path submission;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the grade to FILE in Gradescope's results.json format.")
    private Path json;

    @Option(names = "--test-timeout", paramLabel = "SECONDS", defaultValue = "20",
            description = "How long one hidden test may run (default: ${DEFAULT-VALUE}).")
    private long testTimeoutSeconds;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "180",
            description = "How long all of a submission's tests may run (default:"
                    + " ${DEFAULT-VALUE}).")
    private long submissionTimeoutSeconds;

    @Override
    public Integer call() throws GraderException {
        if (testTimeoutSeconds <= 0 || submissionTimeoutSeconds <= 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--test-timeout and --timeout take a number of seconds above 0");
        }
        Limits limits = new Limits(Duration.ofSeconds(testTimeoutSeconds),
                Duration.ofSeconds(submissionTimeoutSeconds),
                Limits.DEFAULT.maxHeapMegabytes());
        Submission target = submission == null
                ? Submission.around(Path.of("").toAbsolutePath())
                : Submission.at(submission);
        GradeReport report = new Grader(limits).grade(target);
        PrintWriter out = spec.commandLine().getOut();
        out.print(TextReport.render(report));
        out.flush();
        if (json != null) {
            try {
                GradescopeResults.write(report, json);
            } catch (IOException e) {
                throw new GraderException("Graded, but could not write " + json + ": " + e
                        + ". Check that its folder is writable; the report above is complete.",
                        e);
            }
            out.println("Wrote " + json);
        }
        return 0;
    }
}

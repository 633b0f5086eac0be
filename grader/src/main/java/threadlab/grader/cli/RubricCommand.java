package threadlab.grader.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import threadlab.grader.grading.Grader;
import threadlab.grader.failure.GraderException;
import threadlab.grader.rubric.Rubric;
import threadlab.grader.run.Limits;

/** {@code rubric [--rubric FILE]}: prints the rubric in force, every hidden test listed. */
@Command(name = "rubric", mixinStandardHelpOptions = true,
        description = RubricCommand.WHAT,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "1:the grader's own files are broken (the reason is printed)",
            "2:the command line or the rubric file was wrong"})
public final class RubricCommand implements Callable<Integer> {

    static final String WHAT = "Prints the rubric in force as a complete YAML file: every hidden"
            + " test's key, points and visibility, with its name in the reports. Save it, edit"
            + " it, and pass it to grade or gradescope with --rubric FILE.";

    @Spec
    private CommandSpec spec;

    @Option(names = "--rubric", paramLabel = "FILE",
            description = "The rubric to print whole, checked against the hidden tests. Default:"
                    + " the rubric the grader was built with, grader/rubric.yaml.")
    private Path rubricFile;

    @Override
    public Integer call() throws GraderException {
        Rubric rubric = rubricFile == null ? Rubric.packaged() : Rubric.read(rubricFile);
        PrintWriter printed = spec.commandLine().getOut();
        printed.print(render(rubric));
        printed.flush();
        return 0;
    }

    /**
     * A rubric written out whole, against the hidden tests as discovered.
     *
     * @param rubric the rubric
     * @return the YAML
     * @throws GraderException if the rubric names a test the grader lacks, or the grader's files
     *     are broken
     */
    static String render(Rubric rubric) throws GraderException {
        try (Grader grader = new Grader(Limits.DEFAULT, List.of(), false, Rubric.defaults())) {
            return rubric.render(grader.plan());
        }
    }
}

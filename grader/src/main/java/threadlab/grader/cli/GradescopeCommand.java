package threadlab.grader.cli;

import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import threadlab.grader.grading.Grader;
import threadlab.grader.failure.GraderException;
import threadlab.grader.course.ExerciseModule;
import threadlab.grader.discover.HiddenTest;
import threadlab.grader.gradescope.AutograderBundle;
import threadlab.grader.rubric.Rubric;
import threadlab.grader.run.Limits;

/** {@code gradescope OUT [--rubric FILE] [--zip]}: builds a Gradescope autograder. */
@Command(name = "gradescope", mixinStandardHelpOptions = true,
        description = GradescopeCommand.WHAT,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "1:could not write it (the reason is printed)",
            "2:the command line or the rubric file was wrong"})
public final class GradescopeCommand implements Callable<Integer> {

    static final String WHAT = "Writes a Gradescope autograder to OUT: setup.sh, which installs"
            + " Java 17, run_autograder, which grades /autograder/submission and writes"
            + " /autograder/results/results.json, this grader's jar, and the rubric. With --zip,"
            + " also OUT.zip, to upload on the assignment's Configure Autograder page.";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT", description = "A new folder, or an empty one.")
    private Path out;

    @Option(names = "--rubric", paramLabel = "FILE",
            description = "The points and visibility to grade with. Default: the rubric the"
                    + " grader was built with, grader/rubric.yaml.")
    private Path rubricFile;

    @Option(names = "--zip", description = "Also write OUT.zip, the autograder to upload.")
    private boolean zip;

    @Override
    public Integer call() throws GraderException {
        Rubric rubric = rubricFile == null ? Rubric.packaged() : Rubric.read(rubricFile);
        Path jar = graderJar();
        String yaml;
        int maxScore;
        try (Grader grader = new Grader(Limits.DEFAULT, List.of(), false, Rubric.defaults())) {
            Map<ExerciseModule, List<HiddenTest>> plan = grader.plan();
            yaml = rubric.render(plan);
            maxScore = rubric.apply(plan).values().stream().flatMap(List::stream)
                    .mapToInt(HiddenTest::points).sum();
        }
        Path folder = out.toAbsolutePath().normalize();
        Path zipFile = folder.resolveSibling(folder.getFileName() + ".zip");
        if (zip && Files.exists(zipFile)) {
            throw new GraderException(zipFile + " exists already. Delete it, or name another"
                    + " folder for the autograder.");
        }
        new AutograderBundle(jar, yaml, maxScore).writeTo(folder);
        PrintWriter printed = spec.commandLine().getOut();
        printed.println("Wrote the Gradescope autograder to " + folder + " ("
                + String.join(", ", AutograderBundle.FILES) + "); " + maxScore
                + " points under " + rubric.source() + ".");
        if (zip) {
            AutograderBundle.zip(folder, zipFile);
            printed.println("Wrote " + zipFile + ": upload it on the assignment's Configure"
                    + " Autograder page, on the Ubuntu base image.");
        }
        printed.println("Try it here first: copy " + folder + " to DIR/source, put a student's"
                + " work in DIR/submission, and run AUTOGRADER_ROOT=DIR DIR/source/run_autograder;"
                + " it writes DIR/results/results.json.");
        printed.flush();
        return 0;
    }

    private static Path graderJar() throws GraderException {
        Path home;
        try {
            home = Path.of(GradescopeCommand.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            throw new GraderException("Could not tell where the grader runs from: " + e, e);
        }
        if (!Files.isRegularFile(home)) {
            throw new GraderException("The autograder packs the grader's jar, and this grader"
                    + " runs from " + home + ". Build the jar with ./mvnw -q package -DskipTests"
                    + " -Pcourse and run java -jar grader/target/grader.jar gradescope OUT.");
        }
        return home;
    }
}

package threadlab.grader.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import threadlab.grader.failure.GraderException;
import threadlab.grader.handout.StudentHandout;

/** {@code export-student OUT}: writes the student repository, without answers. */
@Command(name = "export-student", mixinStandardHelpOptions = true,
        description = ExportStudentCommand.WHAT,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "1:could not write it (the reason is printed)",
            "2:the command line was wrong"})
public final class ExportStudentCommand implements Callable<Integer> {

    static final String WHAT = "Writes the student repository to OUT: the exercise modules with"
            + " their lessons, skeletons and visible tests, the build with its wrapper, a README"
            + " for students and a GitHub Classroom workflow. No solution, hidden test or grader"
            + " goes into it; the export stops if anything would leak.";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT",
            description = "A new folder, or an empty one, outside the course repository.")
    private Path out;

    @Option(names = "--course", paramLabel = "DIR",
            description = "The course repository. Default: the one around the current folder.")
    private Path course;

    @Override
    public Integer call() throws GraderException {
        Path root = course != null ? course
                : StudentHandout.courseAround(Path.of("").toAbsolutePath());
        StudentHandout.Summary written = new StudentHandout(root).export(out);
        PrintWriter printed = spec.commandLine().getOut();
        printed.printf(Locale.ROOT, "Wrote the student handout to %s: %d files, %.1f kB.%n",
                written.folder(), written.files(), written.bytes() / 1024.0);
        printed.println("Try it: cd " + written.folder() + " && ./mvnw -q test-compile && ./mvnw"
                + " -pl module-01-refcount test (the visible tests fail until the tasks are"
                + " done)");
        printed.flush();
        return 0;
    }
}

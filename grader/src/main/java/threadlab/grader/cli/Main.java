package threadlab.grader.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;
import threadlab.grader.failure.GraderException;
import threadlab.grader.grading.Grader;
import threadlab.grader.rubric.RubricException;

/**
 * The grader's command line: {@code java -jar grader/target/grader.jar grade [SUBMISSION]},
 * {@code check [COPY]} for a student's progress, {@code export-student OUT} for the student
 * handout, {@code rubric} for the rubric in force, and {@code gradescope OUT} for a Gradescope
 * autograder.
 */
@Command(name = "grader", mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Grades threadlab submissions with hidden tests.",
        subcommands = {GradeCommand.class, CheckCommand.class, ExportStudentCommand.class,
            RubricCommand.class, GradescopeCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs a command and exits with its code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        if (LeanJvm.wanted(args)) {
            int code = LeanJvm.run(args);
            if (code >= 0) {
                System.exit(code);
            }
        }
        System.exit(run(args));
    }

    /**
     * Runs a command.
     *
     * @param args the command line
     * @return the exit code: 0 graded, 1 could not grade, 2 usage error
     */
    public static int run(String... args) {
        CommandLine line = new CommandLine(new Main());
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof RubricException) {
                cmd.getErr().println("error: " + e.getMessage());
                return 2;
            }
            if (e instanceof GraderException) {
                cmd.getErr().println("error: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return line.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Name a command: grade [SUBMISSION] grades a submission; check [COPY] shows your"
                        + " progress, task by task; export-student OUT writes the student"
                        + " handout; rubric prints the rubric with every test; gradescope OUT"
                        + " builds a Gradescope autograder.");
    }

    /** The version shown by {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"threadlab grader " + Grader.version()};
        }
    }
}

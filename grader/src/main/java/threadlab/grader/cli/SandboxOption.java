package threadlab.grader.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;
import threadlab.grader.run.Sandbox;

/** The {@code --sandbox auto|required|off} option of the commands that run student code. */
public final class SandboxOption {

    static final String DESCRIPTION = "Where each test JVM runs: auto (the default) in the"
            + " operating-system sandbox (bubblewrap, Linux) where it starts, else without it,"
            + " and every report says so; required: in the sandbox, or no grading at all (exit"
            + " code 1, with what to install); off: without it, for debugging only.";

    @Option(names = "--sandbox", paramLabel = "MODE", defaultValue = "auto",
            converter = Words.class, description = DESCRIPTION)
    private Sandbox.Mode mode = Sandbox.Mode.AUTO;

    /**
     * The mode given.
     *
     * @return the mode, {@code auto} unless told
     */
    public Sandbox.Mode mode() {
        return mode;
    }

    /** Reads the mode from its word, in any case. */
    static final class Words implements ITypeConverter<Sandbox.Mode> {
        @Override
        public Sandbox.Mode convert(String value) {
            try {
                return Sandbox.Mode.of(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}

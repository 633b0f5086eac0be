package threadlab.grader.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import threadlab.grader.failure.GraderException;
import threadlab.grader.course.ExerciseModule;
import threadlab.grader.submission.Submission;

/**
 * Compiles one exercise module of a submission on its own, so that a compile error in one module
 * costs only that module. javac runs in a compile worker, with a time and a memory limit; the
 * sources it compiles are the text this class read and checked.
 */
public final class ModuleCompiler {

    /** How many compiler errors a report shows; the rest are counted. */
    static final int MAX_ERRORS_SHOWN = 10;

    /** The Java release the course is written for. */
    static final int COURSE_RELEASE = 17;

    /**
     * How javac is told the course's release. On a newer JDK, {@code --release} keeps students to
     * the course's API. On the course's own JDK the API is the running one, and {@code --release}
     * would only cost time: javac then opens the JDK's table of past APIs ({@code lib/ct.sym},
     * tens of thousands of entries) for every module it compiles, about a quarter of the
     * compiling.
     */
    static final List<String> RELEASE = Runtime.version().feature() == COURSE_RELEASE
            ? List.of() : List.of("--release", String.valueOf(COURSE_RELEASE));

    private static final String NAME = "[\\p{L}_$][\\p{L}\\p{N}_$]*";
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+(" + NAME
            + "(?:\\s*\\.\\s*" + NAME + ")*)\\s*;", Pattern.MULTILINE);

    private final CompileWorkers workers;

    /**
     * A compiler that runs javac in the grader's compile workers.
     *
     * @param workers the workers, which the caller closes
     */
    public ModuleCompiler(CompileWorkers workers) {
        this.workers = workers;
    }

    /**
     * Compiles a module's {@code src/main/java} into a folder.
     *
     * @param submission the submission
     * @param module the module to compile
     * @param classpath compiled modules this one uses
     * @param output where the classes go; it is created
     * @return the folder of classes
     * @throws ModuleMissingException if the submission has no sources for the module
     * @throws CompilationFailedException if the sources do not compile
     * @throws CompileLimitException if compiling passed its time or memory limit
     */
    public Path compile(Submission submission, ExerciseModule module, List<Path> classpath,
            Path output) throws ModuleMissingException, CompilationFailedException,
            CompileLimitException {
        try {
            return compile(submission, module, classpath, output, null);
        } catch (SourceProblemException e) {
            throw new CompilationFailedException(module, "  " + e.getMessage() + "\n");
        }
    }

    /**
     * Compiles a module's {@code src/main/java} into a folder, after checking that each file is
     * UTF-8 and in the exercise's package, and checks that every class of the course's API for
     * the module came out of it.
     *
     * @param submission the submission
     * @param module the module to compile
     * @param classpath compiled modules this one uses
     * @param output where the classes go; it is created
     * @param courseApi the course's own build of the module's API, or {@code null} to skip that
     *     check
     * @return the folder of classes
     * @throws ModuleMissingException if the submission has no sources for the module
     * @throws SourceProblemException if a file is not UTF-8, is in another package, or a class
     *     the tests use is missing
     * @throws CompilationFailedException if the sources do not compile
     * @throws CompileLimitException if compiling passed its time or memory limit
     */
    public Path compile(Submission submission, ExerciseModule module, List<Path> classpath,
            Path output, Path courseApi) throws ModuleMissingException, SourceProblemException,
            CompilationFailedException, CompileLimitException {
        List<Path> sources = sources(submission.sources(module));
        if (sources.isEmpty()) {
            throw new ModuleMissingException(module);
        }
        List<CompileProtocol.Source> checked = new ArrayList<>();
        for (Path source : sources) {
            checked.add(new CompileProtocol.Source(source.toAbsolutePath().toString(),
                    check(submission, module, source)));
        }
        List<String> options = new ArrayList<>(RELEASE);
        options.addAll(List.of("-encoding", "UTF-8", "-proc:none", "-implicit:none", "-nowarn",
                "-d", output.toAbsolutePath().toString()));
        if (!classpath.isEmpty()) {
            options.add("-classpath");
            options.add(classpath.stream().map(p -> p.toAbsolutePath().toString())
                    .collect(Collectors.joining(java.io.File.pathSeparator)));
        }
        CompileWorkers.Answer answer;
        try {
            Files.createDirectories(output);
            answer = workers.compile(options, checked);
        } catch (CompileWorkers.LimitPassed e) {
            throw new CompileLimitException(module, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GraderException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (!answer.compiled()) {
            throw new CompilationFailedException(module, describe(submission.root(),
                    answer.errors()));
        }
        if (courseApi != null) {
            requireApi(module, courseApi, output);
        }
        return output;
    }

    /**
     * A source file must be UTF-8 text and declare the exercise's package, or one below it.
     *
     * @return its text, which is what gets compiled
     */
    private static String check(Submission submission, ExerciseModule module, Path source)
            throws SourceProblemException {
        String shown = submission.root().relativize(source).toString().replace('\\', '/');
        String text;
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            text = utf8(bytes);
        } catch (CharacterCodingException e) {
            throw new SourceProblemException(shown + " is not UTF-8 text (" + notUtf8(bytes)
                    + "), so " + module.folder() + " could not be compiled. Save the file as"
                    + " UTF-8 (your editor's encoding setting) and grade again.");
        }
        Matcher declared = PACKAGE.matcher(text);
        String pkg = declared.find() ? declared.group(1).replaceAll("\\s", "") : "";
        if (!pkg.equals(module.exercisePackage())
                && !pkg.startsWith(module.exercisePackage() + ".")) {
            throw new SourceProblemException(shown + (pkg.isEmpty() ? " declares no package"
                    : " declares package " + pkg) + ", but " + module.folder() + "'s code belongs"
                    + " in package " + module.exercisePackage() + ", as in the skeleton, so the"
                    + " module could not be graded. Keep the skeleton's package line, and keep"
                    + " the file in src/main/java/" + module.exercisePackage().replace('.', '/')
                    + "/.");
        }
        return text;
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return decoder.decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** Where a file stops being UTF-8: its line and the byte. */
    private static String notUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        decoder.decode(in, CharBuffer.allocate(bytes.length), true);
        int at = Math.min(in.position(), bytes.length - 1);
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return String.format(Locale.ROOT, "line %d has the byte 0x%02X, which UTF-8 does not"
                + " allow there; the file was probably saved as Latin-1 or Windows-1252", line,
                bytes[at] & 0xFF);
    }

    /** Every top-level class of the course's API must come out of the student's sources. */
    private static void requireApi(ExerciseModule module, Path courseApi, Path output)
            throws SourceProblemException {
        if (!Files.isDirectory(courseApi)) {
            return;
        }
        List<String> missing = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(courseApi)) {
            for (Path api : walk.filter(p -> p.toString().endsWith(".class")
                    && !p.getFileName().toString().contains("$")).sorted().toList()) {
                String relative = courseApi.relativize(api).toString().replace('\\', '/');
                if (!Files.isRegularFile(output.resolve(relative))) {
                    missing.add(relative.substring(0, relative.length() - ".class".length())
                            .replace('/', '.'));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!missing.isEmpty()) {
            throw new SourceProblemException(module.folder() + " compiled, but it has no "
                    + String.join(", ", missing) + ", which the tests use, so none of its tests"
                    + " could run. Keep every class of the skeleton, with its name and package.");
        }
    }

    private static List<Path> sources(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String describe(Path root, List<CompileProtocol.Error> errors) {
        StringBuilder out = new StringBuilder();
        for (CompileProtocol.Error error : errors.subList(0,
                Math.min(MAX_ERRORS_SHOWN, errors.size()))) {
            out.append("  ");
            if (!error.path().isEmpty()) {
                Path file = Path.of(error.path());
                Path shown = file.startsWith(root) ? root.relativize(file) : file;
                out.append(shown.toString().replace('\\', '/')).append(':')
                        .append(error.line()).append(": ");
            }
            out.append("error: ").append(error.message()).append('\n');
        }
        if (errors.size() > MAX_ERRORS_SHOWN) {
            out.append("  ... and ").append(errors.size() - MAX_ERRORS_SHOWN)
                    .append(" more errors\n");
        }
        return out.toString();
    }
}

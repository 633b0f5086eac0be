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
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import threadlab.grader.failure.GraderException;
import threadlab.grader.course.ExerciseModule;
import threadlab.grader.submission.Submission;

/**
 * Compiles one exercise module of a submission on its own, in the grader's JVM, so that a
 * compile error in one module costs only that module.
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

    private final JavaCompiler javac;

    /**
     * A compiler from the running JDK.
     *
     * @throws GraderException if the grader runs on a JRE, which has no compiler
     */
    public ModuleCompiler() throws GraderException {
        this.javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new GraderException("The grader needs a JDK to compile submissions, but "
                    + System.getProperty("java.home") + " is a runtime without a compiler."
                    + " Run it with a JDK 17 or newer (set JAVA_HOME).");
        }
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
     */
    public Path compile(Submission submission, ExerciseModule module, List<Path> classpath,
            Path output) throws ModuleMissingException, CompilationFailedException {
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
     */
    public Path compile(Submission submission, ExerciseModule module, List<Path> classpath,
            Path output, Path courseApi) throws ModuleMissingException, SourceProblemException,
            CompilationFailedException {
        List<Path> sources = sources(submission.sources(module));
        if (sources.isEmpty()) {
            throw new ModuleMissingException(module);
        }
        for (Path source : sources) {
            check(submission, module, source);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files =
                javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            Files.createDirectories(output);
            List<String> options = new ArrayList<>(RELEASE);
            options.addAll(List.of("-encoding", "UTF-8", "-proc:none", "-implicit:none",
                    "-nowarn", "-d", output.toString()));
            if (!classpath.isEmpty()) {
                options.add("-classpath");
                options.add(classpath.stream().map(Path::toString)
                        .collect(Collectors.joining(java.io.File.pathSeparator)));
            }
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
            boolean ok = javac.getTask(null, files, diagnostics, options, null, units).call();
            if (!ok) {
                throw new CompilationFailedException(module,
                        describe(submission.root(), diagnostics.getDiagnostics()));
            }
            if (courseApi != null) {
                requireApi(module, courseApi, output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A source file must be UTF-8 text and declare the exercise's package, or one below it. */
    private static void check(Submission submission, ExerciseModule module, Path source)
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

    static String describe(Path root, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
        List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).collect(Collectors.toList());
        StringBuilder out = new StringBuilder();
        for (Diagnostic<? extends JavaFileObject> d : errors.subList(0,
                Math.min(MAX_ERRORS_SHOWN, errors.size()))) {
            out.append("  ");
            if (d.getSource() != null) {
                Path file = Path.of(d.getSource().toUri());
                Path shown = file.startsWith(root) ? root.relativize(file) : file;
                out.append(shown.toString().replace('\\', '/')).append(':')
                        .append(d.getLineNumber()).append(": ");
            }
            out.append("error: ").append(d.getMessage(Locale.ROOT).lines().findFirst().orElse(""))
                    .append('\n');
        }
        if (errors.size() > MAX_ERRORS_SHOWN) {
            out.append("  ... and ").append(errors.size() - MAX_ERRORS_SHOWN)
                    .append(" more errors\n");
        }
        return out.toString();
    }
}

package threadlab.grader.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import threadlab.grader.GraderException;
import threadlab.grader.course.ExerciseModule;
import threadlab.grader.submission.Submission;

/**
 * Compiles one exercise module of a submission on its own, in the grader's JVM, so that a
 * compile error in one module costs only that module.
 */
public final class ModuleCompiler {

    /** How many compiler errors a report shows; the rest are counted. */
    static final int MAX_ERRORS_SHOWN = 10;

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
        List<Path> sources = sources(submission.sources(module));
        if (sources.isEmpty()) {
            throw new ModuleMissingException(module);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files =
                javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            Files.createDirectories(output);
            List<String> options = new ArrayList<>(List.of(
                    "--release", "17", "-encoding", "UTF-8", "-proc:none", "-implicit:none",
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
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

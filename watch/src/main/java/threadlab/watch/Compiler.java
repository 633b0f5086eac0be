package threadlab.watch;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles sources with the JDK's own javac, in this JVM: after the first time, javac is loaded
 * and compiled to machine code already, and a module's dozen files take a tenth of a second.
 * The options are the build's: Java 17, UTF-8, debug information; only errors are shown.
 */
final class Compiler {

    private final JavaCompiler javac;
    private final StandardJavaFileManager files;

    /**
     * A compiler.
     *
     * @throws IllegalStateException if this Java has no compiler (a JRE, not a JDK)
     */
    Compiler() {
        this.javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("This Java (" + System.getProperty("java.home")
                    + ") has no compiler: it is a runtime only. Install a JDK 17 or newer and"
                    + " point JAVA_HOME at it.");
        }
        this.files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
    }

    /**
     * What compiling printed, and whether it worked.
     *
     * @param ok true when every file compiled
     * @param errors javac's errors, as {@code File.java:12: error: ...} lines, or empty
     */
    record Result(boolean ok, String errors) {
    }

    /**
     * Compiles every {@code .java} file under a folder into another.
     *
     * @param sources the sources' folder; none there compiles to nothing
     * @param classPath where the classes they use are, besides the JDK's
     * @param out where the classes go; it is made
     * @return what happened
     * @throws IOException if the folders cannot be read or written
     */
    Result compile(Path sources, List<Path> classPath, Path out) throws IOException {
        Files.createDirectories(out);
        List<Path> javaFiles = javaFiles(sources);
        if (javaFiles.isEmpty()) {
            return new Result(true, "");
        }
        List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-g",
                "-encoding", "UTF-8", "-proc:none", "-classpath", classPath(classPath)));
        if (Runtime.version().feature() != 17) {
            // On 17 itself the flag only opens the table of past APIs, which costs time.
            options.addAll(List.of("--release", "17"));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter output = new StringWriter();
        Boolean ok = javac.getTask(output, files, diagnostics, options, null,
                files.getJavaFileObjectsFromPaths(javaFiles)).call();
        return new Result(ok, errors(diagnostics, sources));
    }

    private static List<Path> javaFiles(Path sources) throws IOException {
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(sources)) {
            return walk.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f))
                    .sorted().toList();
        }
    }

    private static String classPath(List<Path> entries) {
        List<String> paths = new ArrayList<>();
        entries.forEach(p -> paths.add(p.toString()));
        return String.join(File.pathSeparator, paths);
    }

    /**
     * The libraries the visible tests compile against: this JVM's class path, which the watch's
     * pom makes the exercise modules' test libraries.
     *
     * @return the class path's entries
     */
    static List<Path> testLibraries() {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry));
            }
        }
        return entries;
    }

    private static String errors(DiagnosticCollector<JavaFileObject> diagnostics, Path sources) {
        StringBuilder text = new StringBuilder();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String file = d.getSource() == null ? "" : shown(sources, d.getSource());
            text.append(file).append(':').append(d.getLineNumber()).append(": error: ")
                    .append(d.getMessage(Locale.ROOT)).append(System.lineSeparator());
        }
        return text.toString();
    }

    private static String shown(Path sources, JavaFileObject source) {
        Path file = Path.of(source.toUri());
        Path module = sources.getParent().getParent().getParent();
        return module.getParent().relativize(file).toString();
    }
}

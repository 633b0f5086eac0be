package threadlab.grader.mutants;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeKind;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import threadlab.grader.files.Folders;

/**
 * The JDK's compiler, in this JVM: it tells which calls return nothing (PIT's
 * VOID_METHOD_CALLS removes only those, and a source has no types without it), and whether a
 * mutant compiles at all (one that does not is stillborn, and is not graded).
 */
final class Javac {

    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

    private Javac() {
    }

    /**
     * The calls to void methods in some sources, by where each starts and the method's name.
     *
     * @param sources each file's path (its name in reports) and text, all that they need included
     * @return keys {@code path:line:column:name}, as {@link #key} makes them
     */
    static Set<String> voidCalls(Map<String, String> sources) {
        JavacTask task = task(sources, new DiagnosticCollector<>(), List.of("-proc:none"));
        Set<String> found = new HashSet<>();
        try {
            Iterable<? extends CompilationUnitTree> units = task.parse();
            task.analyze();
            Trees trees = Trees.instance(task);
            SourcePositions positions = trees.getSourcePositions();
            for (CompilationUnitTree unit : units) {
                String path = unit.getSourceFile().toUri().getPath().substring(1);
                new TreePathScanner<Void, Void>() {
                    @Override
                    public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
                        Element method = trees.getElement(getCurrentPath());
                        if (method instanceof ExecutableElement executable
                                && executable.getReturnType().getKind() == TypeKind.VOID) {
                            long start = positions.getStartPosition(unit, call);
                            found.add(key(path, (int) unit.getLineMap().getLineNumber(start),
                                    (int) unit.getLineMap().getColumnNumber(start),
                                    name(call)));
                        }
                        return super.visitMethodInvocation(call, unused);
                    }
                }.scan(unit, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** A call's key: the file, where the call starts, and the method's name. */
    static String key(String path, int line, int column, String name) {
        return path + ":" + line + ":" + column + ":" + name;
    }

    private static String name(MethodInvocationTree call) {
        if (call.getMethodSelect() instanceof MemberSelectTree select) {
            return select.getIdentifier().toString();
        }
        return ((IdentifierTree) call.getMethodSelect()).getName().toString();
    }

    /**
     * Compiles sources into a folder.
     *
     * @param sources each file's path and text
     * @param classpath compiled classes they use, or none
     * @param out where the classes go
     * @return the errors, none if they compile
     */
    static List<String> compile(Map<String, String> sources, Path classpath, Path out) {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = new ArrayList<>(List.of("-proc:none", "-implicit:none", "-nowarn",
                "-d", out.toString()));
        if (classpath != null) {
            options.addAll(List.of("-classpath", classpath.toString()));
        }
        boolean ok = task(sources, diagnostics, options).call();
        List<String> errors = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> (d.getSource() == null ? "" : d.getSource().getName() + ":"
                        + d.getLineNumber() + ": ") + d.getMessage(null))
                .collect(Collectors.toCollection(ArrayList::new));
        if (!ok && errors.isEmpty()) {
            errors.add("javac failed without an error message");
        }
        return errors;
    }

    /**
     * Compiles one file against compiled classes, into a temporary folder that it deletes. A
     * mutant changes no signature, so a mutated file that compiles against the solution's other
     * classes compiles with them.
     *
     * @param path the file's path in its module's sources
     * @param text its text
     * @param classpath the solution's classes
     * @return the errors, none if it compiles
     */
    static List<String> errors(String path, String text, Path classpath) {
        Path out = null;
        try {
            out = Files.createTempDirectory("mutant-classes");
            return compile(Map.of(path, text), classpath, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (out != null) {
                Folders.deleteQuietly(out);
            }
        }
    }

    private static JavacTask task(Map<String, String> sources,
            DiagnosticCollector<JavaFileObject> diagnostics, List<String> options) {
        List<JavaFileObject> files = sources.entrySet().stream()
                .map(e -> (JavaFileObject) new InMemory(e.getKey(), e.getValue())).toList();
        return (JavacTask) JAVAC.getTask(null, null, diagnostics, options, null, files);
    }

    /** A source file held in memory, named by its path. */
    private static final class InMemory extends SimpleJavaFileObject {

        private final String text;

        InMemory(String path, String text) {
            super(URI.create("mem:///" + path), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}

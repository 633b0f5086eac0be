package threadlab.grader.compile;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The compile worker: a JVM of its own that runs javac for the grader, one request after
 * another, so that javac stays warm across submissions and a compile that runs too long or takes
 * too much memory costs this process, not the grader. No student code runs here: annotation
 * processing is off, and javac only reads the sources it is sent.
 */
public final class CompileWorker {

    private CompileWorker() {
    }

    /**
     * Answers requests on standard input until it closes.
     *
     * @param args none
     * @throws IOException if the grader's pipe breaks
     */
    public static void main(String[] args) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(System.out));
        // javac's own printing must not mix with the answers.
        System.setOut(new PrintStream(System.err, true, StandardCharsets.UTF_8));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> none = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(none, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            while (true) {
                List<String> options;
                try {
                    options = CompileProtocol.readOptions(in);
                } catch (EOFException e) {
                    return;
                }
                List<CompileProtocol.Source> sources = CompileProtocol.readSources(in);
                compile(javac, files, options, sources, out);
            }
        }
    }

    private static void compile(JavaCompiler javac, StandardJavaFileManager files,
            List<String> options, List<CompileProtocol.Source> sources, DataOutputStream out)
            throws IOException {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> units = new ArrayList<>();
        for (CompileProtocol.Source source : sources) {
            units.add(new InMemorySource(Path.of(source.path()).toUri(), source.text()));
        }
        boolean ok = javac.getTask(null, files, diagnostics, options, null, units).call();
        List<CompileProtocol.Error> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(new CompileProtocol.Error(d.getSource() == null ? ""
                        : Path.of(d.getSource().toUri()).toString(), d.getLineNumber(),
                        d.getMessage(Locale.ROOT).lines().findFirst().orElse("")));
            }
        }
        CompileProtocol.writeAnswer(out, ok, errors);
    }

    /** A source file whose text the grader sent. */
    private static final class InMemorySource extends SimpleJavaFileObject {
        private final String text;

        InMemorySource(URI uri, String text) {
            super(uri, Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}

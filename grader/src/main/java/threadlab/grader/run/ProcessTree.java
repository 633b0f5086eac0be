package threadlab.grader.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ends a process and every process under it, and waits, bounded, until they are gone: the grader
 * writes no report while a process of a submission may still change a file.
 */
public final class ProcessTree {

    /** How long the processes of a submission may take to end once they are killed. */
    public static final Duration STOP_LIMIT = Duration.ofSeconds(10);

    /** How often to look whether a process that is not the grader's child has ended. */
    private static final long LOOK_EVERY_MILLIS = 5;

    private ProcessTree() {
    }

    /**
     * Kills a process and every process under it, and waits until none is left, at most a limit.
     * The processes under it are killed first, as they leave its tree once it is gone; those
     * that start meanwhile are found and killed on the next pass.
     *
     * @param root the process
     * @param limit how long to wait in all
     * @return {@code true} if every process is gone, {@code false} if one was still alive at the
     *     limit
     */
    public static boolean end(ProcessHandle root, Duration limit) {
        // Interrupted (Ctrl-C, the end of a run): the processes must still be gone first.
        boolean interrupted = Thread.interrupted();
        try {
            return endAll(root, limit);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean endAll(ProcessHandle root, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            // Those under it first: in the sandbox, the root is bubblewrap, which ends by itself
            // once they are gone, and waits for them, so that none is left unreaped.
            List<ProcessHandle> under = root.descendants().toList();
            under.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle process : under) {
                if (!awaitGone(process, deadline)) {
                    return false;
                }
            }
            root.destroyForcibly();
            if (!awaitGone(root, deadline)) {
                return false;
            }
            if (root.descendants().findAny().isEmpty()) {
                return true;
            }
        }
    }

    /**
     * Waits until a process is gone, at most until a deadline. There is no event to wait for
     * when a process is not the grader's child, so it looks every few milliseconds.
     */
    private static boolean awaitGone(ProcessHandle process, long deadline) {
        while (!gone(process)) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(LOOK_EVERY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return gone(process);
            }
        }
        return true;
    }

    /**
     * Whether a process has ended: a process that ended and was not yet reaped by its parent (a
     * zombie) runs no code and holds no file open.
     *
     * @param process the process
     * @return {@code true} if it ended
     */
    static boolean gone(ProcessHandle process) {
        return !process.isAlive() || TestJvmRunner.threadState(Path.of("/proc",
                Long.toString(process.pid()), "stat")) == 'Z';
    }
}

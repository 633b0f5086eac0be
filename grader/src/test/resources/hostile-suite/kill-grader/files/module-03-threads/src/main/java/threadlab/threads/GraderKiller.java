package threadlab.threads;

/** Hostile: kills the grader. */
final class GraderKiller {

    private GraderKiller() {
    }

    static void go() {
        ProcessHandle.current().parent().ifPresent(ProcessHandle::destroyForcibly);
    }
}

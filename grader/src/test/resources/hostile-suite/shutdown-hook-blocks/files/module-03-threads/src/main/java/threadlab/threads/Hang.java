package threadlab.threads;

/** Hostile: an exit that never ends. */
final class Hang {

    private Hang() {
    }

    static void go() {
        try {
            if (!new java.io.File("once").createNewFile()) {
                return;
            }
        } catch (java.io.IOException e) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    // Keep blocking the exit.
                }
            }
        }, "blocks-exit"));
        System.exit(0);
    }
}

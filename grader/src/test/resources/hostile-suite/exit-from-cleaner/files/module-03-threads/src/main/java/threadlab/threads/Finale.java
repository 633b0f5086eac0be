package threadlab.threads;

import java.lang.ref.Cleaner;

/** Hostile: exits from a cleaner thread, some time later. */
final class Finale {

    private static final Cleaner CLEANER = Cleaner.create();
    private static boolean done;

    private Finale() {
    }

    static synchronized void go() {
        if (done) {
            return;
        }
        done = true;
        CLEANER.register(new Object(), () -> System.exit(0));
        System.gc();
    }
}

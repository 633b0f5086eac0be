package threadlab.threads;

import java.io.FileInputStream;
import java.util.ArrayList;
import java.util.List;

/** Hostile: takes every file descriptor, interrupts every thread, never returns. */
final class Greedy {

    private static final List<FileInputStream> KEPT = new ArrayList<>();

    private Greedy() {
    }

    static void go() {
        try {
            if (!new java.io.File("once").createNewFile()) {
                return;
            }
        } catch (java.io.IOException e) {
            return;
        }
        try {
            while (KEPT.size() < 1_000_000) {
                KEPT.add(new FileInputStream("/dev/null"));
            }
        } catch (java.io.IOException e) {
            // Out of descriptors, as planned.
        }
        while (KEPT.size() >= 0) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t != Thread.currentThread()) {
                    t.interrupt();
                }
            }
            Thread.onSpinWait();
        }
    }
}

package threadlab.hidden.threads;

/** Hostile: named like a hidden test, to shadow it on the class path. */
public final class Task1SleeperHiddenTests {

    static {
        System.out.println("shadow loaded");
    }
}

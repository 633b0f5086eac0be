package threadlab.watch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The test JVMs of the watched modules: one spare per module, warm by the next save. A test JVM
 * that tested a save and left nothing behind stays, warm, for the next; one that ends after a
 * save is replaced at once by a new one, which warms up while the student reads the verdict. A
 * save that finds its spare still warming up sends it the job at once: the spare stops warming
 * and runs the tests, which is sooner than a new JVM would. A spare that ended (killed, or out of
 * memory) is replaced by a new one.
 */
final class TestJvms implements AutoCloseable {

    private final List<String> jvmOptions;
    private final PrintStream out;
    private final boolean keepSpares;
    private final Map<String, Spare> spares = new HashMap<>();
    private int started;
    private Duration warmAfter;

    /**
     * The test JVMs.
     *
     * @param jvmOptions the options of each JVM, as the build gives the tests'
     * @param out where their output goes
     * @param keepSpares true to start a spare after each run, for the next save
     */
    TestJvms(List<String> jvmOptions, PrintStream out, boolean keepSpares) {
        this.jvmOptions = List.copyOf(jvmOptions);
        this.out = out;
        this.keepSpares = keepSpares;
    }

    /**
     * Runs a module's tests in its spare, or in a new test JVM if it has none that runs.
     *
     * @param module the module
     * @param classFolders its build's class folders, the tests' first
     * @param testClasses the test classes' names
     * @param task the task whose tests run, or empty for all
     * @return how the tests ended
     * @throws IOException if a JVM cannot start or its build cannot be copied
     * @throws InterruptedException if interrupted while the tests run
     */
    Spare.Result run(Exercise module, List<Path> classFolders, List<String> testClasses,
            OptionalInt task) throws IOException, InterruptedException {
        Spare spare = spares.remove(module.name());
        if (spare == null || !spare.fits(classFolders)) {
            spare = replace(spare, module, classFolders);
        }
        Spare.Result result;
        boolean keep = false;
        try {
            if (!spare.send(classFolders, testClasses, task)) {
                spare = replace(spare, module, classFolders);
                spare.send(classFolders, testClasses, task);
            }
            result = spare.await();
            keep = keepSpares && result.run() != null;
        } finally {
            if (keep) {
                spares.put(module.name(), spare);
            } else {
                spare.close();
            }
        }
        if (result.run() != null && result.run().saves() == 0
                && result.run().warmAfter() != null) {
            warmAfter = result.run().warmAfter();
        }
        return result;
    }

    /**
     * Makes sure a module has a spare for its next run, when spares are kept: called after a
     * verdict. The test JVM that ran it stays when it says it takes another save; otherwise a
     * new one starts.
     *
     * @param module the module
     * @param classFolders the class folders of its runs
     * @throws IOException if the JVM cannot start
     * @throws InterruptedException if interrupted while the last test JVM says whether it stays
     */
    void prepare(Exercise module, List<Path> classFolders) throws IOException,
            InterruptedException {
        if (!keepSpares) {
            return;
        }
        Spare spare = spares.get(module.name());
        if (spare != null && !spare.awaitReady()) {
            spares.remove(module.name()).close();
            spare = null;
        }
        if (spare == null) {
            spares.put(module.name(), start(module, classFolders.size()));
        }
    }

    /**
     * How long after its start the last spare that warmed up fully was warm: about how long
     * after a verdict the next save finds its spare warm.
     *
     * @return the time, or null before any spare was warm
     */
    Duration warmAfter() {
        return warmAfter;
    }

    private Spare replace(Spare old, Exercise module, List<Path> classFolders)
            throws IOException {
        if (old != null) {
            old.close();
        }
        return start(module, classFolders.size());
    }

    private Spare start(Exercise module, int slots) throws IOException {
        started++;
        return Spare.start(module.dir().resolve("target/watch/jvm-" + started), slots,
                jvmOptions, module.modelChecked(), out);
    }

    /** Stops every spare. */
    @Override
    public void close() throws IOException {
        List<Spare> all = new ArrayList<>(spares.values());
        spares.clear();
        for (Spare spare : all) {
            spare.close();
        }
    }
}

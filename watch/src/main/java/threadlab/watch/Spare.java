package threadlab.watch;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * A test JVM ({@link TestJvm}) started ahead of a save, for one module: the same {@code java} and
 * class path as the watch's, with the module's class folders in front, as Surefire puts them.
 * Those folders are empty "slots" until a save: then the module's build is copied into them, and
 * the job is sent. The JVM runs the tests and says when it is done, then whether it waits for the
 * next save or ends; what else it prints goes to the watch's output.
 */
final class Spare implements AutoCloseable {

    /**
     * Lincheck's threads wait for their turn by spinning, up to a million times between yields,
     * when the JVM has more than one processor. On 2 cores the spinning threads take the
     * processor from the one whose turn it is: a warm model-checked run of module 1's task 3
     * used 2.9 to 3.7 s of processor time, and 1.7 to 2.4 s with one processor. Model checking
     * tries the same interleavings either way; only one of the test's threads runs at a time.
     */
    static final String ONE_PROCESSOR = "-XX:ActiveProcessorCount=1";
    /**
     * The JIT's quick compiler only, chosen when a test JVM tested one save and ended, too soon
     * for the optimizing compiler to pay for itself. With it, a warm run of module 1's task 3 used
     * 1.1 s of processor time instead of 1.7 to 2.4 s, and the warm-up took 4.2 s instead of
     * 5.6 s or more (at load 5 to 9).
     */
    static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";

    private final Process process;
    private final Path dir;
    private final List<Path> slots;
    private final Thread pump;
    /** What the JVM signalled: guarded by itself. */
    private final Signals signals = new Signals();
    private int jobs;

    private Spare(Process process, Path dir, List<Path> slots, PrintStream out) {
        this.process = process;
        this.dir = dir;
        this.slots = slots;
        this.pump = new Thread(() -> pump(process.getInputStream(), out), "test-jvm-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** The signals read from the JVM's output, and whether the output ended. */
    private static final class Signals {
        private int done;
        private boolean ready = true;
        private boolean ended;

        synchronized void said(String signal) {
            if (signal.equals(TestJvm.DONE)) {
                done++;
            } else {
                ready = true;
            }
            notifyAll();
        }

        synchronized void end() {
            ended = true;
            notifyAll();
        }

        /** Waits until the JVM takes a job, or ended; true when it takes one. */
        synchronized boolean awaitReady() throws InterruptedException {
            while (!ready && !ended) {
                wait();
            }
            return ready && !ended;
        }

        synchronized void sent() {
            ready = false;
        }

        /** Waits until the JVM said a job is done, or ended; true when it said so. */
        synchronized boolean awaitDone(int job) throws InterruptedException {
            while (done < job && !ended) {
                wait();
            }
            return done >= job;
        }
    }

    /**
     * Starts a test JVM.
     *
     * @param dir a folder of its own, for its slots and results; it is emptied first
     * @param slots how many class folders the module's runs have
     * @param jvmOptions the options of the JVM, as the build gives the tests'
     * @param modelChecked true when the module's tests use Lincheck, to warm it up too
     * @param out where the JVM's output goes
     * @return the JVM, warming up
     * @throws IOException if the folder cannot be made or the JVM cannot start
     */
    static Spare start(Path dir, int slots, List<String> jvmOptions, boolean modelChecked,
            PrintStream out) throws IOException {
        Builds.delete(dir);
        List<Path> folders = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            // Made before the JVM starts: a class path folder missing then is never looked in.
            folders.add(Files.createDirectories(dir.resolve(String.valueOf(i))));
        }
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.add(QUICK_JIT);
        if (modelChecked) {
            command.add(ONE_PROCESSOR);
        }
        // Lincheck leaves a jar in the temporary folder of each JVM: this one goes with the spare.
        command.add("-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")));
        command.addAll(List.of("-classpath", classPath(folders), TestJvm.class.getName()));
        if (modelChecked) {
            command.add(TestJvm.MODEL_CHECKED);
        }
        folders.forEach(f -> command.add(f.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new Spare(process, dir, List.copyOf(folders), out);
    }

    private static String java() {
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java")
                .toString();
    }

    private static String classPath(List<Path> slots) {
        List<String> entries = new ArrayList<>();
        slots.forEach(s -> entries.add(s.toString()));
        entries.add(System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, entries);
    }

    /**
     * Whether the JVM can take a job: it runs, and has a slot for each class folder.
     *
     * @param classFolders the run's class folders
     * @return true when it can
     */
    boolean fits(List<Path> classFolders) {
        return process.isAlive() && classFolders.size() == slots.size();
    }

    /**
     * Waits until the JVM said whether it takes another job, after the last.
     *
     * @return true when it does; false when it ended
     * @throws InterruptedException if interrupted while waiting
     */
    boolean awaitReady() throws InterruptedException {
        return signals.awaitReady();
    }

    /**
     * Copies the module's build into the slots, in place of the last save's, and sends the job.
     *
     * @param classFolders the run's class folders, one per slot, the tests' first
     * @param testClasses the test classes' names
     * @param task the task whose tests run, or empty for all
     * @return false when the JVM ended, or said it takes no other job, before it took this one
     * @throws IOException if the build cannot be copied
     * @throws InterruptedException if interrupted while waiting for the JVM
     */
    boolean send(List<Path> classFolders, List<String> testClasses, OptionalInt task)
            throws IOException, InterruptedException {
        if (!signals.awaitReady()) {
            return false;
        }
        for (int i = 0; i < slots.size(); i++) {
            empty(slots.get(i));
            copy(classFolders.get(i), slots.get(i));
        }
        jobs++;
        Files.deleteIfExists(results());
        List<String> job = new ArrayList<>(List.of(results().toString(),
                task.isPresent() ? String.valueOf(task.getAsInt()) : ""));
        job.addAll(testClasses);
        signals.sent();
        try {
            OutputStream in = process.getOutputStream();
            in.write((Fields.join(job) + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            return true;
        } catch (IOException e) {
            return false; // the pipe is closed: the JVM has ended
        }
    }

    /**
     * Waits for the JVM to say the job is done, or to end, and reads how the tests ended.
     *
     * @return the run and the outcomes, or an outcome that says the JVM ended too early
     * @throws IOException if the results cannot be read
     * @throws InterruptedException if interrupted while waiting
     */
    Result await() throws IOException, InterruptedException {
        if (!signals.awaitDone(jobs)) {
            int exit = process.waitFor();
            pump.join();
            return new Result(null, List.of(ended(exit)));
        }
        List<String> lines = Files.readAllLines(results(), StandardCharsets.UTF_8);
        List<Outcome> outcomes = new ArrayList<>();
        lines.subList(1, lines.size()).forEach(l -> outcomes.add(Outcome.ofLine(l)));
        return new Result(TestJvm.Run.ofLine(lines.get(0)), outcomes);
    }

    /**
     * How a job ended: what the test JVM said of the run, and the tests' outcomes.
     *
     * @param run the run, or null when the JVM ended before it said
     * @param outcomes each test's outcome
     */
    record Result(TestJvm.Run run, List<Outcome> outcomes) {
    }

    private static Outcome ended(int exit) {
        return new Outcome("", "test JVM", "the test JVM ended before the tests did", "",
                OptionalInt.empty(), Outcome.Status.FAILED, "The JVM that runs the tests ended"
                + " with exit code " + exit + " before it said how they ended. A test may call"
                + " System.exit, or the JVM ran out of memory: its output is above. The same"
                + " tests run with ./mvnw test show it too.");
    }

    private Path results() {
        return dir.resolve("results-" + jobs + ".txt");
    }

    /** Deletes what a slot holds, not the slot: the JVM's class path names it. */
    private static void empty(Path slot) throws IOException {
        try (Stream<Path> files = Files.list(slot)) {
            for (Path p : files.toList()) {
                Builds.delete(p);
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * Copies the JVM's output to the watch's, and takes the JVM's signals out of it: each begins
     * and ends with a NUL, which printed text hardly holds; bytes that only looked like the start
     * of one are copied as they came.
     */
    private void pump(InputStream from, PrintStream to) {
        byte[] buffer = new byte[8192];
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        ByteArrayOutputStream held = new ByteArrayOutputStream();
        try (from) {
            for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (held.size() == 0 && b != 0) {
                        text.write(b);
                        continue;
                    }
                    held.write(b);
                    String signal = held.toString(StandardCharsets.UTF_8);
                    if (signal.equals(TestJvm.DONE) || signal.equals(TestJvm.READY)) {
                        text.writeTo(to);
                        to.flush();
                        text.reset();
                        held.reset();
                        signals.said(signal);
                    } else if (!TestJvm.DONE.startsWith(signal)
                            && !TestJvm.READY.startsWith(signal)) {
                        held.writeTo(text);
                        held.reset();
                    }
                }
                text.writeTo(to);
                to.flush();
                text.reset();
            }
        } catch (IOException e) {
            // The JVM was stopped while its output was read: what it printed is shown.
        } finally {
            to.write(held.toByteArray(), 0, held.size());
            to.flush();
            signals.end();
        }
    }

    /** Stops the JVM if it still runs, and deletes its folder. */
    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        process.onExit().join();
        Builds.delete(dir);
    }
}

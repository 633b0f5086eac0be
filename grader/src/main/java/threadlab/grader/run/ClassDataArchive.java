package threadlab.grader.run;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A class-data sharing archive of the classes every test JVM loads: the JDK's, JUnit's, the model
 * checker's, the grader's and the hidden tests'. Built once per run, it spares each test JVM the
 * loading and verifying of some thousands of classes (about a third of a test JVM's start).
 *
 * <p>The first test JVM of a run records which classes it loads; the archive is built from that
 * list, filtered down to classes of the JDK and of the grader's own jars ({@link #trusted}), and
 * from those jars only, so no class of a submission is ever in it. Test JVMs
 * started before the archive is ready, or after it failed, run without it: it changes how fast
 * a grade comes, never the grade.
 */
public final class ClassDataArchive {

    private static final String CLASS_LIST = "classes.lst";
    /** A recorded list is some hundred kilobytes; a larger one is not used. */
    private static final long MAX_LIST_BYTES = 8L << 20;
    private static final int MAX_LINE = 2_000;
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z0-9_$/]+");
    /** The JDK's own classes, which come from the JDK's modules whatever the list says. */
    private static final List<String> JDK_PACKAGES = List.of("java/", "javax/", "jdk/", "sun/",
            "com/sun/");

    private final Path folder;
    private final List<Path> sharedClasspath;
    private boolean recording;
    private boolean recorded;
    private volatile boolean stopped;
    private Process dump;
    private Thread builder;
    private volatile boolean ready;
    private volatile String fingerprint;
    private volatile String state = "not built (the first test JVM records the classes)";

    /**
     * An archive for a run.
     *
     * @param folder where its files go
     * @param sharedClasspath the class path entries every test JVM starts with, all jars
     */
    public ClassDataArchive(Path folder, List<Path> sharedClasspath) {
        this.folder = folder;
        this.sharedClasspath = List.copyOf(sharedClasspath);
    }

    /**
     * The archive file, for the grader's checks on its own files.
     *
     * @return the file, which exists once the archive is built
     */
    public Path file() {
        return folder.resolve("classes.jsa");
    }

    private Path classList() {
        return folder.resolve(CLASS_LIST);
    }

    /**
     * The options for the next test JVM: the archive once it is ready; for the first JVM of the
     * run, the option that records its classes, into its working folder, the only one a test JVM
     * in the sandbox may write.
     *
     * @param workDir the test JVM's working folder
     * @return JVM options
     */
    public synchronized List<String> nextJvmOptions(Path workDir) {
        if (ready) {
            return List.of("-XX:SharedArchiveFile=" + file(), "-Xshare:auto");
        }
        if (!recording && !stopped) {
            recording = true;
            try {
                ensureFolder();
            } catch (IOException e) {
                state = "off: " + e.getMessage();
                return List.of();
            }
            return List.of("-XX:DumpLoadedClassList=" + workDir.resolve(CLASS_LIST));
        }
        return List.of();
    }

    /**
     * Keeps the classes the recording test JVM listed, from its working folder, before the
     * folder goes; call it once that JVM has ended, then {@link #build}.
     *
     * @param workDir the recording JVM's working folder
     */
    public void keepRecording(Path workDir) {
        if (stopped) {
            return;
        }
        try {
            ensureFolder();
            Path recorded = workDir.resolve(CLASS_LIST);
            if (Files.isRegularFile(recorded, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && Files.size(recorded) <= MAX_LIST_BYTES) {
                Files.write(classList(), trusted(Files.readAllLines(recorded,
                        StandardCharsets.ISO_8859_1), sharedClasses()),
                        StandardCharsets.ISO_8859_1);
            }
        } catch (IOException | UncheckedIOException e) {
            state = "off: " + e.getMessage();
        }
    }

    /**
     * The lines of a recorded class list that the grader trusts. The recording JVM ran a
     * submission's code, which could have written the list: a line is kept only if it names a
     * class of the JDK or of the grader's own jars, in the list's plain form (a class name, or
     * an {@code @} line of JDK 21 and later whose first argument is such a class), and never a
     * class file from elsewhere ({@code source:}). So no class of a submission can reach the
     * archive that every other submission's test JVM maps.
     *
     * @param recorded the lines as the recording JVM left them
     * @param shared the classes of the grader's own jars, as {@code a/b/C}
     * @return the lines to build the archive from
     */
    static List<String> trusted(List<String> recorded, Set<String> shared) {
        List<String> kept = new ArrayList<>();
        for (String line : recorded) {
            if (line.length() > MAX_LINE || line.contains("source:")) {
                continue;
            }
            String[] words = line.trim().split(" +");
            if (words[0].equals("@lambda-form-invoker")) {
                // The JDK's own method handle holders: "[LF_RESOLVE] java.lang.invoke.X ...".
                if (words.length > 2 && words[2].startsWith("java.lang.invoke.")) {
                    kept.add(line);
                }
                continue;
            }
            String named = words[0].startsWith("@") && words.length > 1 ? words[1] : words[0];
            if (CLASS_NAME.matcher(named).matches() && (shared.contains(named)
                    || JDK_PACKAGES.stream().anyMatch(named::startsWith))) {
                kept.add(line);
            }
        }
        return kept;
    }

    /**
     * Makes the archive's folder, but never the run's folder above it: once the grader has
     * removed that (the run ended, or was stopped), nothing may bring it back.
     */
    private void ensureFolder() throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectory(folder);
        }
    }

    /** The classes of the grader's own jars, which the archive may hold besides the JDK's. */
    private Set<String> sharedClasses() throws IOException {
        Set<String> classes = new HashSet<>();
        for (Path jar : sharedClasspath) {
            if (!Files.isRegularFile(jar)) {
                continue;
            }
            try (JarFile file = new JarFile(jar.toFile())) {
                file.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class"))
                        .map(n -> n.substring(0, n.length() - ".class".length()))
                        .forEach(classes::add);
            }
        }
        return classes;
    }

    /**
     * Builds the archive from the recorded classes, once, after the recording JVM ended; later
     * calls return at once.
     */
    public void build() {
        synchronized (this) {
            if (!recording || recorded || stopped) {
                return;
            }
            recorded = true;
            builder = Thread.currentThread();
        }
        try {
            buildNow();
        } finally {
            synchronized (this) {
                builder = null;
                dump = null;
                notifyAll();
            }
        }
    }

    private void buildNow() {
        long start = System.nanoTime();
        try {
            ensureFolder();
            if (!Files.isRegularFile(classList())) {
                state = "off: the first test JVM recorded no classes";
                return;
            }
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xshare:dump", "-XX:SharedClassListFile=" + classList(),
                    "-XX:SharedArchiveFile=" + file(), "-cp", sharedClasspath.stream()
                            .map(Path::toString).collect(Collectors.joining(File.pathSeparator))));
            Process dump;
            synchronized (this) {
                if (stopped) {
                    state = "off: the grader stopped before it was built";
                    return;
                }
                // Started under the lock, so that stop() either prevents it or sees it.
                dump = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(folder.resolve("dump.log").toFile()).start();
                this.dump = dump;
            }
            if (!dump.waitFor(120, TimeUnit.SECONDS)) {
                ProcessTree.end(dump.toHandle(), ProcessTree.STOP_LIMIT);
                state = "off: building it took more than 120 s";
                return;
            }
            if (dump.exitValue() != 0 || !Files.isRegularFile(file())) {
                state = "off: the JDK could not build it (exit code " + dump.exitValue() + ")";
                return;
            }
            fingerprint = threadlab.grader.discover.Fingerprint.quick(List.of(file()));
            ready = true;
            state = String.format(java.util.Locale.ROOT, "on: built in %.1f s from the classes"
                    + " the first test JVM loaded", (System.nanoTime() - start) / 1e9);
        } catch (IOException e) {
            state = "off: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state = "off: interrupted";
        }
    }

    /**
     * Whether the archive is as it was built, or not built yet.
     *
     * @return {@code false} if something changed it on disk
     */
    public boolean intact() {
        return !ready || threadlab.grader.discover.Fingerprint.quick(List.of(file()))
                .equals(fingerprint);
    }

    /**
     * On a stop of the grader: no build starts, a build under way ends with its process, and
     * this returns once the building thread wrote its last file, so that the run's folder can go
     * without a file coming back into it.
     *
     * @param limit how long to wait for the building thread
     * @throws InterruptedException if interrupted while waiting
     */
    public void stop(java.time.Duration limit) throws InterruptedException {
        Process running;
        synchronized (this) {
            stopped = true;
            ready = false;
            running = dump;
        }
        if (running != null) {
            ProcessTree.end(running.toHandle(), ProcessTree.STOP_LIMIT);
        }
        long end = System.nanoTime() + limit.toNanos();
        synchronized (this) {
            while (builder != null && builder != Thread.currentThread()) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    /** Stops using the archive, after something other than the grader changed it. */
    public void discard() {
        ready = false;
        state = "off: it changed on disk during the run, so the grader stopped using it";
    }

    /**
     * What became of the archive, for the reports.
     *
     * @return for example {@code on: built in 3.9 s ...}
     */
    public String state() {
        return state;
    }
}

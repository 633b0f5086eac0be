package threadlab.grader.run;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The operating-system sandbox each test JVM runs in: bubblewrap ({@code bwrap}) on Linux. A test
 * JVM in it has its own process, IPC, host-name and network namespaces, sees the JDK, the system
 * libraries and the files of its class path read-only, and can write only its own working folder.
 * It sees no other submission, none of the grader's other files and no home folder; it cannot
 * see or signal a process outside it, and nothing it starts outlives it. Where the grader runs as
 * root, the test JVM runs as the unprivileged user {@value #NOBODY}, which owns its working
 * folder and nothing else.
 *
 * <p>{@link #choose} decides once per run, by starting a trivial command in the sandbox.
 */
public final class Sandbox {

    /** How a run uses the sandbox, from {@code --sandbox}. */
    public enum Mode {
        /** The sandbox where it starts; else without it, and every report says so. */
        AUTO,
        /** The sandbox, or no grading at all. */
        REQUIRED,
        /** No sandbox: for debugging the grader. */
        OFF;

        /**
         * The mode as the command line writes it.
         *
         * @return {@code auto}, {@code required} or {@code off}
         */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * The mode a word names.
         *
         * @param word {@code auto}, {@code required} or {@code off}, in any case
         * @return the mode
         * @throws IllegalArgumentException for any other word, with the words allowed
         */
        public static Mode of(String word) {
            for (Mode mode : values()) {
                if (mode.word().equalsIgnoreCase(word.strip())) {
                    return mode;
                }
            }
            throw new IllegalArgumentException("--sandbox takes auto, required or off, not \""
                    + word + "\"");
        }
    }

    /** A system property naming the bubblewrap program, instead of {@code bwrap} on the PATH. */
    public static final String BWRAP_PROPERTY = "threadlab.grader.bwrap";
    /** The user and group a test JVM runs as when the grader runs as root: nobody. */
    static final int NOBODY = 65534;
    /** How long the sandbox may take to start its trivial command before it counts as broken. */
    static final Duration PROBE_LIMIT = Duration.ofSeconds(20);
    /** What to install for the sandbox, for the messages. */
    static final String INSTALL = "install bubblewrap (Debian and Ubuntu: apt-get install"
            + " bubblewrap)";

    /** The system folders every test JVM sees read-only, where they are folders. */
    private static final List<String> SYSTEM = List.of("/usr", "/etc", "/bin", "/sbin", "/lib",
            "/lib32", "/lib64", "/libx32");

    private final Mode mode;
    private final Path bwrap;
    private final Path setpriv;
    /** How the sentence of a grade made without the sandbox begins. */
    public static final String WITHOUT = "Graded without the operating-system sandbox";

    private final String state;
    private final String without;

    private Sandbox(Mode mode, Path bwrap, Path setpriv, String state, String without) {
        this.mode = mode;
        this.bwrap = bwrap;
        this.setpriv = setpriv;
        this.state = state;
        this.without = without;
    }

    /**
     * What this machine offers: the programs the sandbox needs, and whether it starts.
     *
     * @param bwrap the bubblewrap program, if found
     * @param setpriv the program that changes user, if the grader runs as root and it is found
     * @param root whether the grader runs as root, so that test JVMs change user
     * @param problem why the sandbox cannot be used here, or empty if it started
     */
    record Offer(Optional<Path> bwrap, Optional<Path> setpriv, boolean root,
            Optional<String> problem) {
    }

    /**
     * No sandbox, for tools and tests that run the grader's own JVMs on trusted code.
     *
     * @return a sandbox that is off
     */
    public static Sandbox off() {
        return decide(Mode.OFF, new Offer(Optional.empty(), Optional.empty(), false,
                Optional.empty()));
    }

    /**
     * Chooses the sandbox for a run: looks for bubblewrap and starts a trivial command in it.
     *
     * @param mode how the run uses the sandbox
     * @return the sandbox, on or off
     * @throws SandboxUnavailableException if the mode requires the sandbox and it cannot start
     */
    public static Sandbox choose(Mode mode) throws SandboxUnavailableException {
        Sandbox chosen = decide(mode, mode == Mode.OFF ? new Offer(Optional.empty(),
                Optional.empty(), false, Optional.empty()) : offer());
        if (chosen.mode == Mode.REQUIRED && !chosen.on()) {
            throw new SandboxUnavailableException("--sandbox required, but " + chosen.without
                    + ". To grade, " + INSTALL + " on Linux, or grade with --sandbox auto.");
        }
        return chosen;
    }

    /**
     * The decision, from what the machine offers.
     *
     * @param mode how the run uses the sandbox
     * @param offer what the machine offers
     * @return the sandbox; for {@link Mode#REQUIRED} one that is off when the sandbox cannot
     *     start, which {@link #choose} refuses
     */
    static Sandbox decide(Mode mode, Offer offer) {
        if (mode == Mode.OFF) {
            return new Sandbox(mode, null, null, "off (--sandbox off)", "--sandbox off was given");
        }
        String given = " (--sandbox " + mode.word() + ")";
        if (offer.problem().isPresent() || offer.bwrap().isEmpty()) {
            String why = offer.problem().orElse("bubblewrap (bwrap) is not installed");
            return new Sandbox(mode, null, null, "off: " + why + given, why);
        }
        if (offer.root() && offer.setpriv().isEmpty()) {
            String why = "the grader runs as root and setpriv (util-linux) is not installed to"
                    + " run the tests as an unprivileged user";
            return new Sandbox(mode, null, null, "off: " + why + given, why);
        }
        return new Sandbox(mode, offer.bwrap().get(), offer.root() ? offer.setpriv().get() : null,
                "on: bubblewrap " + offer.bwrap().get() + (offer.root() ? ", test JVMs as uid "
                        + NOBODY : ", test JVMs as the grading user") + given, null);
    }

    /** Looks for the programs, and starts a trivial command in the sandbox. */
    private static Offer offer() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return new Offer(Optional.empty(), Optional.empty(), false,
                    Optional.of("bubblewrap runs on Linux only, and this is "
                            + System.getProperty("os.name")));
        }
        String named = System.getProperty(BWRAP_PROPERTY);
        Optional<Path> bwrap = named != null ? Optional.of(Path.of(named))
                .filter(Files::isExecutable) : onPath("bwrap");
        boolean root = runsAsRoot();
        Optional<Path> setpriv = root ? onPath("setpriv") : Optional.empty();
        Offer found = new Offer(bwrap, setpriv, root, Optional.empty());
        Sandbox candidate = decide(Mode.AUTO, found);
        if (!candidate.on()) {
            return found;
        }
        return new Offer(bwrap, setpriv, root, candidate.probe());
    }

    /**
     * Starts {@code true} in the sandbox as a test JVM would run, and waits for it, bounded.
     *
     * @return why it did not start, or empty if it did
     */
    private Optional<String> probe() {
        Path work;
        try {
            work = Files.createTempDirectory("threadlab-sandbox-probe-");
        } catch (IOException e) {
            return Optional.of("the grader could not make a folder to try it in (" + e + ")");
        }
        try {
            prepare(work);
            Path log = work.resolveSibling(work.getFileName() + ".log");
            Process process = builder(List.of(onPath("true").map(Path::toString)
                    .orElse("/bin/true")), work, List.of()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            boolean ended = process.waitFor(PROBE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                ProcessTree.end(process.toHandle(), ProcessTree.STOP_LIMIT);
            }
            String said = Files.isRegularFile(log) ? Files.readString(log,
                    StandardCharsets.UTF_8).lines().findFirst().orElse("").strip() : "";
            Files.deleteIfExists(log);
            if (!ended) {
                return Optional.of("bubblewrap did not start within "
                        + Limits.seconds(PROBE_LIMIT));
            }
            if (process.exitValue() != 0) {
                return Optional.of("bubblewrap could not start here (exit code "
                        + process.exitValue() + (said.isEmpty() ? "" : ": " + said) + ")");
            }
            return Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.of("bubblewrap could not start here (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("the grader was interrupted while it tried bubblewrap");
        } finally {
            threadlab.grader.files.Folders.deleteQuietly(work);
        }
    }

    /** A program on the PATH, as the shell would find it. */
    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    /** Whether this JVM runs as root: the owner of a file it makes is uid 0. */
    private static boolean runsAsRoot() {
        try {
            Path probe = Files.createTempFile("threadlab-uid-", ".tmp");
            try {
                return Integer.valueOf(0).equals(Files.getAttribute(probe, "unix:uid"));
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Whether test JVMs run in the sandbox.
     *
     * @return {@code true} if they do
     */
    public boolean on() {
        return bwrap != null;
    }

    /**
     * The mode the run was given.
     *
     * @return the mode
     */
    public Mode mode() {
        return mode;
    }

    /**
     * What the run's records say: on, with how, or off, with why; and the mode given.
     *
     * @return for example {@code on: bubblewrap /usr/bin/bwrap, test JVMs as uid 65534
     *     (--sandbox auto)}
     */
    public String state() {
        return state;
    }

    /**
     * The one sentence every report and the console carry when test JVMs ran without the
     * sandbox.
     *
     * @return the sentence, or empty when the sandbox is on
     */
    public Optional<String> withoutSentence() {
        return on() ? Optional.empty() : Optional.of(WITHOUT + " (" + without + "), so the"
                + " submission's code ran with all the rights of the user running the grader.");
    }

    /**
     * Makes a test JVM's working folder its own: where test JVMs change user, that user owns it
     * and no one else may enter it.
     *
     * @param workDir the working folder, with any folders in it
     * @throws IOException if its owner or permissions cannot be set
     */
    public void prepare(Path workDir) throws IOException {
        if (setpriv == null) {
            return;
        }
        List<Path> all;
        try (java.util.stream.Stream<Path> walk = Files.walk(workDir)) {
            all = walk.toList();
        }
        for (Path path : all) {
            Files.setAttribute(path, "unix:uid", NOBODY, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(path, "unix:gid", NOBODY, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        }
        Files.setPosixFilePermissions(workDir,
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    /**
     * The process that runs a command in the sandbox, or as it is when the sandbox is off.
     *
     * @param command the command, such as a test JVM's
     * @param workDir its working folder, the only one it may write
     * @param readable the files and folders it reads besides the system's, such as its class
     *     path; every file that {@code command} names must be among them
     * @return the process to start
     */
    public ProcessBuilder builder(List<String> command, Path workDir, List<Path> readable) {
        ProcessBuilder builder = new ProcessBuilder(command(command, workDir, readable))
                .directory(workDir.toFile());
        Map<String, String> env = builder.environment();
        if (on()) {
            // Nothing of the grader's environment, which may hold secrets, reaches the sandbox.
            env.clear();
            env.put("PATH", "/usr/bin:/bin");
            env.put("LANG", "C.UTF-8");
        }
        env.put("HOME", workDir.resolve("home").toString());
        env.put("TMPDIR", workDir.resolve("tmp").toString());
        return builder;
    }

    /**
     * A command as the sandbox runs it.
     *
     * @param command the command
     * @param workDir its working folder
     * @param readable what it reads besides the system's folders
     * @return the command, wrapped in bubblewrap when the sandbox is on
     */
    List<String> command(List<String> command, Path workDir, List<Path> readable) {
        if (!on()) {
            return List.copyOf(command);
        }
        List<String> wrapped = new ArrayList<>(List.of(bwrap.toString(),
                "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-net",
                "--die-with-parent", "--new-session", "--hostname", "threadlab-sandbox"));
        List<Path> bound = new ArrayList<>();
        for (String system : SYSTEM) {
            bound.addAll(system(Path.of(system), wrapped));
        }
        wrapped.addAll(List.of("--proc", "/proc", "--dev", "/dev"));
        Set<Path> own = new LinkedHashSet<>();
        own.add(Path.of(System.getProperty("java.home")));
        readable.forEach(own::add);
        Set<Path> made = new LinkedHashSet<>();
        for (Path path : own) {
            Path absolute = path.toAbsolutePath().normalize();
            if (Files.exists(absolute) && bound.stream().noneMatch(absolute::startsWith)) {
                parents(absolute, made, wrapped);
                wrapped.addAll(List.of("--ro-bind", absolute.toString(), absolute.toString()));
                bound.add(absolute);
            }
        }
        Path work = workDir.toAbsolutePath().normalize();
        parents(work, made, wrapped);
        wrapped.addAll(List.of("--bind", work.toString(), work.toString(),
                "--chdir", work.toString(), "--remount-ro", "/", "--"));
        if (setpriv != null) {
            wrapped.addAll(List.of(setpriv.toString(), "--reuid", String.valueOf(NOBODY),
                    "--regid", String.valueOf(NOBODY), "--clear-groups", "--inh-caps=-all",
                    "--bounding-set=-all", "--"));
        }
        wrapped.addAll(command);
        return wrapped;
    }

    /** Binds a system folder read-only, or repeats it as the link it is; the folders bound. */
    private static List<Path> system(Path folder, List<String> wrapped) {
        try {
            if (Files.isSymbolicLink(folder)) {
                wrapped.addAll(List.of("--symlink", Files.readSymbolicLink(folder).toString(),
                        folder.toString()));
                return List.of();
            }
        } catch (IOException e) {
            return List.of();
        }
        if (Files.isDirectory(folder)) {
            wrapped.addAll(List.of("--ro-bind", folder.toString(), folder.toString()));
            return List.of(folder);
        }
        return List.of();
    }

    /**
     * Makes the folders above a bound path, each open to all to pass through: bubblewrap would
     * make them for root alone.
     */
    private static void parents(Path path, Set<Path> made, List<String> wrapped) {
        List<Path> above = new ArrayList<>();
        for (Path p = path.getParent(); p != null && p.getParent() != null; p = p.getParent()) {
            above.add(0, p);
        }
        for (Path p : above) {
            if (made.add(p)) {
                wrapped.addAll(List.of("--dir", p.toString()));
            }
        }
    }

    /**
     * The files a list of JVM options names, which the sandbox must let the JVM read: the
     * agent's jar of {@code -javaagent:} and the archive of {@code -XX:SharedArchiveFile=}.
     *
     * @param options JVM options
     * @return the files
     */
    public static List<Path> filesNamedIn(List<String> options) {
        List<Path> files = new ArrayList<>();
        for (String option : options) {
            if (option.startsWith("-javaagent:")) {
                String rest = option.substring("-javaagent:".length());
                int equals = rest.indexOf('=');
                files.add(Path.of(equals < 0 ? rest : rest.substring(0, equals)));
            } else if (option.startsWith("-XX:SharedArchiveFile=")) {
                files.add(Path.of(option.substring("-XX:SharedArchiveFile=".length())));
            }
        }
        return files;
    }
}

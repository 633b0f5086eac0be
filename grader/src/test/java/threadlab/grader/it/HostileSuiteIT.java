package threadlab.grader.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.testing.GraderProcess;
import threadlab.grader.testing.HostileCorpus;
import threadlab.grader.testing.HostileCorpus.Attack;
import threadlab.grader.testing.LeakDetector;
import threadlab.grader.testing.Submissions;

/**
 * The hostile suite: one class, graded in one run, holds the reference solutions (first and
 * last), every correct variant of the banks, and every attack of the hostile corpus
 * ({@code hostile-suite/README.md} says what each does and which wall stops it). Each attack is
 * asserted by its walled outcome: no more than its honest score, no hidden test recoverable from
 * any report, the other students' grades unchanged, every report written (or a non-zero exit
 * that says why), and nothing of the run left running or lying in {@code /tmp}.
 *
 * <p>Run it alone with {@code -Dit.test=HostileSuiteIT}. {@code -Dhostile.skip=a,b} leaves
 * attacks out, to see the others' outcomes where one of them stops the whole run (on a grader
 * that a submission can kill, {@code kill-grader}); {@code -Dhostile.keep=DIR} keeps the run's
 * reports and what the grader printed in DIR, to read them afterwards.
 */
class HostileSuiteIT {

    private static final String FIRST = "a-control-solutions";
    private static final String LAST = "z-control-solutions";
    /** How long what the run started may take to end after the grader does. */
    private static final long SETTLE_MILLIS = 15_000;
    /** What the corpus names the files it leaves, in /tmp or beside the class. */
    private static final String LEFT_BEHIND = "threadlab-hostile-";

    @TempDir
    static Path dir;

    private static Path classDir;
    private static Path out;
    private static Path graderTmp;
    private static List<Attack> attacks;
    private static final List<String> RIGHT = new ArrayList<>();
    private static GraderProcess.Result printed;
    private static List<String> leftRunning = List.of();
    private static Set<Long> before = Set.of();
    private static List<String> leftFiles = List.of();

    @BeforeAll
    static void gradeTheHostileClass() throws Exception {
        classDir = Files.createDirectories(dir.resolve("class"));
        out = dir.resolve("grades");
        graderTmp = Files.createDirectories(dir.resolve("grader-tmp"));
        Submissions.solution(classDir.resolve(FIRST));
        RIGHT.add(FIRST);
        for (String module : List.of("module-01-refcount", "module-02-gil")) {
            for (String variant : Submissions.bankVariants(module)) {
                if (variant.startsWith("correct-")) {
                    Submissions.bankVariant(classDir.resolve(variant), module, variant);
                    RIGHT.add(variant);
                }
            }
        }
        Submissions.solution(classDir.resolve(LAST));
        RIGHT.add(LAST);
        List<String> skip = List.of(System.getProperty("hostile.skip", "").split(","));
        attacks = HostileCorpus.attacks().stream().filter(a -> !skip.contains(a.id())).toList();
        for (Attack attack : attacks) {
            HostileCorpus.build(attack, classDir);
        }
        before = ProcessHandle.allProcesses().map(ProcessHandle::pid)
                .collect(Collectors.toSet());
        printed = grade();
        leftRunning = RunProcesses.settle(before, folders(), SETTLE_MILLIS);
        leftFiles = leftFiles();
    }

    private static GraderProcess.Result grade() throws Exception {
        Path jar = Path.of(System.getProperty("grader.jar", "target/grader.jar"))
                .toAbsolutePath();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djava.io.tmpdir=" + graderTmp, "-jar", jar.toString(), "grade",
                classDir.toString(), "--out", out.toString(), "--test-timeout", "20");
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        Process grader = new ProcessBuilder(command)
                .directory(GraderProcess.courseRoot().toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!grader.waitFor(900, TimeUnit.SECONDS)) {
            grader.descendants().forEach(ProcessHandle::destroyForcibly);
            grader.destroyForcibly();
            throw new IllegalStateException("the grader ran past 900 s: " + command);
        }
        return new GraderProcess.Result(grader.exitValue(),
                Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    /** Files the corpus leaves where a student's code should not write, then removed. */
    private static List<String> leftFiles() throws IOException {
        List<String> left = new ArrayList<>();
        for (Path place : List.of(Path.of(System.getProperty("java.io.tmpdir")), Path.of("/tmp"),
                dir, classDir, graderTmp.getParent())) {
            if (!Files.isDirectory(place)) {
                continue;
            }
            try (Stream<Path> list = Files.list(place)) {
                for (Path p : list.filter(p -> p.getFileName().toString().startsWith(LEFT_BEHIND))
                        .toList()) {
                    left.add(p.toString());
                    Submissions.deleteIfExists(p);
                }
            }
        }
        try (Stream<Path> list = Files.list(graderTmp)) {
            list.forEach(p -> left.add(p + " (in the grader's temporary folder)"));
        }
        return left.stream().distinct().toList();
    }

    private static List<String> folders() {
        return List.of(graderTmp.toString(), classDir.toString(), out.toString());
    }

    @AfterAll
    static void removeWhatIsLeft() throws InterruptedException, IOException {
        RunProcesses.kill(leftRunning);
        RunProcesses.kill(RunProcesses.settle(before, folders(), 0));
        String keep = System.getProperty("hostile.keep", "");
        if (!keep.isEmpty() && Files.isDirectory(out)) {
            Submissions.copy(out, Path.of(keep).resolve("grades"));
            Files.writeString(Path.of(keep).resolve("stdout.txt"), printed.stdout());
            Files.writeString(Path.of(keep).resolve("stderr.txt"), printed.stderr());
        }
    }

    private static String why() {
        String stdout = printed.stdout();
        return "\nexit code " + printed.exitCode() + "; the grader printed:\n"
                + stdout.substring(Math.max(0, stdout.length() - 4_000))
                + printed.stderr().substring(Math.max(0, printed.stderr().length() - 2_000));
    }

    private static Optional<JsonNode> results(String student) throws IOException {
        Path json = out.resolve(student).resolve("results.json");
        return Files.isRegularFile(json) ? Optional.of(new ObjectMapper().readTree(json.toFile()))
                : Optional.empty();
    }

    @Test
    @DisplayName("the grader ends with 0, or with 1 and the problem named")
    void theGraderSaysWhy() {
        assertThat(printed.exitCode()).as(why()).isIn(0, 1);
        if (printed.exitCode() == 1) {
            assertThat(printed.stdout()).as(why()).contains("Problem:");
        }
    }

    @Test
    @DisplayName("the solutions and every correct variant keep full marks beside the attacks")
    void othersKeepTheirGrades() throws Exception {
        Map<String, Object> scores = new LinkedHashMap<>();
        for (String student : RIGHT) {
            scores.put(student, results(student).map(r -> r.get("score").asInt() + "/"
                    + r.get("max_score").asInt()).orElse("no results.json"));
        }
        // Full marks are whatever the solutions get: the hidden tests' points change as they grow.
        Object full = scores.get(LAST);
        assertThat(full).as(why()).asString().matches("([1-9][0-9]*)/\\1");
        assertThat(scores).as(why()).allSatisfy((student, score) ->
                assertThat(score).as(student).isEqualTo(full));
    }

    @TestFactory
    @DisplayName("each attack gets no more than its honest score")
    Stream<DynamicTest> noAttackScoresMoreThanItsOwn() {
        return attacks.stream().filter(a -> !a.lines().stream().anyMatch(l ->
                l.startsWith("name "))).map(attack -> DynamicTest.dynamicTest(attack.id(), () -> {
                    String student = attack.id();
                    JsonNode results = results(student).orElseThrow(() -> new AssertionError(
                            "no results.json for " + student + why()));
                    assertThat(results.get("score").asInt()).as(attack.id() + ": "
                            + results.get("output")).isLessThanOrEqualTo(attack.scoreAtMost());
                }));
    }

    @Test
    @DisplayName("every submission has its report, and the class its pages, whatever the names")
    void everyReportIsWritten() throws IOException {
        int submissions = RIGHT.size() + attacks.size();
        List<Path> written;
        try (Stream<Path> walk = Files.walk(out, 2)) {
            written = walk.filter(p -> p.getFileName().toString().equals("results.json"))
                    .toList();
        }
        assertThat(written).as(why()).hasSize(submissions);
        assertThat(out.resolve("index.html")).as(why()).isRegularFile();
        assertThat(out.resolve("grades.csv")).as(why()).isRegularFile();
        String csv = Files.readString(out.resolve("grades.csv"), StandardCharsets.UTF_8);
        assertThat(csv.lines()).as("a student's name must not add a row of its own")
                .noneMatch(line -> line.startsWith("mallory,98"));
        for (String student : RIGHT) {
            assertThat(csv).contains("\n" + student + ",");
        }
    }

    @Test
    @DisplayName("no report page carries a script, whatever the students wrote")
    void pagesCarryNoScript() throws IOException {
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path page : walk.filter(p -> p.toString().endsWith(".html"))
                    .filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(page, StandardCharsets.UTF_8).toLowerCase())
                        .as(page.toString()).doesNotContain("<script").doesNotContain("onerror=");
            }
        }
    }

    @Test
    @DisplayName("no hidden test can be recovered from any report, decoded or not")
    void noHiddenTestLeaks() throws IOException {
        LeakDetector detector = LeakDetector.forHiddenTests(GraderProcess.courseRoot(),
                Path.of(System.getProperty("grader.jar", "target/grader.jar")));
        Map<String, String> leaks = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path report : walk.filter(Files::isRegularFile).sorted().toList()) {
                String text = new String(Files.readAllBytes(report), StandardCharsets.UTF_8);
                detector.leakIn(text).ifPresent(file -> leaks.put(out.relativize(report)
                        .toString(), file));
            }
        }
        assertThat(leaks).as("report -> hidden file it gives away").isEmpty();
    }

    @Test
    @DisplayName("nothing the run started is still running once the grader has ended")
    void nothingIsLeftRunning() {
        assertThat(leftRunning).as("processes of the run, " + SETTLE_MILLIS + " ms after the"
                + " grader ended").isEmpty();
    }

    @Test
    @DisplayName("no file is left in /tmp, beside the class, or in the grader's temporary folder")
    void noFileIsLeftBehind() {
        assertThat(leftFiles).isEmpty();
    }

    /** Finds the processes a run started, by what they name or inherited, and ends them. */
    static final class RunProcesses {

        private RunProcesses() {
        }

        /**
         * Waits, up to a limit, until no new process names the run's folders.
         *
         * @return what is still running then, each as pid and command line
         */
        static List<String> settle(Set<Long> before, List<String> folders, long millis)
                throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            List<String> left = running(before, folders);
            while (!left.isEmpty() && System.nanoTime() < end) {
                Thread.sleep(100);
                left = running(before, folders);
            }
            return left;
        }

        private static List<String> running(Set<Long> before, List<String> folders) {
            long self = ProcessHandle.current().pid();
            return ProcessHandle.allProcesses().filter(p -> !before.contains(p.pid())
                    && p.pid() != self && p.isAlive()).filter(p -> names(p, folders))
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
        }

        private static boolean names(ProcessHandle process, List<String> folders) {
            StringBuilder seen = new StringBuilder();
            for (String file : List.of("cmdline", "environ")) {
                try {
                    seen.append(new String(Files.readAllBytes(Path.of("/proc",
                            Long.toString(process.pid()), file)), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // Gone, or not ours to read.
                }
            }
            try {
                seen.append(Files.readSymbolicLink(Path.of("/proc",
                        Long.toString(process.pid()), "cwd")));
            } catch (IOException e) {
                // Gone, or not ours to read.
            }
            return folders.stream().anyMatch(f -> seen.indexOf(f) >= 0);
        }

        /** Ends the processes found, which this test's run started. */
        static void kill(List<String> processes) {
            for (String process : processes) {
                ProcessHandle.of(Long.parseLong(process.split(" ", 2)[0]))
                        .ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }
}

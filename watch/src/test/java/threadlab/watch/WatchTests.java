package threadlab.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch on a small course folder, in this JVM, with its test JVMs: verdicts follow the code as
 * it changes, model checking included, what does not compile says where, and a test JVM that
 * ends, in a test or while it waits, fails no more than that test.
 */
class WatchTests {

    /** The test JVMs' options, as the build gives module 1's tests. */
    private static final String TEST_JVM = "--test-jvm=" + System.getProperty("watch.testJvm",
            "");

    @TempDir
    private Path root;
    @TempDir
    private Path reports;

    @Test
    @DisplayName("a racy counter fails its model-checked test, a safe one passes, and racy again"
            + " fails again, all in one JVM")
    void verdictsFollowTheCode() throws IOException {
        Fixture.course(root, Fixture.RACY);
        assertThat(once("1")).contains("Task 1: a counter: NOT DONE, 1 of 2 tests pass")
                .contains("FAIL two threads lose no update (model-checked)")
                .contains("Verdict in ").contains(": module 1, task 1: not done.");
        assertThat(Files.readAllLines(report())).contains(
                "demo.CounterTests#countsOnOneThread PASSED",
                "demo.CounterTests#twoThreads FAILED");

        Fixture.write(root.resolve(Fixture.COUNTER), Fixture.SAFE);
        assertThat(once("1")).contains("Task 1: a counter: done, 2 of 2 tests pass")
                .contains(": module 1, task 1: done.");

        Fixture.write(root.resolve(Fixture.COUNTER), Fixture.RACY);
        assertThat(once("1")).contains("NOT DONE, 1 of 2 tests pass");
    }

    @Test
    @DisplayName("-Dtask runs that task's tests only, from every test class Surefire would run")
    void aTaskRunsItsTestsOnly() throws IOException {
        Fixture.course(root, Fixture.SAFE);

        assertThat(once("2")).contains("Task 2: always fails: NOT DONE, 0 of 1 tests pass")
                .contains("java.lang.AssertionError: Task 2: not done")
                .doesNotContain("Task 1");
        assertThat(Files.readAllLines(report())).containsExactly("demo.NeverTests#fails FAILED");
    }

    @Test
    @DisplayName("code that does not compile gets javac's error with its file and line, and no"
            + " test runs")
    void aCompileErrorSaysWhere() throws IOException {
        Fixture.course(root, Fixture.SAFE.replace("return count;", "return count"));

        assertThat(once("1")).contains("does not compile")
                .containsPattern("module-01-counting.src.main.java.demo.Counter\\.java:12:"
                        + " error: ';' expected")
                .contains(": module 1, task 1: does not compile.");
    }

    @Test
    @DisplayName("a module or task that is not a number, or a module that is not there, is named"
            + " with what to write")
    void aWrongCommandLineSaysWhatToWrite() throws IOException {
        Fixture.course(root, Fixture.SAFE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        assertThat(Watch.run(out, "--root=" + root, "--module=two")).isEqualTo(2);
        assertThat(Watch.run(out, "--root=" + root, "--module=7", "--once=true")).isEqualTo(2);

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("-Dmodule=two is not a module number: give 1 or more")
                .contains("There is no module 7").contains("the modules are 1")
                .contains("./mvnw -q -f watch -Dmodule=3 -Dtask=2");
    }

    @Test
    @DisplayName("watching, a save made at once is tested in the test JVM of the last save, with"
            + " its own classes: racy fails with the same report as in a new JVM, safe passes,"
            + " racy fails again")
    void aSaveIsTestedAgainInTheSameJvm() throws Exception {
        Fixture.course(root, Fixture.RACY);
        Lines lines = new Lines();
        Thread watch = watching(lines);
        try {
            List<String> first = lines.nextBlock();
            assertThat(last(first)).contains("task 1: not done.");
            Fixture.write(root.resolve(Fixture.COUNTER), Fixture.SAFE);
            assertThat(last(lines.nextBlock())).contains("task 1: done.")
                    .contains("the test JVM of the last save");
            Fixture.write(root.resolve(Fixture.COUNTER), Fixture.RACY);
            List<String> again = lines.nextBlock();
            assertThat(last(again)).contains("task 1: not done.")
                    .contains("the test JVM of the last save");
            // Lincheck's report, interleaving and all, word for word as the first JVM gave it.
            assertThat(report(again)).isEqualTo(report(first))
                    .anyMatch(l -> l.contains("at demo.CounterTests.lambda$twoThreads$0("));
        } finally {
            stop(watch);
        }
    }

    @Test
    @DisplayName("a save whose tests leave a thread running ends its test JVM: the next save is"
            + " tested in a new one")
    void aSaveThatLeavesAThreadEndsItsJvm() throws Exception {
        Fixture.course(root, Fixture.SAFE);
        Lines lines = new Lines();
        Thread watch = watching(lines, "4");
        try {
            assertThat(lines.nextVerdict()).contains("task 4: done.");
            Fixture.write(root.resolve(Fixture.COUNTER), Fixture.RACY);
            assertThat(lines.nextVerdict()).contains("task 4: done.")
                    .doesNotContain("the test JVM of the last save");
        } finally {
            stop(watch);
        }
    }

    /** The lines of a verdict that tell the failures, without its times. */
    private static List<String> report(List<String> block) {
        return block.stream().filter(l -> !l.isBlank() && !l.startsWith(Verdict.PREFIX)
                && !l.startsWith("Saved in") && !l.startsWith("Watching")).toList();
    }

    private static String last(List<String> block) {
        return block.get(block.size() - 1);
    }

    @Test
    @DisplayName("a test that ends the JVM fails with what happened, and the watch goes on")
    void aTestThatEndsTheJvmFails() throws IOException {
        Fixture.course(root, Fixture.SAFE);

        assertThat(once("3")).contains("FAIL the test JVM ended before the tests did")
                .contains("ended with exit code 3").contains("A test may call System.exit")
                .contains(": module 1, task 3: not done.");
    }

    @Test
    @DisplayName("a test JVM that ends while it waits for a save is replaced, and the save gets"
            + " its verdict")
    void aSpareThatEndsIsReplaced() throws Exception {
        Fixture.course(root, Fixture.RACY);
        Lines lines = new Lines();
        Thread watch = watching(lines);
        try {
            assertThat(lines.nextVerdict()).contains("task 1: not done.");
            // The test JVM waits for the next save after the verdict.
            List<ProcessHandle> spares = await().atMost(Duration.ofMinutes(1))
                    .until(() -> ProcessHandle.current().descendants().toList(),
                            list -> !list.isEmpty());
            spares.forEach(ProcessHandle::destroyForcibly);
            spares.forEach(p -> p.onExit().join());

            Fixture.write(root.resolve(Fixture.COUNTER), Fixture.SAFE);

            assertThat(lines.nextVerdict()).contains("task 1: done.")
                    .contains("the test JVM was still warming up");
        } finally {
            stop(watch);
        }
    }

    private Thread watching(Lines lines) {
        return watching(lines, "1");
    }

    private Thread watching(Lines lines, String task) {
        Thread watch = new Thread(() -> Watch.run(new PrintStream(lines, true,
                StandardCharsets.UTF_8), "--root=" + root, "--module=1", "--task=" + task,
                TEST_JVM));
        watch.start();
        return watch;
    }

    private static void stop(Thread watch) throws InterruptedException {
        watch.interrupt();
        watch.join(TimeUnit.MINUTES.toMillis(Lines.LIMIT_MINUTES));
        assertThat(watch.isAlive()).as("the watch stops when interrupted").isFalse();
        assertThat(ProcessHandle.current().descendants()).as("test JVMs left running")
                .isEmpty();
    }

    private String once(String task) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Watch.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), "--root=" + root,
                "--module=1", "--task=" + task, "--once=true", "--report=" + report(),
                TEST_JVM);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private Path report() {
        return reports.resolve("report.txt");
    }

    /** The watch's output, line by line, as it comes. */
    private static final class Lines extends OutputStream {

        private static final int LIMIT_MINUTES = 10;

        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }

        /**
         * The next verdict's last line. The limit is far above a verdict's time: a cold first
         * one took 2 minutes on 2 cores at load 35.
         */
        String nextVerdict() throws InterruptedException {
            return last(nextBlock());
        }

        /** The lines up to the next verdict's last line, that line included. */
        List<String> nextBlock() throws InterruptedException {
            List<String> block = new ArrayList<>();
            for (String next = lines.poll(LIMIT_MINUTES, TimeUnit.MINUTES); next != null;
                    next = lines.poll(LIMIT_MINUTES, TimeUnit.MINUTES)) {
                block.add(next);
                if (next.startsWith(Verdict.PREFIX)) {
                    return block;
                }
            }
            throw new AssertionError("no verdict within " + LIMIT_MINUTES + " minutes");
        }
    }
}

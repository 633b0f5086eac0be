package threadlab.grader.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.protocol.Event;
import threadlab.grader.protocol.Verdict;
import threadlab.grader.text.StudentText;

class TestJvmRunnerTests {

    private static final long WINDOW = TestJvmRunner.IDLE_WINDOW.toNanos();
    /** The most processor time a waiting JVM uses over the window. */
    private static final long SHARE = WINDOW / TestJvmRunner.IDLE_SHARE;

    @Test
    @DisplayName("a test JVM that used less than a fifth of a core, with no thread ready to run,"
            + " waits")
    void littleProcessorTimeIsWaiting() {
        assertThat(TestJvmRunner.waits(0, WINDOW, () -> false)).isTrue();
        assertThat(TestJvmRunner.waits(SHARE - 1, WINDOW, () -> false)).isTrue();
        assertThat(TestJvmRunner.waits(SHARE, WINDOW, () -> false)).isFalse();
        assertThat(TestJvmRunner.waits(WINDOW, WINDOW, () -> false)).isFalse();
    }

    @Test
    @DisplayName("a test JVM with a thread ready to run works, however little processor time it"
            + " got")
    void aThreadReadyToRunIsWorking() {
        // On a machine whose cores are all busy, a JVM that works gets less than its share.
        assertThat(TestJvmRunner.waits(0, WINDOW, () -> true)).isFalse();
        assertThat(TestJvmRunner.waits(SHARE / 2, WINDOW, () -> true)).isFalse();
    }

    @Test
    @DisplayName("a JVM that used much processor time works, and its threads are not looked at")
    void threadsAreLookedAtOnlyWhenLittleWasUsed() {
        AtomicBoolean asked = new AtomicBoolean();
        assertThat(TestJvmRunner.waits(WINDOW, WINDOW, () -> asked.getAndSet(true))).isFalse();
        assertThat(asked).isFalse();
    }

    @Test
    @DisplayName("a thread's state is read after its name, which may hold spaces and brackets")
    void threadStateAfterTheName(@TempDir Path dir) throws Exception {
        Path stat = dir.resolve("stat");
        Files.writeString(stat, "4242 (a (tricky) name) R 1 2 3 4", StandardCharsets.ISO_8859_1);
        assertThat(TestJvmRunner.threadState(stat)).isEqualTo('R');
        Files.writeString(stat, "4242 (C1 CompilerThre) S 1 2 3", StandardCharsets.ISO_8859_1);
        assertThat(TestJvmRunner.threadState(stat)).isEqualTo('S');
        assertThat(TestJvmRunner.threadState(dir.resolve("gone"))).isEqualTo(' ');
    }

    @Test
    @DisplayName("a process that sleeps has no thread ready to run (where /proc says)")
    void aSleepingProcessIsNotReadyToRun() throws Exception {
        assumeThat(TestJvmRunner.readyToRun(ProcessHandle.current().pid()))
                .as("this system has /proc").isPresent();
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            // Until it has started sleeping it may be ready to run; then it stays asleep.
            await().atMost(Duration.ofSeconds(10)).until(
                    () -> TestJvmRunner.readyToRun(sleeper.pid()).equals(Optional.of(false)));
            assertThat(TestJvmRunner.readyToRun(sleeper.pid())).contains(false);
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
    }

    @Test
    @DisplayName("a process with a spinning thread has a thread ready to run (where /proc says)")
    void aSpinningThreadIsReadyToRun() throws Exception {
        long pid = ProcessHandle.current().pid();
        assumeThat(TestJvmRunner.readyToRun(pid)).as("this system has /proc").isPresent();
        AtomicBoolean stop = new AtomicBoolean();
        Thread spinner = new Thread(() -> {
            while (!stop.get()) {
                Thread.onSpinWait();
            }
        }, "spinner");
        spinner.start();
        try {
            assertThat(TestJvmRunner.readyToRun(pid)).contains(true);
        } finally {
            stop.set(true);
            spinner.join();
        }
    }

    @Test
    @DisplayName("a pass counts only for the test that runs now; a failure counts for any test")
    void aPassCountsOnlyForTheRunningTest() {
        Event pass = Event.finished("[test:a]", Verdict.PASSED, 3L);
        Event fail = Event.finished("[test:a]", Verdict.check("2", "1", null, null), 3L);
        Event mixed = new Event(Event.FINISHED, "[test:a]", true, null,
                Verdict.check("2", "1", null, null), 3L, null, null, null, null, null);

        assertThat(TestJvmRunner.passes(pass, "[test:a]")).isTrue();
        assertThat(TestJvmRunner.passes(pass, "[test:b]")).as("another test runs").isFalse();
        assertThat(TestJvmRunner.passes(pass, null)).as("nothing was started").isFalse();
        assertThat(TestJvmRunner.passes(fail, "[test:a]")).isFalse();
        assertThat(TestJvmRunner.passes(mixed, "[test:a]")).as("a pass with a failed verdict")
                .isFalse();
    }

    @Test
    @DisplayName("the grader bounds and cleans every field of a verdict a test JVM sends, and"
            + " takes no rule from it")
    void hostileVerdictsAreBounded() {
        String hostile = "\u001b[2J" + "x".repeat(50_000);
        Verdict sent = new Verdict(Verdict.Kind.CHECK_FAILED, hostile, hostile, hostile,
                List.of("R9.9", hostile), new Verdict.Limit(hostile, hostile), hostile);

        Verdict taken = TestJvmRunner.verdict(Event.finished("[test:a]", sent, 1));

        assertThat(List.of(taken.expected(), taken.happened(), taken.likelyCause(),
                taken.evidence(), taken.limit().value(), taken.limit().what()))
                .allSatisfy(text -> assertThat(text).doesNotContain("\u001b")
                        .hasSizeLessThan(StudentText.FEEDBACK + 100));
        assertThat(taken.rules()).isEmpty();
        assertThat(TestJvmRunner.verdict(new Event(Event.FINISHED, "[test:a]", false, null, null,
                1L, null, null, null, null, null)).happened())
                .isEqualTo("Failed with no reason given.");
    }

    @Test
    @DisplayName("a process that only waits for a spinning child (as bubblewrap waits for the"
            + " test JVM) works: the whole tree is looked at")
    void aWaitingParentOfASpinningChildWorks() throws Exception {
        assumeThat(TestJvmRunner.readyToRun(ProcessHandle.current().pid()))
                .as("this system has /proc").isPresent();
        Process parent = new ProcessBuilder("sh", "-c", "sh -c 'while :; do :; done' & wait")
                .start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> parent.descendants().count() > 0);
            List<ProcessHandle> tree = new ArrayList<>();
            tree.add(parent.toHandle());
            parent.descendants().forEach(tree::add);

            assertThat(TestJvmRunner.readyToRun(parent.pid())).as("the parent alone waits")
                    .contains(false);
            assertThat(TestJvmRunner.readyToRun(tree)).contains(true);
            await().atMost(Duration.ofSeconds(10)).until(() -> TestJvmRunner.cpuOf(tree)
                    .orElseThrow().compareTo(TestJvmRunner.cpuOf(List.of(parent.toHandle()))
                            .orElseThrow().plusMillis(50)) > 0);
        } finally {
            parent.descendants().forEach(ProcessHandle::destroyForcibly);
            parent.destroyForcibly().waitFor();
        }
    }
}

package threadlab.grader.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxTests {

    private static final Path BWRAP = Path.of("/usr/bin/bwrap");
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    private static Sandbox.Offer works(boolean root) {
        return new Sandbox.Offer(Optional.of(BWRAP), Optional.of(SETPRIV), root,
                Optional.empty());
    }

    private static Sandbox.Offer broken(String problem) {
        return new Sandbox.Offer(Optional.of(BWRAP), Optional.empty(), false,
                Optional.of(problem));
    }

    @Test
    @DisplayName("auto and required use bubblewrap where it starts, and say nothing in reports")
    void onWhereItStarts() {
        for (Sandbox.Mode mode : List.of(Sandbox.Mode.AUTO, Sandbox.Mode.REQUIRED)) {
            Sandbox sandbox = Sandbox.decide(mode, works(false));
            assertThat(sandbox.on()).isTrue();
            assertThat(sandbox.withoutSentence()).isEmpty();
            assertThat(sandbox.state()).startsWith("on: bubblewrap /usr/bin/bwrap")
                    .endsWith("as the grading user (--sandbox " + mode.word() + ")");
        }
        assertThat(Sandbox.decide(Sandbox.Mode.AUTO, works(true)).state())
                .endsWith("test JVMs as uid 65534 (--sandbox auto)");
    }

    @Test
    @DisplayName("auto falls back where bubblewrap is missing or cannot start, and says why in"
            + " one sentence")
    void autoFallsBack() {
        Sandbox missing = Sandbox.decide(Sandbox.Mode.AUTO, new Sandbox.Offer(Optional.empty(),
                Optional.empty(), false, Optional.empty()));
        assertThat(missing.on()).isFalse();
        assertThat(missing.state()).isEqualTo("off: bubblewrap (bwrap) is not installed"
                + " (--sandbox auto)");
        assertThat(missing.withoutSentence()).hasValueSatisfying(sentence -> assertThat(sentence)
                .contains("(bubblewrap (bwrap) is not installed)").endsWith(".")
                .doesNotContain("\n").satisfies(s -> assertThat(s.indexOf(". "))
                        .as("one sentence").isNegative()));
        Sandbox refused = Sandbox.decide(Sandbox.Mode.AUTO, broken("bubblewrap could not start"
                + " here (exit code 1: bwrap: No permissions to create new namespace)"));
        assertThat(refused.on()).isFalse();
        assertThat(refused.withoutSentence().orElseThrow()).contains("No permissions");
    }

    @Test
    @DisplayName("as root without setpriv the tests could not change user: no sandbox")
    void rootNeedsSetpriv() {
        Sandbox sandbox = Sandbox.decide(Sandbox.Mode.AUTO, new Sandbox.Offer(Optional.of(BWRAP),
                Optional.empty(), true, Optional.empty()));
        assertThat(sandbox.on()).isFalse();
        assertThat(sandbox.state()).contains("setpriv");
    }

    @Test
    @DisplayName("off never starts bubblewrap and says so; required is off only to be refused")
    void offAndRequired() {
        Sandbox off = Sandbox.decide(Sandbox.Mode.OFF, works(false));
        assertThat(off.on()).isFalse();
        assertThat(off.withoutSentence().orElseThrow()).contains("--sandbox off");
        Sandbox required = Sandbox.decide(Sandbox.Mode.REQUIRED, broken("it broke"));
        assertThat(required.on()).isFalse();
        assertThat(required.mode()).isEqualTo(Sandbox.Mode.REQUIRED);
    }

    @Test
    @DisplayName("required refuses, in one line that names what to install, where bubblewrap"
            + " is not found")
    void requiredRefuses(@TempDir Path dir) {
        String old = System.getProperty(Sandbox.BWRAP_PROPERTY);
        System.setProperty(Sandbox.BWRAP_PROPERTY, dir.resolve("no-bwrap").toString());
        try {
            assertThatThrownBy(() -> Sandbox.choose(Sandbox.Mode.REQUIRED))
                    .isInstanceOf(SandboxUnavailableException.class)
                    .hasMessageContaining("--sandbox required")
                    .hasMessageContaining("apt-get install bubblewrap")
                    .hasMessageNotContaining("\n");
        } finally {
            if (old == null) {
                System.clearProperty(Sandbox.BWRAP_PROPERTY);
            } else {
                System.setProperty(Sandbox.BWRAP_PROPERTY, old);
            }
        }
    }

    @Test
    @DisplayName("the mode is read from its word in any case; another word names the three")
    void modeWords() {
        assertThat(Sandbox.Mode.of("Required")).isEqualTo(Sandbox.Mode.REQUIRED);
        assertThat(Sandbox.Mode.AUTO.word()).isEqualTo("auto");
        assertThatThrownBy(() -> Sandbox.Mode.of("on")).hasMessageContaining("auto, required or"
                + " off");
    }

    @Test
    @DisplayName("the command: own namespaces, no way out, the class path read-only, the working"
            + " folder alone writable, as nobody when root")
    void theCommand(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("grader.jar"));
        Path work = Files.createDirectories(dir.resolve("submission/run"));
        List<String> java = List.of("/usr/bin/java", "-cp", jar.toString(), "Main");
        List<String> command = Sandbox.decide(Sandbox.Mode.AUTO, works(true)).command(java, work,
                List.of(jar, dir.resolve("missing.jar")));

        assertThat(command.get(0)).isEqualTo(BWRAP.toString());
        assertThat(command).contains("--unshare-pid", "--unshare-ipc", "--unshare-uts",
                "--unshare-net", "--die-with-parent", "--new-session");
        assertThat(pairsAfter(command, "--proc")).containsExactly("/proc");
        assertThat(pairsAfter(command, "--ro-bind")).contains(jar.toString())
                .doesNotContain(dir.resolve("missing.jar").toString(), work.toString(),
                        dir.toString());
        assertThat(pairsAfter(command, "--bind")).containsExactly(work.toString());
        assertThat(command).containsSequence("--remount-ro", "/", "--");
        assertThat(command).containsSequence(SETPRIV.toString(), "--reuid", "65534", "--regid",
                "65534", "--clear-groups");
        assertThat(command.subList(command.size() - java.size(), command.size()))
                .isEqualTo(java);
        assertThat(Sandbox.decide(Sandbox.Mode.AUTO, works(false)).command(java, work,
                List.of(jar))).doesNotContain(SETPRIV.toString());
        assertThat(Sandbox.off().command(java, work, List.of(jar))).isEqualTo(java);
    }

    @Test
    @DisplayName("the files JVM options name are found, so that the sandbox lets the JVM read"
            + " them")
    void filesNamedInOptions() {
        assertThat(Sandbox.filesNamedIn(List.of("-Xmx256m", "-javaagent:/g/agent.jar=a.b,c.d",
                "-XX:SharedArchiveFile=/g/classes.jsa", "-Xshare:auto")))
                .containsExactly(Path.of("/g/agent.jar"), Path.of("/g/classes.jsa"));
    }

    /** The first argument after each occurrence of an option. */
    private static List<String> pairsAfter(List<String> command, String option) {
        List<String> values = new java.util.ArrayList<>();
        int end = command.indexOf("--");
        for (int i = 0; i < end; i++) {
            if (command.get(i).equals(option)) {
                values.add(command.get(i + 1));
            }
        }
        return values;
    }

    @Test
    @DisplayName("in the sandbox a process sees only its own namespace's processes, and cannot"
            + " signal one outside it")
    void noProcessOutsideIsInReach(@TempDir Path dir) throws Exception {
        Sandbox sandbox = Sandbox.choose(Sandbox.Mode.AUTO);
        assumeSandbox(sandbox);
        Process outside = new ProcessBuilder("sleep", "600").start();
        try {
            Path work = Files.createDirectories(dir.resolve("work"));
            Files.createDirectories(work.resolve("home"));
            Files.createDirectories(work.resolve("tmp"));
            sandbox.prepare(work);
            long grader = ProcessHandle.current().pid();
            String script = "kill -9 " + outside.pid() + " " + grader + " 2>/dev/null;"
                    + " echo kill=$?; ls /proc | grep -E '^[0-9]+$' | tr '\\n' ' '";
            Process inside = sandbox.builder(List.of("/bin/sh", "-c", script), work, List.of())
                    .redirectErrorStream(true).start();
            assertThat(inside.waitFor(60, TimeUnit.SECONDS)).as("the sandbox ended").isTrue();
            String said = new String(inside.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8);

            assertThat(said).as(said).contains("kill=1");
            assertThat(outside.isAlive()).as("the process outside survived").isTrue();
            List<Long> pids = new java.util.ArrayList<>();
            for (String pid : said.substring(said.indexOf('\n') + 1).strip().split(" ")) {
                pids.add(Long.parseLong(pid));
            }
            assertThat(Collections.max(pids)).as("only the sandbox's own processes: " + said)
                    .isLessThan(100);
        } finally {
            ProcessTree.end(outside.toHandle(), ProcessTree.STOP_LIMIT);
        }
    }

    @Test
    @DisplayName("ending a sandbox ends every process in it, also one in a session of its own,"
            + " and waits until they are gone")
    void endingTheSandboxEndsAllInIt(@TempDir Path dir) throws Exception {
        Sandbox sandbox = Sandbox.choose(Sandbox.Mode.AUTO);
        assumeSandbox(sandbox);
        Path work = Files.createDirectories(dir.resolve("work"));
        sandbox.prepare(work);
        String script = "setsid sleep 31339 > /dev/null 2>&1 & sleep 31340 & echo started; wait";
        Process inside = sandbox.builder(List.of("/bin/sh", "-c", script), work, List.of())
                .redirectErrorStream(true).start();
        assertThat(new String(inside.getInputStream().readNBytes(8), StandardCharsets.UTF_8))
                .isEqualTo("started\n");

        assertThat(ProcessTree.end(inside.toHandle(), ProcessTree.STOP_LIMIT)).isTrue();

        assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                .filter(line -> line.contains("sleep 3133") || line.contains("sleep 3134")))
                .isEmpty();
    }

    private static void assumeSandbox(Sandbox sandbox) {
        if (Boolean.getBoolean("threadlab.requireSandbox")) {
            assertThat(sandbox.on()).as(sandbox.state()).isTrue();
        }
        assumeTrue(sandbox.on(), "bubblewrap cannot start here: " + sandbox.state());
    }
}

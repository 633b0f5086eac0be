package threadlab.grader.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTests {

    private static final Set<String> GRADER = Set.of("threadlab/grader/testjvm/TestJvm",
            "org/junit/platform/launcher/Launcher");

    @Test
    @DisplayName("the JDK's classes and the grader's own are kept from a recorded class list")
    void theJdkAndTheGraderAreKept() {
        List<String> recorded = List.of("# NOTE: Do not modify this file.", "java/lang/Object",
                "jdk/internal/misc/Unsafe", "threadlab/grader/testjvm/TestJvm",
                "org/junit/platform/launcher/Launcher id: 7",
                "@cp java/lang/Shutdown 7 55 61",
                "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder"
                        + " invokeStatic L_L");

        assertThat(ClassDataArchive.trusted(recorded, GRADER)).containsExactlyElementsOf(
                recorded.subList(1, recorded.size()));
    }

    @Test
    @DisplayName("a class list written by a submission cannot bring its classes into the archive"
            + " that other submissions' test JVMs map")
    void aSubmissionsClassesAreDropped() {
        List<String> forged = List.of("threadlab/refcount/SafeRefCount",
                "threadlab/hidden/refcount/Fake id: 9 super: 0 source: /tmp/student/classes",
                "java/lang/Evil id: 10 super: 0 source: /tmp/student/evil.jar",
                "@cp threadlab/threads/Sleeper 1 2 3",
                "@lambda-proxy threadlab/gil/Interpreter run ()Ljava/lang/Runnable;",
                "@lambda-form-invoker [LF_RESOLVE] threadlab.threads.Sleeper x",
                "java/lang/Object" + " ".repeat(3_000), "../../etc/passwd", "");

        assertThat(ClassDataArchive.trusted(forged, GRADER)).isEmpty();
    }

    @Test
    @DisplayName("after a stop of the grader, the archive writes nothing more into the run's"
            + " folder: no recorded list kept, no build started, no archive handed out")
    void aStoppedArchiveWritesNothing(@TempDir Path run) throws Exception {
        Path folder = run.resolve("class-data");
        Path workDir = Files.createDirectory(run.resolve("first-test-jvm"));
        ClassDataArchive archive = new ClassDataArchive(folder, List.of());
        assertThat(archive.nextJvmOptions(workDir)).singleElement().asString()
                .startsWith("-XX:DumpLoadedClassList=");
        Files.writeString(workDir.resolve("classes.lst"), "java/lang/Object\n");
        Files.delete(folder);

        archive.stop(Duration.ofSeconds(1));
        archive.keepRecording(workDir);
        archive.build();

        assertThat(folder).doesNotExist();
        assertThat(archive.nextJvmOptions(workDir)).isEmpty();
    }
}

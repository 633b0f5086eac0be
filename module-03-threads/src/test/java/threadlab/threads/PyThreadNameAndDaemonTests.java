package threadlab.threads;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import threadlab.testing.Verdict;

@Tag("task:4")
@Timeout(10)
@DisplayName("Task 4: names and daemon threads")
class PyThreadNameAndDaemonTests {

    @Test
    @DisplayName("a name given to the constructor is the name of the thread the target runs on")
    void theGivenNameIsTheThreadsName() throws Exception {
        AtomicReference<String> nameInside = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        PyThread thread = new PyThread("sleeper", args -> {
            nameInside.set(Thread.currentThread().getName());
            ran.countDown();
        });

        Verdict.withLikelyCause("keep the name given to the constructor",
                () -> assertThat(thread.getName()).as("getName() of new PyThread(\"sleeper\","
                        + " ...)").isEqualTo("sleeper"));
        thread.start();
        assertThat(ran.await(5, SECONDS))
                .as("the target should run within 5 s of start()")
                .isTrue();
        Verdict.withLikelyCause("the name lives apart from the java.lang.Thread that runs the"
                + " target", () -> assertThat(nameInside.get())
                        .as("Thread.currentThread().getName() inside the target")
                        .isEqualTo("sleeper"));
    }

    @Test
    @DisplayName("without a name, the thread is named like Java's threads: Thread-N")
    void theDefaultNameIsJavas() throws Exception {
        PyThread thread = new PyThread(args -> { });

        Verdict.withLikelyCause("without a name, let java.lang.Thread choose one",
                () -> assertThat(thread.getName()).as("getName() of new PyThread(target)")
                        .startsWith("Thread-"));
    }

    @Test
    @DisplayName("setName() renames the thread")
    void setNameRenamesTheThread() throws Exception {
        AtomicReference<String> nameInside = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        PyThread thread = new PyThread("sleeper", args -> {
            nameInside.set(Thread.currentThread().getName());
            ran.countDown();
        });

        thread.setName("napper");

        assertThat(thread.getName()).as("getName() after setName(\"napper\")").isEqualTo("napper");
        thread.start();
        assertThat(ran.await(5, SECONDS))
                .as("the target should run within 5 s of start()")
                .isTrue();
        Verdict.withLikelyCause("the name lives apart from the java.lang.Thread that runs the"
                + " target", () -> assertThat(nameInside.get())
                        .as("Thread.currentThread().getName() inside the target, after"
                                + " setName(\"napper\")").isEqualTo("napper"));
    }

    @Test
    @DisplayName("setDaemon(true) before start() makes the target run on a daemon thread")
    void setDaemonMakesADaemonThread() throws Exception {
        AtomicReference<Boolean> daemonInside = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        PyThread thread = new PyThread(args -> {
            daemonInside.set(Thread.currentThread().isDaemon());
            ran.countDown();
        });

        thread.setDaemon(true);

        Verdict.withLikelyCause("keep the daemon status on the java.lang.Thread",
                () -> assertThat(thread.isDaemon()).as("isDaemon() after setDaemon(true)")
                        .isTrue());
        thread.start();
        assertThat(ran.await(5, SECONDS))
                .as("the target should run within 5 s of start()")
                .isTrue();
        Verdict.withLikelyCause("set daemon on the thread that runs the target, before it"
                + " starts", () -> assertThat(daemonInside.get())
                        .as("Thread.currentThread().isDaemon() inside the target, after"
                                + " setDaemon(true)").isTrue());
    }

    @Test
    @DisplayName("setDaemon() after start() throws IllegalThreadStateException")
    void setDaemonAfterStartThrows() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        PyThread thread = new PyThread(args -> release.await(5, SECONDS));
        thread.start();

        Throwable thrown = catchThrowable(() -> thread.setDaemon(true));
        release.countDown();

        Verdict.withLikelyCause("remember that the thread was started, as Python does",
                () -> assertThat(thrown)
                        .as("setDaemon(true) on a thread that was started and is still running")
                        .isInstanceOf(IllegalThreadStateException.class)
                        .hasMessage("cannot set daemon status of active thread"));
    }
}

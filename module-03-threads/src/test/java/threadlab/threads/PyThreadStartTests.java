package threadlab.threads;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import threadlab.testing.Verdict;

@Tag("task:2")
@Timeout(10)
@DisplayName("Task 2: starting a thread")
class PyThreadStartTests {

    @Test
    @DisplayName("start() runs the target on a new thread")
    void startRunsTheTargetOnANewThread() throws Exception {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        PyThread thread = new PyThread(args -> {
            ranOn.set(Thread.currentThread());
            ran.countDown();
        });

        thread.start();

        Verdict.withLikelyCause("start() must start the java.lang.Thread that runs the target",
                () -> assertThat(ran.await(5, SECONDS))
                        .as("the target should run within 5 s of start()").isTrue());
        Verdict.withLikelyCause("start() called run() or the target directly; it must start a new"
                + " thread instead", () -> assertThat(ranOn.get())
                        .as("the thread the target ran on should not be the thread that called"
                                + " start()").isNotSameAs(Thread.currentThread()));
    }

    @Test
    @DisplayName("the target receives the args given to the constructor, in the same order")
    void theTargetReceivesItsArgs() throws Exception {
        Object m = new Object();
        AtomicReference<List<Object>> received = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        PyThread thread = new PyThread(args -> {
            received.set(Arrays.asList(args.clone()));
            ran.countDown();
        }, "sleeper", 5, m);

        thread.start();

        assertThat(ran.await(5, SECONDS))
                .as("the target should run within 5 s of start()")
                .isTrue();
        List<Object> got = received.get();
        Verdict.withLikelyCause(got != null && got.size() == 1 && got.get(0) instanceof Object[]
                ? "the args array was passed as one argument: call target.call(args), not"
                + " target.call(new Object[] {args})" : "pass every arg, unchanged and in order,"
                + " as Python does with args=(...)", () -> assertThat(got)
                        .as("the args the target received from new PyThread(target, \"sleeper\","
                                + " 5, m)").containsExactly("sleeper", 5, m));
    }

    @Test
    @DisplayName("a thread made without args gives its target no args")
    void noArgsGivesTheTargetNoArgs() throws Exception {
        AtomicReference<Object[]> received = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        PyThread thread = new PyThread(args -> {
            received.set(args);
            ran.countDown();
        });

        thread.start();

        assertThat(ran.await(5, SECONDS))
                .as("the target should run within 5 s of start()")
                .isTrue();
        Verdict.withLikelyCause("with no args, the target receives an empty array",
                () -> assertThat(received.get())
                        .as("the args the target received, for new PyThread(target)")
                        .isNotNull()
                        .isEmpty());
    }

    @Test
    @DisplayName("a null args array gives the target no args, as a thread made without args")
    void nullArgsGiveTheTargetNoArgs() throws Exception {
        AtomicReference<Object[]> received = new AtomicReference<>();
        CountDownLatch ran = new CountDownLatch(1);
        PyThread thread = new PyThread(args -> {
            received.set(args);
            ran.countDown();
        }, (Object[]) null);

        thread.start();

        assertThat(ran.await(5, SECONDS)).as("the target should run within 5 s of start()")
                .isTrue();
        Verdict.withLikelyCause("with no args, the target receives an empty array",
                () -> assertThat(received.get())
                        .as("the args the target received, for new PyThread(target, (Object[])"
                                + " null)")
                        .isNotNull()
                        .isEmpty());
    }

    @Test
    @DisplayName("start() returns at once, while the target is still running")
    void startDoesNotWaitForTheTarget() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        PyThread thread = new PyThread(args -> {
            // Blocks until the test opens the latch, or for 5 s if start() waits for the target.
            release.await(5, SECONDS);
            finished.countDown();
        });

        thread.start();
        boolean finishedBeforeStartReturned = finished.getCount() == 0;
        release.countDown();

        Verdict.withLikelyCause("start() called run() (or the target) directly, or joined the"
                + " thread; start() only starts the new thread",
                () -> assertThat(finishedBeforeStartReturned)
                        .as("start() should return while the target is still running, "
                                + "not wait for the target to finish")
                        .isFalse());
        assertThat(finished.await(5, SECONDS))
                .as("the target should finish within 5 s once it is released")
                .isTrue();
    }

    @Test
    @DisplayName("run() calls the target on the calling thread, as Python's run() does")
    void runCallsTheTargetOnTheCallingThread() throws Exception {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        PyThread thread = new PyThread(args -> ranOn.set(Thread.currentThread()));

        thread.run();

        Verdict.withLikelyCause("run() is a plain call: Python's run() invokes the target right"
                + " there", () -> assertThat(ranOn.get())
                        .as("run() should call the target right here, on the thread that called"
                                + " run()").isSameAs(Thread.currentThread()));
    }

    @Test
    @DisplayName("a second start() throws IllegalThreadStateException, and the target runs once")
    void aThreadCanOnlyBeStartedOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch ran = new CountDownLatch(1);
        PyThread thread = new PyThread(args -> {
            calls.incrementAndGet();
            ran.countDown();
        });
        thread.start();
        assertThat(ran.await(5, SECONDS))
                .as("the target should run within 5 s of start()")
                .isTrue();

        Throwable second = catchThrowable(thread::start);
        Verdict.withLikelyCause(second == null ? "nothing remembers that the thread was started"
                : second.getMessage() == null ? "java.lang.Thread's own exception has no"
                + " message: check for a second start yourself and throw with the message"
                : "use Python's wording", () -> assertThat(second)
                        .as("the second call to start()")
                        .isInstanceOf(IllegalThreadStateException.class)
                        .hasMessage("threads can only be started once"));
        Verdict.withLikelyCause("the second start() must not run the target again",
                () -> assertThat(calls).as("how many times the target was called").hasValue(1));
    }
}

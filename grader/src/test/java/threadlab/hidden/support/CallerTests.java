package threadlab.hidden.support;

import static org.assertj.core.api.Assertions.assertThat;

import demo.ParksInItsOwnCode;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The hidden tests' {@code Caller}, as the test JVM loads it: from the hidden tests' own folder.
 * A hidden test that reads a thread's state as proof that the submission waits must not be fooled
 * by a thread that waits in the test's own code.
 */
class CallerTests {

    private static final String CALLER = "threadlab.hidden.support.Caller";

    private final CountDownLatch gate = new CountDownLatch(1);

    @AfterEach
    void openTheGate() {
        gate.countDown();
    }

    @Test
    @DisplayName("a thread parked in the test's own latch is blocked, but not in the submission")
    void aWaitInTheTestIsNotTheSubmissions() throws Exception {
        Object caller = start(() -> gate.await());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> is(caller, "blocked"));
        assertThat(is(caller, "blockedInSubmission")).isFalse();
    }

    @Test
    @DisplayName("a thread parked in a wait that the submission's code called is blocked in it")
    void aWaitInTheSubmissionIsSeen() throws Exception {
        Object caller = start(() -> ParksInItsOwnCode.await(gate));
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> is(caller, "blockedInSubmission"));
    }

    @Test
    @DisplayName("a running thread is blocked nowhere")
    void aRunningThreadIsNotBlocked() throws Exception {
        Object caller = start(() -> {
            while (gate.getCount() > 0) {
                Thread.onSpinWait();
            }
        });
        assertThat(is(caller, "blocked")).isFalse();
        assertThat(is(caller, "blockedInSubmission")).isFalse();
    }

    /** A body the test writes, for {@code Caller.Body}, which this class cannot name. */
    @FunctionalInterface
    private interface Body {
        void run() throws Exception;
    }

    private static Object start(Body body) throws Exception {
        URL folder = Path.of("target", "classes", "hidden").toUri().toURL();
        ClassLoader hidden = new URLClassLoader(new URL[] {folder},
                CallerTests.class.getClassLoader());
        Class<?> callerClass = hidden.loadClass(CALLER);
        assertThat(callerClass.getClassLoader()).isSameAs(hidden);
        Class<?> bodyClass = hidden.loadClass(CALLER + "$Body");
        Object proxy = Proxy.newProxyInstance(hidden, new Class<?>[] {bodyClass},
                (self, method, args) -> {
                    if (method.getName().equals("run")) {
                        body.run();
                    }
                    return null;
                });
        Method start = callerClass.getMethod("start", String.class, bodyClass);
        return start.invoke(null, "caller", proxy);
    }

    private static boolean is(Object caller, String query) throws Exception {
        return (Boolean) caller.getClass().getMethod(query).invoke(caller);
    }
}

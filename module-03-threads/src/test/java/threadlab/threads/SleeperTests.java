package threadlab.threads;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import threadlab.testing.SystemOutWatch;
import threadlab.testing.Verdict;

@Tag("task:1")
@Timeout(10)
@DisplayName("Task 1: the sleeper")
class SleeperTests {

    /** Why nothing reached the stream the sleeper was given. */
    private static final String SYSTEM_OUT = "the sleeper printed to System.out instead of the out"
            + " stream given to its constructor";

    /** Why a line is missing, although nothing went to System.out. */
    private static final String MISSING_LINE = "a line is never printed: the announcement and the"
            + " wake-up each need their own println, one before the sleep and one after it";

    /** Why the lines reached that stream, but not as expected. */
    private static final String EXACT_TEXT = "check the exact text: spelling, the apostrophes, the"
            + " number of seconds, and the '!'";

    /** A sleep that returns at once, so that no test waits real seconds. */
    private static final Sleep NO_SLEEP = duration -> { };

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, UTF_8);
    /** Whether the sleeper printed to System.out, a stream it was not given. */
    private boolean toSystemOut;

    @ParameterizedTest(name = "sleeper({0})")
    @ValueSource(ints = {3, 10})
    @DisplayName("announces its nap: Hi, I'll be sleeping for n seconds")
    void announcesItsNap(int n) throws Exception {
        sleeper(NO_SLEEP, out, n);

        Verdict.withLikelyCause(textCause(), () -> assertThat(printedLines())
                .as("the first line printed by sleeper(%d)", n)
                .startsWith("Hi, I'll be sleeping for " + n + " seconds"));
    }

    @Test
    @DisplayName("asks its Sleep for exactly n seconds")
    void sleepsForNSeconds() throws Exception {
        List<Duration> asked = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();

        new Sleeper(asked::add, out).sleeper(3);
        boolean tookTheSeconds = System.nanoTime() - start >= Duration.ofMillis(2900).toNanos();

        String cause = asked.isEmpty() ? (tookTheSeconds ? "it slept with Thread.sleep or"
                + " TimeUnit.sleep itself; use the Sleep given to the constructor, so that time"
                + " can be controlled" : "the sleep step is missing")
                : asked.size() > 1 ? "sleep once, for the whole n seconds"
                : asked.get(0).equals(Duration.ofMillis(3)) ? "Duration.ofMillis(n) was used"
                + " where Duration.ofSeconds(n) was meant"
                : "the duration is built from n the wrong way";
        Verdict.withLikelyCause(cause, () -> assertThat(asked)
                .as("sleeper(3) should call sleep.sleep(Duration.ofSeconds(3)), once")
                .containsExactly(Duration.ofSeconds(3)));
    }

    @Test
    @DisplayName("announces its nap before it sleeps, and wakes up only after the sleep")
    void printsAroundTheSleep() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        PrintStream recordingOut = new PrintStream(new LinesToEvents(events), true, UTF_8);
        Sleep recordingSleep = duration -> events.add("sleep(" + duration + ")");

        sleeper(recordingSleep, recordingOut, 3);

        Verdict.withLikelyCause(orderCause(events), () -> assertThat(events)
                .as("what happened, in order: each line printed and each call to sleep")
                .containsExactly(
                        "print: Hi, I'll be sleeping for 3 seconds",
                        "sleep(PT3S)",
                        "print: I've woken up!"));
    }

    @Test
    @DisplayName("prints exactly two lines, to the PrintStream it was given")
    void printsTwoLinesToItsOut() throws Exception {
        sleeper(NO_SLEEP, out, 3);

        Verdict.withLikelyCause(textCause(), () -> assertThat(printedLines())
                .as("everything sleeper(3) printed to its PrintStream, line by line")
                .containsExactly("Hi, I'll be sleeping for 3 seconds", "I've woken up!"));
    }

    /** Runs the sleeper, noting whether it printed to System.out. */
    private void sleeper(Sleep sleep, PrintStream stream, int n) throws Exception {
        toSystemOut = SystemOutWatch.printedDuring(() -> new Sleeper(sleep, stream).sleeper(n));
    }

    /** Why the printed lines are not the expected ones, in the graded tests' words. */
    private String textCause() {
        return toSystemOut ? SYSTEM_OUT : printedLines().size() < 2 ? MISSING_LINE : EXACT_TEXT;
    }

    /** Why the lines and the sleep came in another order, in the graded tests' words. */
    private String orderCause(List<String> events) {
        int sleep = events.indexOf("sleep(PT3S)");
        long lines = events.stream().filter(e -> e.startsWith("print: ")).count();
        if (toSystemOut) {
            return SYSTEM_OUT;
        } else if (lines < 2) {
            return MISSING_LINE;
        } else if (sleep == 0) {
            return "the announcement is printed after the sleep: print first, then sleep";
        } else if (sleep == events.size() - 1) {
            return "the wake-up line is printed before the sleep is over";
        }
        return EXACT_TEXT;
    }

    private List<String> printedLines() {
        return printed.toString(UTF_8).lines().toList();
    }

    /** An output stream that adds each line printed to it to a list of events. */
    private static final class LinesToEvents extends OutputStream {

        private final List<String> events;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LinesToEvents(List<String> events) {
            this.events = events;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                events.add("print: " + line.toString(UTF_8));
                line.reset();
            } else if (b != '\r') {
                line.write(b);
            }
        }
    }
}

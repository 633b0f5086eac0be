package threadlab.hidden.threads;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import threadlab.grader.api.Points;
import threadlab.hidden.support.ControlledSleep;
import threadlab.hidden.support.Timeline;
import threadlab.hidden.support.Verdict;
import threadlab.threads.Sleeper;

@Tag("task:1")
@DisplayName("Task 1, the sleeper")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Task1SleeperHiddenTests {

    private static final String WAKE_UP = "I've woken up!";

    private static String announcement(int n) {
        return "Hi, I'll be sleeping for " + n + " seconds";
    }

    @Test
    @Tag("rule:R1.1")
    @Tag("rule:R1.3")
    @Tag("rule:R1.4")
    @Order(1)
    @Points(1)
    @DisplayName("prints the announcement with n, then the wake-up, and nothing else")
    void printsTheTwoLines() throws Exception {
        for (int n : new int[] {1, 3}) {
            Timeline timeline = new Timeline();
            try {
                new Sleeper(ControlledSleep.instant(timeline), timeline.out()).sleeper(n);
            } finally {
                timeline.close();
            }
            List<String> expected = List.of(announcement(n), WAKE_UP);
            boolean toSystemOut = timeline.count(e -> e.channel()
                    .equals(Timeline.SYSTEM_OUT)) > 0;
            Verdict.check(timeline.lines().equals(expected),
                    "sleeper(" + n + ") prints exactly these lines to the stream the Sleeper"
                            + " was given: " + expected,
                    "it printed " + timeline.lines() + " there",
                    toSystemOut ? "the sleeper printed to System.out instead of the out"
                            + " stream given to its constructor"
                            : timeline.lines().size() < expected.size() ? "a line is never"
                            + " printed: the announcement and the wake-up each need their own"
                            + " println, one before the sleep and one after it"
                            : "check the exact text: spelling, the apostrophes, the number of"
                            + " seconds, and the '!'",
                    timeline);
        }
    }

    /**
     * A line written by several calls can be split by another thread's output between them
     * (section 4), whatever the order on one run: the stream counts the calls that wrote each
     * line, so no second thread and no luck are needed to see it.
     */
    @Test
    @Tag("rule:R1.7")
    @Order(2)
    @Points(1)
    @DisplayName("prints each line with one call, so that another thread cannot split it")
    void printsEachLineWithOneCall() throws Exception {
        int n = 3;
        Timeline timeline = new Timeline();
        try {
            new Sleeper(ControlledSleep.instant(timeline), timeline.out()).sleeper(n);
        } finally {
            timeline.close();
        }
        List<Timeline.Entry> split = timeline.entries(Timeline.OUT).stream()
                .filter(e -> e.writes() > 1).toList();
        Verdict.check(split.isEmpty(),
                "\"" + announcement(n) + "\" and \"" + WAKE_UP + "\" each written by one call"
                        + " to the stream, such as println(line) or printf(\"...%n\", ...)",
                split.stream().map(e -> "\"" + e.text() + "\" took " + e.writes() + " calls")
                        .collect(Collectors.joining("; ")),
                "the line is built from several print calls (print(text), then print(n), then"
                        + " println(...)); another thread can print between two of them and land"
                        + " inside the line, as section 4 shows: build the whole line first and"
                        + " print it with one println, or one printf ending in %n",
                timeline);
    }

    @Test
    @Tag("rule:R1.2")
    @Order(3)
    @Points(1)
    @DisplayName("asks its Sleep for exactly n seconds, once")
    void sleepsForTheRequestedSeconds() throws Exception {
        try (Timeline timeline = new Timeline()) {
            ControlledSleep sleep = ControlledSleep.instant(timeline);
            long start = System.nanoTime();
            new Sleeper(sleep, timeline.out()).sleeper(2);
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            List<ControlledSleep.Call> calls = sleep.calls();
            Verdict.check(!calls.isEmpty(),
                    "sleeper(2) sleeps with the Sleep it was given: sleep.sleep(2 seconds)",
                    "it never called that Sleep" + (tookMillis >= 1900 ? ", and took "
                            + tookMillis + " ms" : ""),
                    tookMillis >= 1900 ? "it slept with Thread.sleep or TimeUnit.sleep itself;"
                            + " use the Sleep given to the constructor, so that time can be"
                            + " controlled" : "the sleep step is missing",
                    timeline);
            Verdict.check(calls.size() == 1,
                    "exactly one call to the Sleep", calls.size() + " calls: " + calls,
                    "sleep once, for the whole n seconds", timeline);
            Duration asked = calls.get(0).duration();
            Verdict.check(asked.equals(Duration.ofSeconds(2)),
                    "a sleep of 2 seconds (Duration.ofSeconds(2))",
                    "it asked for " + ControlledSleep.describe(asked),
                    asked.equals(Duration.ofMillis(2))
                            ? "Duration.ofMillis(n) was used where Duration.ofSeconds(n) was"
                            + " meant" : "the duration is built from n the wrong way",
                    timeline);
        }
    }

    @Test
    @Tag("rule:R1.5")
    @Order(4)
    @Points(1)
    @DisplayName("announces before it sleeps and wakes up only after the sleep is over")
    void announcesThenSleepsThenWakes() throws Exception {
        try (Timeline timeline = new Timeline()) {
            new Sleeper(ControlledSleep.instant(timeline), timeline.out()).sleeper(1);
            int announced = timeline.indexOf(e -> e.text().equals(announcement(1)));
            int asleep = timeline.indexOf(e -> e.text().startsWith("falls asleep"));
            int awake = timeline.indexOf(e -> e.text().equals("wakes up"));
            int wokeUp = timeline.indexOf(e -> e.text().equals(WAKE_UP));
            Verdict.check(announced >= 0 && asleep >= 0 && awake >= 0 && wokeUp >= 0,
                    "the announcement, a sleep and the wake-up line",
                    "one of them is missing", "see the timeline below", timeline);
            Verdict.check(announced < asleep && awake < wokeUp,
                    "the announcement before falling asleep, and \"" + WAKE_UP
                            + "\" after waking up",
                    "the order was different",
                    announced > asleep ? "the announcement is printed after the sleep: print"
                            + " first, then sleep" : "the wake-up line is printed before the"
                            + " sleep is over",
                    timeline);
        }
    }

    @Test
    @Tag("rule:R1.5")
    @Order(5)
    @Points(1)
    @DisplayName("on the real clock, the wake-up comes no earlier than the requested sleep")
    void wakesNoEarlierThanTheSleep() throws Exception {
        // One second lasts 50 ms here: two seconds are 100 ms of real time.
        try (Timeline timeline = new Timeline()) {
            new Sleeper(ControlledSleep.scaled(timeline, 20), timeline.out()).sleeper(2);
            List<Timeline.Entry> lines = timeline.entries(Timeline.OUT);
            Verdict.check(lines.size() == 2, "two lines", lines.size() + " lines",
                    "print the announcement and the wake-up, once each", timeline);
            long apartMillis = (lines.get(1).nanos() - lines.get(0).nanos()) / 1_000_000;
            Verdict.check(apartMillis >= 100,
                    "at least 100 ms (2 scaled seconds) between the announcement and the"
                            + " wake-up",
                    "they were " + apartMillis + " ms apart",
                    "the sleeper does not wait for its sleep to finish", timeline);
        }
    }

    @Test
    @Tag("rule:R1.6")
    @Order(6)
    @Points(1)
    @DisplayName("an interrupted sleep ends the sleeper with InterruptedException, and no wake-up")
    void anInterruptedSleepEndsTheSleeper() throws Exception {
        InterruptedException interrupt = new InterruptedException("the sleep was interrupted");
        Throwable thrown = null;
        try (Timeline timeline = new Timeline()) {
            try {
                new Sleeper(duration -> {
                    throw interrupt;
                }, timeline.out()).sleeper(1);
            } catch (UnsupportedOperationException e) {
                throw e;
            } catch (Exception e) {
                thrown = e;
            }
            Verdict.check(thrown == interrupt && timeline.lines().equals(List.of(announcement(1))),
                    "sleeper(1), whose sleep is interrupted, to throw that InterruptedException"
                            + " after the announcement, and not to print \"" + WAKE_UP + "\"",
                    (thrown == null ? "it returned normally" : "it threw " + thrown)
                            + ", and printed " + timeline.lines(),
                    thrown == null ? "the sleeper caught the InterruptedException; declare it"
                            + " and let it go on, as the method's throws clause says"
                            : "the sleeper must not print the wake-up when the sleep did not"
                            + " end", timeline);
        }
    }
}

package threadlab.hidden.support;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import threadlab.grader.api.Trace;

/**
 * An event log of one test: every line printed and every sleep, each with the thread that did it
 * and when. Lines are buffered per thread, so two threads printing at once never mix their
 * lines, and a line is never lost or given to the wrong thread.
 *
 * <p>Closing the timeline gives {@code System.out} back and records any unfinished lines. Every
 * event also goes to the grader's {@link Trace}, which draws the timeline in the reports.
 */
public final class Timeline implements AutoCloseable {

    /** The stream the test hands to the submission. */
    public static final String OUT = "out";
    /** {@code System.out}, while the test runs. */
    public static final String SYSTEM_OUT = "System.out";
    /** The sleeps of a {@link ControlledSleep}. */
    public static final String SLEEP = "sleep";

    /**
     * One event.
     *
     * @param seq its place in the log, from 0
     * @param nanos when it happened, in nanoseconds since the timeline began
     * @param thread the name of the thread that caused it
     * @param threadId that thread's id
     * @param channel {@link #OUT}, {@link #SYSTEM_OUT} or {@link #SLEEP}
     * @param text the line printed, or what the sleep did
     */
    public record Entry(int seq, long nanos, String thread, long threadId, String channel,
            String text) {
    }

    /** How many events feedback shows at most. */
    static final int SHOWN = 40;

    private final long origin = System.nanoTime();
    private final List<Entry> entries = new ArrayList<>();
    private final LineRecorder out = new LineRecorder(OUT);
    private final LineRecorder systemOut = new LineRecorder(SYSTEM_OUT);
    private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final PrintStream previousSystemOut = System.out;

    /** A timeline that also records {@code System.out} until it is closed. */
    public Timeline() {
        System.setOut(new PrintStream(systemOut, true, StandardCharsets.UTF_8));
    }

    /**
     * The stream to hand to the submission.
     *
     * @return a stream whose lines land in this timeline
     */
    public PrintStream out() {
        return outStream;
    }

    /**
     * Records an event of the current thread.
     *
     * @param channel what kind of event
     * @param text what happened
     */
    public void record(String channel, String text) {
        Thread me = Thread.currentThread();
        long now = System.nanoTime();
        synchronized (entries) {
            entries.add(new Entry(entries.size(), now - origin, me.getName(),
                    me.getId(), channel, text));
            entries.notifyAll();
        }
        Trace.line(now, me.getName(), channel, text);
    }

    /**
     * Every event so far, in order.
     *
     * @return a copy of the log
     */
    public List<Entry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /**
     * The events of one channel, in order.
     *
     * @param channel the channel
     * @return its events
     */
    public List<Entry> entries(String channel) {
        return entries().stream().filter(e -> e.channel().equals(channel)).toList();
    }

    /**
     * The lines printed to the stream handed to the submission.
     *
     * @return the lines, in order
     */
    public List<String> lines() {
        return entries(OUT).stream().map(Entry::text).toList();
    }

    /**
     * The first event that matches.
     *
     * @param match what to look for
     * @return its place in the log, or -1
     */
    public int indexOf(Predicate<Entry> match) {
        return entries().stream().filter(match).mapToInt(Entry::seq).findFirst().orElse(-1);
    }

    /**
     * Counts the events that match.
     *
     * @param match what to count
     * @return how many
     */
    public long count(Predicate<Entry> match) {
        return entries().stream().filter(match).count();
    }

    /**
     * The log as a student reads it: time, thread and line.
     *
     * @return one event a line, or a note that nothing happened
     */
    public String render() {
        List<Entry> all = entries();
        if (all.isEmpty()) {
            return "    (nothing was printed)";
        }
        List<Entry> shown = all.size() > SHOWN ? all.subList(0, SHOWN) : all;
        int width = shown.stream().mapToInt(e -> e.thread().length()).max().orElse(4);
        String text = shown.stream().map(e -> String.format(Locale.ROOT, "    %8.1f ms  %-"
                + width + "s  %s", e.nanos() / 1e6, e.thread(), describe(e)))
                .collect(Collectors.joining("\n"));
        return all.size() > SHOWN ? text + "\n    ... and " + (all.size() - SHOWN) + " more"
                : text;
    }

    private static String describe(Entry e) {
        switch (e.channel()) {
            case OUT:
                return e.text();
            case SLEEP:
                return "(" + e.text() + ")";
            default:
                return e.text() + "   <- printed to " + e.channel();
        }
    }

    @Override
    public void close() {
        System.out.flush();
        System.setOut(previousSystemOut);
        out.finishPartialLines();
        systemOut.finishPartialLines();
    }

    /** Splits bytes into lines per thread and records each line. */
    private final class LineRecorder extends OutputStream {

        private final String channel;
        private final Map<Thread, ByteArrayOutputStream> pending = new ConcurrentHashMap<>();

        LineRecorder(String channel) {
            this.channel = channel;
        }

        @Override
        public void write(int b) {
            ByteArrayOutputStream line = pending.computeIfAbsent(Thread.currentThread(),
                    t -> new ByteArrayOutputStream());
            if (b == '\n') {
                pending.remove(Thread.currentThread());
                record(channel, stripReturn(line.toString(StandardCharsets.UTF_8)));
            } else {
                line.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        void finishPartialLines() {
            pending.forEach((thread, line) -> {
                long now = System.nanoTime();
                String text = stripReturn(line.toString(StandardCharsets.UTF_8))
                        + "   <- no end of line";
                synchronized (entries) {
                    entries.add(new Entry(entries.size(), now - origin,
                            thread.getName(), thread.getId(), channel, text));
                }
                Trace.line(now, thread.getName(), channel, text);
            });
            pending.clear();
        }

        private String stripReturn(String text) {
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }
    }
}

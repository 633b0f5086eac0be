package threadlab.hidden.support;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import threadlab.grader.api.Trace;
import threadlab.grader.api.VerdictError;
import threadlab.grader.testjvm.StudentExceptions;

/**
 * An event log of one test: every line printed and every sleep, each with the thread that did it
 * and when. Lines are buffered per thread, so two threads printing at once never mix their
 * lines, and a line is never lost or given to the wrong thread.
 *
 * <p>Each line also counts the calls to the stream that wrote it ({@link Entry#writes()}): a
 * {@code println} or a {@code printf} ending in {@code %n} writes a line with one call, while
 * {@code print(text)} and then {@code println()} take two, and another thread's output can land
 * between them on a stream that does not buffer lines per thread.
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
     * @param writes how many calls to the stream (println, print, printf, write, ...) wrote the
     *     line: 1 for a line written whole by one call; 0 for an event that is not a line
     */
    public record Entry(int seq, long nanos, String thread, long threadId, String channel,
            String text, int writes) {
    }

    /** How many events feedback shows at most. */
    static final int SHOWN = 40;

    /**
     * How many lines one thread may print to the stream the test hands to the submission
     * ({@link #OUT}): far more than any test asks for. A thread that prints more is in a loop
     * that does not end, and is stopped at that line, the same line on every run, by
     * {@link #tooMuchOutput}. {@code System.out} has no such limit: what a submission prints there
     * changes no result, however much it is.
     */
    public static final int LINES_PER_THREAD = 1_000;

    /**
     * What a thread's print call throws once it printed {@link #LINES_PER_THREAD} lines to
     * {@link #OUT}: a loop that does not end would otherwise print until the test's time or
     * memory ran out, at a point that depends on the machine. It is a limit's verdict, so every
     * test that meets it says the same, whatever else it checks.
     *
     * @param thread the thread's name
     * @param last the last line it printed
     * @return the error to throw
     */
    static AssertionError tooMuchOutput(String thread, String last) {
        return new VerdictError(new threadlab.grader.protocol.Verdict(
                threadlab.grader.protocol.Verdict.Kind.LIMIT, "at most " + LINES_PER_THREAD
                + " lines from one thread to the stream the test gave it, far more than it asks"
                + " for", "thread \"" + thread + "\" printed " + LINES_PER_THREAD + " lines, the"
                + " last \"" + last + "\", and was stopped at the next one", "a loop"
                + printingMethod() + " that prints does not end: its counter must move towards"
                + " its bound (i++ with i < n), and its condition must compare with that bound",
                List.of(),
                new threadlab.grader.protocol.Verdict.Limit(String.valueOf(LINES_PER_THREAD),
                        "lines one thread prints to the test's stream"), ""));
    }

    /** Where in the submission the calling thread prints, as " in your Class.method()". */
    private static String printingMethod() {
        for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
            String type = frame.getClassName();
            if (StudentExceptions.isStudentCode(type)) {
                return " in your " + type.substring(type.lastIndexOf('.') + 1) + "."
                        + frame.getMethodName() + "()";
            }
        }
        return "";
    }

    private final long origin = System.nanoTime();
    private final List<Entry> entries = new ArrayList<>();
    private final LineRecorder out = new LineRecorder(OUT);
    private final LineRecorder systemOut = new LineRecorder(SYSTEM_OUT);
    /** Numbers the outermost calls to the timeline's streams; 0 is no call. */
    private final AtomicLong calls = new AtomicLong();
    /** Per thread: how deep in calls to a timeline's stream it is, and the outermost call. */
    private final ThreadLocal<long[]> call = ThreadLocal.withInitial(() -> new long[2]);
    private final PrintStream outStream = new CallCounter(out, () -> { });
    private final PrintStream previousSystemOut = System.out;

    /** A timeline that also records {@code System.out} until it is closed. */
    public Timeline() {
        System.setOut(new CallCounter(systemOut, () -> { }));
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
     * Another stream whose lines land in this timeline as {@link #OUT}, with a lock of its own,
     * so that a thread held in {@code beforeCall} never holds up the threads printing to
     * {@link #out()}.
     *
     * @param beforeCall runs on the printing thread before each outermost call to the stream
     * @return the stream
     */
    public PrintStream out(Runnable beforeCall) {
        return new CallCounter(out, beforeCall);
    }

    /**
     * Waits until an event matches, at most {@code limit}.
     *
     * @param match what to wait for
     * @param limit how long at most
     * @return whether such an event came; {@code false} also when the waiting thread was
     *     interrupted, whose interrupt status is kept
     */
    public boolean await(Predicate<Entry> match, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (entries) {
            while (entries.stream().noneMatch(match)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    entries.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Records an event of the current thread.
     *
     * @param channel what kind of event
     * @param text what happened
     */
    public void record(String channel, String text) {
        record(channel, text, 0);
    }

    private void record(String channel, String text, int writes) {
        Thread me = Thread.currentThread();
        long now = System.nanoTime();
        synchronized (entries) {
            entries.add(new Entry(entries.size(), now - origin, me.getName(),
                    me.getId(), channel, text, writes));
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
        private final Map<Thread, Pending> pending = new ConcurrentHashMap<>();
        private final Map<Thread, int[]> lines = new ConcurrentHashMap<>();
        private final Map<Thread, String> last = new ConcurrentHashMap<>();
        private final boolean limited;

        LineRecorder(String channel) {
            this.channel = channel;
            this.limited = channel.equals(OUT);
        }

        @Override
        public void write(int b) {
            Thread me = Thread.currentThread();
            int[] printed = lines.computeIfAbsent(me, t -> new int[1]);
            if (limited && printed[0] >= LINES_PER_THREAD) {
                throw tooMuchOutput(me.getName(), last.getOrDefault(me, ""));
            }
            Pending line = pending.computeIfAbsent(me, t -> new Pending());
            long outermost = call.get()[1];
            if (outermost != 0) {
                line.calls.add(outermost);
            }
            if (b == '\n') {
                pending.remove(me);
                String text = stripReturn(line.bytes.toString(StandardCharsets.UTF_8));
                last.put(me, text);
                record(channel, text, line.calls.size());
                if (++printed[0] == LINES_PER_THREAD && limited) {
                    record(channel, "(stopped: " + LINES_PER_THREAD + " lines from this"
                            + " thread; a loop that does not end?)", 0);
                }
            } else {
                line.bytes.write(b);
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
                String text = stripReturn(line.bytes.toString(StandardCharsets.UTF_8))
                        + "   <- no end of line";
                synchronized (entries) {
                    entries.add(new Entry(entries.size(), now - origin,
                            thread.getName(), thread.getId(), channel, text, line.calls.size()));
                }
                Trace.line(now, thread.getName(), channel, text);
            });
            pending.clear();
        }

        private String stripReturn(String text) {
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }
    }

    /** A thread's unfinished line, and the outermost calls that wrote it. */
    private static final class Pending {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final Set<Long> calls = new HashSet<>();
    }

    /**
     * A print stream that numbers its outermost calls, per thread: PrintStream's own methods call
     * each other ({@code println(x)} calls {@code print(x)}, {@code printf} calls
     * {@code format} and {@code append}), and only the call the program made counts.
     */
    private final class CallCounter extends PrintStream {

        private final Runnable beforeCall;

        CallCounter(OutputStream sink, Runnable beforeCall) {
            super(sink, true, StandardCharsets.UTF_8);
            this.beforeCall = beforeCall;
        }

        private void counted(Runnable body) {
            long[] mine = call.get();
            if (mine[0] == 0) {
                beforeCall.run();
                mine[1] = calls.incrementAndGet();
            }
            mine[0]++;
            try {
                body.run();
            } finally {
                if (--mine[0] == 0) {
                    mine[1] = 0;
                }
            }
        }

        @Override
        public void write(int b) {
            counted(() -> super.write(b));
        }

        @Override
        public void write(byte[] buf, int off, int len) {
            counted(() -> super.write(buf, off, len));
        }

        @Override
        public void write(byte[] buf) {
            counted(() -> super.write(buf, 0, buf.length));
        }

        @Override
        public void writeBytes(byte[] buf) {
            counted(() -> super.write(buf, 0, buf.length));
        }

        @Override
        public void print(boolean b) {
            counted(() -> super.print(b));
        }

        @Override
        public void print(char c) {
            counted(() -> super.print(c));
        }

        @Override
        public void print(int i) {
            counted(() -> super.print(i));
        }

        @Override
        public void print(long l) {
            counted(() -> super.print(l));
        }

        @Override
        public void print(float f) {
            counted(() -> super.print(f));
        }

        @Override
        public void print(double d) {
            counted(() -> super.print(d));
        }

        @Override
        public void print(char[] s) {
            counted(() -> super.print(s));
        }

        @Override
        public void print(String s) {
            counted(() -> super.print(s));
        }

        @Override
        public void print(Object obj) {
            counted(() -> super.print(obj));
        }

        @Override
        public void println() {
            counted(super::println);
        }

        @Override
        public void println(boolean x) {
            counted(() -> super.println(x));
        }

        @Override
        public void println(char x) {
            counted(() -> super.println(x));
        }

        @Override
        public void println(int x) {
            counted(() -> super.println(x));
        }

        @Override
        public void println(long x) {
            counted(() -> super.println(x));
        }

        @Override
        public void println(float x) {
            counted(() -> super.println(x));
        }

        @Override
        public void println(double x) {
            counted(() -> super.println(x));
        }

        @Override
        public void println(char[] x) {
            counted(() -> super.println(x));
        }

        @Override
        public void println(String x) {
            counted(() -> super.println(x));
        }

        @Override
        public void println(Object x) {
            counted(() -> super.println(x));
        }

        @Override
        public PrintStream printf(String format, Object... args) {
            counted(() -> super.printf(format, args));
            return this;
        }

        @Override
        public PrintStream printf(Locale l, String format, Object... args) {
            counted(() -> super.printf(l, format, args));
            return this;
        }

        @Override
        public PrintStream format(String format, Object... args) {
            counted(() -> super.format(format, args));
            return this;
        }

        @Override
        public PrintStream format(Locale l, String format, Object... args) {
            counted(() -> super.format(l, format, args));
            return this;
        }

        @Override
        public PrintStream append(CharSequence csq) {
            counted(() -> super.append(csq));
            return this;
        }

        @Override
        public PrintStream append(CharSequence csq, int start, int end) {
            counted(() -> super.append(csq, start, end));
            return this;
        }

        @Override
        public PrintStream append(char c) {
            counted(() -> super.append(c));
            return this;
        }
    }
}

package threadlab.benchmarks.gil;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A short run's timeline: what each thread noted, and when, as a CSV file holds it. The course's
 * GIL and CPython's experiment write the same format: comment lines {@code # key: value}, the
 * column names {@value #COLUMNS}, then a line per event, in the order of time.
 *
 * @param header the run's facts: interpreter, machine, load average, switch interval...
 * @param events the events, in the order of time
 */
record Timeline(Map<String, String> header, List<Event> events) {

    /** What a thread noted: from now on it holds the GIL, waits for it, sleeps, or has ended. */
    enum Kind {
        /** It holds the GIL. */
        HOLD,
        /** It wants the GIL and waits for it. */
        WAIT,
        /** It makes a blocking call without the GIL. */
        SLEEP,
        /** The holder saw a drop request: a mark, not a change of state. */
        REQUEST,
        /** Its run is over. */
        END;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One event.
     *
     * @param nanos nanoseconds since the run started
     * @param thread the thread that noted it
     * @param kind what it noted
     */
    record Event(long nanos, String thread, Kind kind) {
    }

    /**
     * A stretch of time a thread spent in one state.
     *
     * @param thread the thread
     * @param state {@link Kind#HOLD}, {@link Kind#WAIT} or {@link Kind#SLEEP}
     * @param from its start, in nanoseconds since the run started
     * @param to its end
     */
    record Segment(String thread, Kind state, long from, long to) {
    }

    /** The header's key for a note on drop requests, where the log has none of them. */
    static final String REQUESTS = "drop requests";

    /** The line that names the columns, after the comments. */
    static final String COLUMNS = "nanoseconds,thread,event";

    /** The first line of every timeline file. */
    static final String FIRST_LINE = "# threadlab GIL timeline: nanoseconds since the start,"
            + " thread, event";

    /**
     * Reads a timeline file's text.
     *
     * @param text the file's text
     * @return the timeline
     * @throws TimelineException naming the line that cannot be read
     */
    static Timeline parse(String text) throws TimelineException {
        Map<String, String> header = new LinkedHashMap<>();
        List<Event> events = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("#")) {
                int colon = line.indexOf(": ");
                if (i > 0 && colon > 0) {
                    header.put(line.substring(1, colon).strip(), line.substring(colon + 2));
                }
            } else if (!line.isEmpty() && !line.equals(COLUMNS)) {
                events.add(event(line, i + 1));
            }
        }
        Timeline timeline = new Timeline(header, events);
        timeline.requireOneHolder();
        return timeline;
    }

    private static Event event(String line, int number) throws TimelineException {
        String[] fields = line.split(",", -1);
        String expected = "a line of the form nanoseconds,thread,event, with an event"
                + " among hold, wait, sleep, request and end";
        if (fields.length != 3) {
            throw new TimelineException("Line " + number + " has " + fields.length
                    + " fields, not 3: \"" + line + "\". Expected " + expected + ".");
        }
        try {
            return new Event(Long.parseLong(fields[0]), fields[1],
                    Kind.valueOf(fields[2].toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new TimelineException("Line " + number + " cannot be read: \"" + line
                    + "\". Expected " + expected + ".");
        }
    }

    /**
     * The timeline as a file's text, which {@link #parse(String)} reads back.
     *
     * @return the text
     */
    String format() {
        StringBuilder out = new StringBuilder(FIRST_LINE).append('\n');
        header.forEach((key, value) -> out.append("# ").append(key).append(": ").append(value)
                .append('\n'));
        out.append(COLUMNS).append('\n');
        for (Event e : events) {
            out.append(e.nanos()).append(',').append(e.thread()).append(',')
                    .append(e.kind().word()).append('\n');
        }
        return out.toString();
    }

    /**
     * A fact from the header.
     *
     * @param key its key, such as {@code switch interval ms}
     * @return its value, or {@code "unknown"}
     */
    String fact(String key) {
        return header.getOrDefault(key, "unknown");
    }

    /**
     * The threads, in the order of their names.
     *
     * @return their names
     */
    List<String> threads() {
        TreeSet<String> names = new TreeSet<>();
        events.forEach(e -> names.add(e.thread()));
        return List.copyOf(names);
    }

    /**
     * How long the run lasted: the time of the last event.
     *
     * @return nanoseconds
     */
    long length() {
        return events.stream().mapToLong(Event::nanos).max().orElse(0);
    }

    /**
     * A thread's states, each from the event that began it to the next one.
     *
     * @param thread the thread
     * @return its segments, in the order of time
     */
    List<Segment> segments(String thread) {
        List<Segment> segments = new ArrayList<>();
        Event open = null;
        for (Event e : events) {
            if (!e.thread().equals(thread) || e.kind() == Kind.REQUEST) {
                continue;
            }
            if (open != null && e.nanos() > open.nanos()) {
                segments.add(new Segment(thread, open.kind(), open.nanos(), e.nanos()));
            }
            open = e.kind() == Kind.END ? null : e;
        }
        return segments;
    }

    /**
     * The marks of a kind, such as the drop requests a thread saw.
     *
     * @param thread the thread
     * @param kind the kind
     * @return their times, in nanoseconds since the start
     */
    List<Long> marks(String thread, Kind kind) {
        return events.stream().filter(e -> e.thread().equals(thread) && e.kind() == kind)
                .map(Event::nanos).toList();
    }

    /**
     * Checks what any log of a GIL must show: one thread at most holds it at any moment.
     *
     * @throws TimelineException naming the two threads and the moment they overlap
     */
    void requireOneHolder() throws TimelineException {
        List<Segment> holds = new ArrayList<>();
        for (String thread : threads()) {
            segments(thread).stream().filter(s -> s.state() == Kind.HOLD).forEach(holds::add);
        }
        holds.sort((a, b) -> Long.compare(a.from(), b.from()));
        for (int i = 1; i < holds.size(); i++) {
            Segment before = holds.get(i - 1);
            Segment after = holds.get(i);
            if (after.from() < before.to()) {
                throw new TimelineException(String.format(Locale.ROOT, "The log says that %s"
                        + " and %s both held the GIL at %d ns (%s from %d to %d ns, %s from %d):"
                        + " a GIL has one holder, so the log is wrong. Measure again.",
                        before.thread(), after.thread(), after.from(), before.thread(),
                        before.from(), before.to(), after.thread(), after.from()));
            }
        }
    }
}

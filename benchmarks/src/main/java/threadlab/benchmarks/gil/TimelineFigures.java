package threadlab.benchmarks.gil;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures under the timelines: how often the GIL changed hands, how long a CPU-bound thread
 * held it each time, and how long the sleeper waited for it after each sleep (the drop requests
 * are in the pictures). They are a Markdown table, a column per timeline, which module 2's lesson
 * shows as printed; a test checks that it still does.
 */
final class TimelineFigures {

    private TimelineFigures() {
    }

    /**
     * The table, with a column per timeline.
     *
     * @param timelines the timelines, in the order of the pictures
     * @return the Markdown table, a line per figure, each ending with a newline
     */
    static String table(List<Timeline> timelines) {
        List<List<String>> columns = timelines.stream().map(TimelineFigures::column).toList();
        List<String> labels = List.of("Figure", "hand-overs", "CPU-bound turn: median (count)",
                "sleeper's wait: median (range, count)", "load average");
        StringBuilder out = new StringBuilder();
        for (int row = 0; row < labels.size(); row++) {
            out.append("| ").append(labels.get(row));
            for (List<String> column : columns) {
                out.append(" | ").append(column.get(row));
            }
            out.append(" |\n");
            if (row == 0) {
                out.append("|---".repeat(columns.size() + 1)).append("|\n");
            }
        }
        return out.toString();
    }

    private static List<String> column(Timeline timeline) {
        int handOvers = handOvers(timeline);
        List<Long> turns = cpuTurns(timeline);
        List<Long> waits = new ArrayList<>();
        for (String thread : timeline.threads()) {
            waits.addAll(lengths(timeline, thread, Timeline.Kind.WAIT, Timeline.Kind.SLEEP));
        }
        return List.of(timeline.fact("interpreter"),
                String.format(Locale.ROOT, "%d in %s ms: %.0f/s", handOvers,
                        ms(timeline.length()), handOvers * 1e9 / Math.max(1, timeline.length())),
                String.format(Locale.ROOT, "%s ms (%d)", ms(median(turns)), turns.size()),
                waits.isEmpty() ? "no sleep" : String.format(Locale.ROOT,
                        "%s ms (%s-%s, %d)", ms(median(waits)), ms(min(waits)),
                        ms(max(waits)), waits.size()),
                timeline.fact("load average"));
    }

    /** The times the GIL went to another thread than the one that held it last. */
    static int handOvers(Timeline timeline) {
        int count = 0;
        String holder = null;
        for (Timeline.Event e : timeline.events()) {
            if (e.kind() == Timeline.Kind.HOLD) {
                if (holder != null && !holder.equals(e.thread())) {
                    count++;
                }
                holder = e.thread();
            }
        }
        return count;
    }

    /** The turns of the threads that never sleep, each ended by a wait: not cut by the end. */
    static List<Long> cpuTurns(Timeline timeline) {
        List<Long> turns = new ArrayList<>();
        for (String thread : timeline.threads()) {
            if (timeline.segments(thread).stream().noneMatch(
                    s -> s.state() == Timeline.Kind.SLEEP)) {
                turns.addAll(lengths(timeline, thread, Timeline.Kind.HOLD, null));
            }
        }
        return turns;
    }

    /**
     * The lengths of a thread's segments in a state that another segment follows, and, if
     * {@code after} is given, that come after a segment in that state.
     */
    private static List<Long> lengths(Timeline timeline, String thread, Timeline.Kind state,
            Timeline.Kind after) {
        List<Long> lengths = new ArrayList<>();
        List<Timeline.Segment> segments = timeline.segments(thread);
        for (int i = 0; i + 1 < segments.size(); i++) {
            Timeline.Segment s = segments.get(i);
            if (s.state() == state && (after == null
                    || i > 0 && segments.get(i - 1).state() == after)) {
                lengths.add(s.to() - s.from());
            }
        }
        return lengths;
    }

    private static long min(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static long median(List<Long> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }
}

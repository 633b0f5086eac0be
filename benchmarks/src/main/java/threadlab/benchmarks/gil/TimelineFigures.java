package threadlab.benchmarks.gil;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures under a timeline: each thread's turns with the GIL, and the sleeper's waits. */
final class TimelineFigures {

    private TimelineFigures() {
    }

    /**
     * The figures, a line per thread.
     *
     * @param timeline the timeline
     * @return the lines, each ending with a newline
     */
    static String of(Timeline timeline) {
        StringBuilder out = new StringBuilder();
        for (String thread : timeline.threads()) {
            List<Long> turns = lengths(timeline, thread, Timeline.Kind.HOLD, false);
            out.append(String.format(Locale.ROOT, "  %-8s held the GIL %s ms in %d turn(s),"
                    + " median turn %s ms", thread, ms(sum(turns)), turns.size(),
                    ms(median(turns))));
            List<Long> waits = lengths(timeline, thread, Timeline.Kind.WAIT, true);
            if (!waits.isEmpty()) {
                out.append(String.format(Locale.ROOT, "; after a sleep it waited %s to %s ms"
                        + " for the GIL, median %s ms", ms(min(waits)), ms(max(waits)),
                        ms(median(waits))));
            }
            out.append('\n');
        }
        int requests = 0;
        for (String thread : timeline.threads()) {
            requests += timeline.marks(thread, Timeline.Kind.REQUEST).size();
        }
        out.append(timeline.header().containsKey(Timeline.REQUESTS) ? "  drop requests: "
                + timeline.fact(Timeline.REQUESTS) + "\n"
                : "  drop requests seen by a holder: " + requests + "\n");
        return out.toString();
    }

    /** The lengths of a thread's segments in a state; only those after a sleep, if asked. */
    private static List<Long> lengths(Timeline timeline, String thread, Timeline.Kind state,
            boolean afterSleep) {
        List<Long> lengths = new ArrayList<>();
        Timeline.Kind before = null;
        for (Timeline.Segment s : timeline.segments(thread)) {
            if (s.state() == state && (!afterSleep || before == Timeline.Kind.SLEEP)) {
                lengths.add(s.to() - s.from());
            }
            before = s.state();
        }
        return lengths;
    }

    private static long sum(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sum();
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

package threadlab.benchmarks.gil;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Draws a timeline as SVG: a lane per thread, a time axis in milliseconds, a legend. The drawing
 * is a function of the log file's bytes alone, so a test can draw a committed log again and
 * compare; the root element names the log and its SHA-256 in {@code data-} attributes.
 */
final class TimelineSvg {

    /** The SVG namespace, which the root element declares. */
    static final String NAMESPACE = "http://www.w3.org/2000/svg";

    private static final String HOLD = "#d9822b";
    private static final String WAIT = "#cccccc";
    private static final String SLEEP = "#2b83d9";
    private static final String REQUEST = "#b00020";

    /** Narrow enough that two pictures fit side by side in a lesson, each at full size. */
    private static final int WIDTH = 440;
    private static final int LEFT = 58;
    private static final int RIGHT = 14;
    private static final int LANE = 30;
    private static final int BAR = 16;
    private static final int TOP = 58;

    private TimelineSvg() {
    }

    /**
     * Draws a timeline.
     *
     * @param log the log file's bytes
     * @param name the log file's name, written into the picture
     * @return the SVG document
     * @throws TimelineException if the log cannot be read
     */
    static String draw(byte[] log, String name) throws TimelineException {
        Timeline timeline = Timeline.parse(new String(log, StandardCharsets.UTF_8));
        double scale = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, timeline.length());
        StringBuilder body = new StringBuilder();
        body.append("  <desc>").append(escape(description(timeline))).append("</desc>\n");
        body.append(text(10, 20, 13, "bold", timeline.fact("interpreter")));
        body.append(text(10, 37, 11, "normal", "Who holds the GIL; switch interval "
                + timeline.fact("switch interval ms") + " ms"));
        int y = TOP;
        for (String thread : timeline.threads()) {
            body.append(lane(timeline, thread, y, scale));
            y += LANE;
        }
        y = axis(body, timeline.length(), y + 4, scale);
        y = legend(body, y + 20, timeline);
        body.append(text(10, y + 22, 10, "normal", "Load average " + timeline.fact(
                "load average") + ", " + timeline.fact("date") + "."));
        body.append(text(10, y + 36, 10, "normal", "Drawn from " + name + " (SHA-256 "
                + sha256(log).substring(0, 12) + "...) by the benchmark."));
        int height = y + 46;
        return String.format(Locale.ROOT, "<svg xmlns=\"%s\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" data-log=\"%s\""
                + " data-sha256=\"%s\">%n  <rect width=\"100%%\" height=\"100%%\""
                + " fill=\"white\"/>%n%s</svg>%n", NAMESPACE, WIDTH, height, WIDTH, height,
                escape(name), sha256(log), body);
    }

    /** The run's facts in a sentence, for readers of the SVG's text and screen readers. */
    private static String description(Timeline timeline) {
        return "Who holds the GIL in a run of " + timeline.fact("run ms") + " ms on "
                + timeline.fact("interpreter") + ". " + timeline.fact("threads") + ". Machine: "
                + timeline.fact("machine") + ". Clock: " + timeline.fact("clock") + ".";
    }

    private static String lane(Timeline timeline, String thread, int y, double scale) {
        StringBuilder out = new StringBuilder();
        out.append(text(10, y + BAR - 3, 11, "normal", thread));
        for (Timeline.Segment s : timeline.segments(thread)) {
            double x = LEFT + s.from() * scale;
            double width = Math.max(0.8, (s.to() - s.from()) * scale);
            boolean thin = s.state() == Timeline.Kind.WAIT;
            out.append(String.format(Locale.ROOT, "  <rect x=\"%.1f\" y=\"%d\" width=\"%.1f\""
                    + " height=\"%d\" fill=\"%s\" data-state=\"%s\" data-from-ns=\"%d\""
                    + " data-to-ns=\"%d\"/>%n", x, thin ? y + BAR / 2 - 2 : y, width,
                    thin ? 4 : BAR, colour(s.state()), s.state().word(), s.from(), s.to()));
        }
        for (long at : timeline.marks(thread, Timeline.Kind.REQUEST)) {
            double x = LEFT + at * scale;
            out.append(String.format(Locale.ROOT, "  <path d=\"M %.1f %d l -4 -7 h 8 z\""
                    + " fill=\"%s\" data-state=\"request\" data-at-ns=\"%d\"/>%n", x, y - 1,
                    REQUEST, at));
        }
        return out.toString();
    }

    private static String colour(Timeline.Kind state) {
        switch (state) {
            case HOLD:
                return HOLD;
            case SLEEP:
                return SLEEP;
            default:
                return WAIT;
        }
    }

    /** The time axis, with a tick and a label every few milliseconds; returns its bottom. */
    private static int axis(StringBuilder body, long length, int y, double scale) {
        body.append(String.format(Locale.ROOT, "  <line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\""
                + " stroke=\"black\"/>%n", LEFT, y, WIDTH - RIGHT, y));
        long step = tickMillis(length);
        for (long ms = 0; ms * 1_000_000 <= length; ms += step) {
            double x = LEFT + ms * 1_000_000 * scale;
            body.append(String.format(Locale.ROOT, "  <line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\""
                    + " y2=\"%d\" stroke=\"black\"/>%n", x, y, x, y + 4));
            body.append(String.format(Locale.ROOT, "  <text x=\"%.1f\" y=\"%d\" font-size=\"11\""
                    + " text-anchor=\"middle\">%d</text>%n", x, y + 16, ms));
        }
        body.append(String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\" font-size=\"11\""
                + " text-anchor=\"end\">time since the start, ms</text>%n", WIDTH - RIGHT,
                y + 30));
        return y + 30;
    }

    /** A tick every 1, 2 or 5 times a power of ten milliseconds, at most 15 ticks. */
    static long tickMillis(long lengthNanos) {
        long ms = Math.max(1, lengthNanos / 1_000_000);
        for (long power = 1; ; power *= 10) {
            for (long unit : new long[] {1, 2, 5}) {
                if (ms / (unit * power) < 15) {
                    return unit * power;
                }
            }
        }
    }

    /** The legend, in two rows; returns the second row's baseline. */
    private static int legend(StringBuilder body, int y, Timeline timeline) {
        String[][] items = {{HOLD, "holds the GIL"}, {WAIT, "waits for the GIL"},
            {SLEEP, "sleeps, without the GIL"}};
        for (int i = 0; i < items.length; i++) {
            int x = 10 + (i % 2) * 180;
            int row = y + (i / 2) * 16;
            body.append(String.format(Locale.ROOT, "  <rect x=\"%d\" y=\"%d\" width=\"14\""
                    + " height=\"10\" fill=\"%s\"/>%n", x, row - 9, items[i][0]));
            body.append(text(x + 19, row, 11, "normal", items[i][1]));
        }
        int x = 10 + 180;
        int row = y + 16;
        body.append(String.format(Locale.ROOT, "  <path d=\"M %d %d l -4 -7 h 8 z\""
                + " fill=\"%s\"/>%n", x + 7, row, REQUEST));
        body.append(text(x + 19, row, 11, "normal", timeline.header().containsKey(Timeline
                .REQUESTS) ? "drop requests: " + timeline.fact(Timeline.REQUESTS)
                : "the holder sees a drop request"));
        return row;
    }

    private static String text(int x, int y, int size, String weight, String content) {
        return String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\" font-size=\"%d\""
                + " font-weight=\"%s\">%s</text>%n", x, y, size, weight, escape(content));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    /**
     * The SHA-256 of a log, as the picture names it.
     *
     * @param bytes the log file's bytes
     * @return 64 hex digits
     */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

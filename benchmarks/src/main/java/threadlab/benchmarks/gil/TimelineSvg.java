package threadlab.benchmarks.gil;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
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

    private static final int WIDTH = 760;
    private static final int LEFT = 80;
    private static final int RIGHT = 24;
    private static final int LANE = 30;
    private static final int BAR = 16;
    private static final int TOP = 62;

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
        List<String> threads = timeline.threads();
        double scale = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, timeline.length());
        StringBuilder body = new StringBuilder();
        body.append(text(12, 22, 15, "bold", timeline.fact("interpreter")
                + ": who holds the GIL"));
        body.append(text(12, 40, 12, "normal", "Switch interval "
                + timeline.fact("switch interval ms") + " ms. " + timeline.fact("threads")
                + "."));
        int y = TOP;
        for (String thread : threads) {
            body.append(lane(timeline, thread, y, scale));
            y += LANE;
        }
        y = axis(body, timeline.length(), y + 4, scale);
        y = legend(body, y + 22, timeline);
        body.append(text(12, y + 22, 11, "normal", "Measured on " + timeline.fact("machine")
                + "."));
        body.append(text(12, y + 38, 11, "normal", "Load average " + timeline.fact(
                "load average") + ", " + timeline.fact("date") + ". Drawn from " + name
                + " (SHA-256 " + sha256(log).substring(0, 12) + "...) by the course's"
                + " benchmark."));
        int height = y + 50;
        return String.format(Locale.ROOT, "<svg xmlns=\"%s\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" data-log=\"%s\""
                + " data-sha256=\"%s\">%n  <rect width=\"100%%\" height=\"100%%\""
                + " fill=\"white\"/>%n%s</svg>%n", NAMESPACE, WIDTH, height, WIDTH, height,
                escape(name), sha256(log), body);
    }

    private static String lane(Timeline timeline, String thread, int y, double scale) {
        StringBuilder out = new StringBuilder();
        out.append(text(12, y + BAR - 3, 12, "normal", thread));
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

    private static int legend(StringBuilder body, int y, Timeline timeline) {
        String[][] items = {{HOLD, "holds the GIL"}, {WAIT, "waits for the GIL"},
            {SLEEP, "sleeps, without the GIL"}};
        int x = LEFT;
        for (String[] item : items) {
            body.append(String.format(Locale.ROOT, "  <rect x=\"%d\" y=\"%d\" width=\"14\""
                    + " height=\"10\" fill=\"%s\"/>%n", x, y - 9, item[0]));
            body.append(text(x + 19, y, 11, "normal", item[1]));
            x += 150;
        }
        body.append(String.format(Locale.ROOT, "  <path d=\"M %d %d l -4 -7 h 8 z\""
                + " fill=\"%s\"/>%n", x + 7, y, REQUEST));
        body.append(text(x + 16, y, 11, "normal", timeline.header().containsKey(Timeline
                .REQUESTS) ? "drop requests: " + timeline.fact(Timeline.REQUESTS)
                : "the holder sees a drop request"));
        return y;
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

package threadlab.benchmarks.gil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The benchmark's chart, as SVG: one panel of horizontal bars per question. */
final class Chart {

    /**
     * One bar.
     *
     * @param label what it measures
     * @param value its length
     * @param text the figure written after it
     * @param colour its colour
     */
    record Bar(String label, double value, String text, String colour) {
    }

    /**
     * A panel: a title and bars on one scale.
     *
     * @param title what the panel shows
     * @param bars its bars
     */
    record Panel(String title, List<Bar> bars) {
    }

    static final String GIL = "#d9822b";
    static final String NO_GIL = "#2b83d9";
    static final String PLAIN = "#888888";

    private static final int WIDTH = 760;
    private static final int LABEL = 300;
    private static final int BAR = 22;
    private static final int GAP = 8;

    private Chart() {
    }

    /**
     * Writes panels to an SVG file.
     *
     * @param file where to write
     * @param heading the chart's heading
     * @param footnote the machine the figures come from
     * @param panels the panels, top to bottom
     * @throws IOException if the file cannot be written
     */
    static void write(Path file, String heading, String footnote, List<Panel> panels)
            throws IOException {
        StringBuilder body = new StringBuilder();
        int y = 34;
        body.append(text(12, 22, 16, "bold", heading));
        for (Panel panel : panels) {
            y += 18;
            body.append(text(12, y, 14, "bold", panel.title()));
            y += 10;
            double max = panel.bars().stream().mapToDouble(Bar::value).max().orElse(1);
            double scale = (WIDTH - LABEL - 110) / (max <= 0 ? 1 : max);
            for (Bar bar : panel.bars()) {
                int length = (int) Math.round(Math.max(1, bar.value() * scale));
                body.append(text(12, y + BAR - 6, 12, "normal", bar.label()));
                body.append(String.format(Locale.ROOT, "  <rect x=\"%d\" y=\"%d\" width=\"%d\""
                        + " height=\"%d\" fill=\"%s\"/>%n", LABEL, y, length, BAR, bar.colour()));
                body.append(text(LABEL + length + 6, y + BAR - 6, 12, "normal", bar.text()));
                y += BAR + GAP;
            }
            y += 6;
        }
        y += 10;
        body.append(text(12, y, 11, "normal", footnote));
        y += 12;
        String svg = String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\""
                + " width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " font-family=\"sans-serif\">%n  <rect width=\"100%%\" height=\"100%%\""
                + " fill=\"white\"/>%n%s</svg>%n", WIDTH, y, WIDTH, y, body);
        Files.writeString(file, svg, StandardCharsets.UTF_8);
    }

    private static String text(int x, int y, int size, String weight, String content) {
        return String.format(Locale.ROOT, "  <text x=\"%d\" y=\"%d\" font-size=\"%d\""
                + " font-weight=\"%s\">%s</text>%n", x, y, size, weight, escape(content));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

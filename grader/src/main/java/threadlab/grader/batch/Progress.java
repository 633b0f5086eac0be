package threadlab.grader.batch;

import java.io.PrintStream;
import java.util.Locale;
import threadlab.grader.text.StudentText;

/**
 * Shows how far grading a class has come. On a terminal, one line redrawn in place: a bar, the
 * count, what runs and the time left. In a log (continuous integration, a file), one line per
 * graded submission, which reads well after the fact.
 */
public final class Progress {

    private static final int BAR = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final int total;
    private final long start = System.nanoTime();
    private int done;
    private int running;

    /**
     * Progress for a number of submissions.
     *
     * @param out where to show it
     * @param terminal whether {@code out} is a terminal that can redraw a line
     * @param total how many submissions
     */
    public Progress(PrintStream out, boolean terminal, int total) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
    }

    /**
     * Whether this process writes to a terminal, as opposed to a log.
     *
     * @return {@code true} on an interactive terminal outside continuous integration
     */
    public static boolean onTerminal() {
        return System.console() != null && System.getenv("CI") == null
                && !"dumb".equals(System.getenv("TERM"));
    }

    /**
     * A submission started.
     *
     * @param name its name
     */
    public synchronized void started(String name) {
        running++;
        if (terminal) {
            redraw(shown(name));
        }
    }

    /**
     * A submission was graded.
     *
     * @param name its name
     * @param score its points
     * @param maxScore the most points
     * @param millis how long it took
     */
    public synchronized void graded(String name, int score, int maxScore, long millis) {
        running--;
        done++;
        if (terminal) {
            redraw(shown(name));
        } else {
            out.printf(Locale.ROOT, "[%" + width() + "d/%d] %-24s %3d/%-3d %6.1f s%n", done,
                    total, shown(name), score, maxScore, millis / 1000.0);
            out.flush();
        }
    }

    /** Grading is over: the terminal's line is left as it stands, and a new line begins. */
    public synchronized void finish() {
        if (terminal) {
            out.println();
        }
        out.flush();
    }

    private void redraw(String name) {
        double seconds = (System.nanoTime() - start) / 1e9;
        int filled = total == 0 ? BAR : done * BAR / total;
        String left = done == 0 ? "--:--" : clock(seconds / done * (total - done));
        String shown = name.length() > 20 ? name.substring(0, 19) + "~" : name;
        out.printf(Locale.ROOT, "\r[%s%s] %d/%d graded, %d running, %s elapsed, %s left  %-20s",
                "#".repeat(filled), ".".repeat(BAR - filled), done, total, running,
                clock(seconds), left, shown);
        out.flush();
    }

    /**
     * A submission's name as the console shows it. Names come from students' folders and
     * files: control characters (a terminal's escape sequences among them) must not reach the
     * console, where they could redraw or hide other lines.
     */
    private static String shown(String name) {
        return StudentText.line(name, 60);
    }

    private int width() {
        return String.valueOf(total).length();
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }
}

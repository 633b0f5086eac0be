package threadlab.refcount;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link Race} did when it ran a {@link Schedule}: each step, and how it ended. Print
 * {@link #table()} to see it, a column per thread:
 *
 * <pre>
 * step   thread 1           thread 2           count
 * start                                        1      references: a
 * 1      b = a: reads 1                        1
 * 2                         c = a: reads 1     1
 * 3      b = a: writes 2                       2
 * 4                         c = a: writes 2    2
 * end    count 2, references: a, b, c
 *        the count is 1 lower than the references: an incref was lost, so the object will be
 *        freed while references remain
 * </pre>
 *
 * <p>This file is provided: you do not need to change it.
 */
public final class Replay {

    /** One step: the thread that took it, what it did, and the count after it. */
    record Row(int thread, String text, int count) {
    }

    private final Race race;
    private final Schedule schedule;
    private final List<String> start;
    private final List<Row> rows;
    private final int count;
    private final List<String> references;
    private final int frees;
    private final List<String> liveAtFirstFree;
    private final List<String> errors;

    Replay(Race race, Schedule schedule, List<String> start, List<Row> rows, int count,
            List<String> references, int frees, List<String> liveAtFirstFree,
            List<String> errors) {
        this.race = race;
        this.schedule = schedule;
        this.start = List.copyOf(start);
        this.rows = List.copyOf(rows);
        this.count = count;
        this.references = List.copyOf(references);
        this.frees = frees;
        this.liveAtFirstFree = List.copyOf(liveAtFirstFree);
        this.errors = List.copyOf(errors);
    }

    /**
     * The count at the end.
     *
     * @return the count
     */
    public int count() {
        return count;
    }

    /**
     * The references that exist at the end: those the race started with or the threads made,
     * less those the threads dropped.
     *
     * @return their names in alphabetical order, such as {@code [a, b, c]}
     */
    public List<String> references() {
        return references;
    }

    /**
     * How many times the object was freed.
     *
     * @return 0, 1, or more for a double free
     */
    public int frees() {
        return frees;
    }

    /**
     * The references that still existed when the object was first freed. They refer to freed
     * memory: the next use of any of them is a use after free.
     *
     * @return their names; empty if the object was never freed, or freed with none left
     */
    public List<String> referencesAtFirstFree() {
        return liveAtFirstFree;
    }

    /**
     * The errors the broken count threw, which stopped their threads.
     *
     * @return for example {@code thread 1: use after free at b = a}; empty if none
     */
    public List<String> errors() {
        return errors;
    }

    /**
     * Whether the count came out right: it equals the references left, the object was freed
     * exactly once if none are left and never otherwise, and no thread hit an error.
     *
     * @return {@code true} if nothing went wrong
     */
    public boolean isCorrect() {
        return count == references.size() && frees == (references.isEmpty() ? 1 : 0)
                && liveAtFirstFree.isEmpty() && errors.isEmpty();
    }

    /**
     * What went wrong, in one line; or that nothing did.
     *
     * @return the verdict
     */
    public String verdict() {
        return String.join("; ", problems());
    }

    private List<String> problems() {
        List<String> wrong = new ArrayList<>();
        if (!liveAtFirstFree.isEmpty()) {
            wrong.add("freed while " + String.join(", ", liveAtFirstFree) + " still referred to"
                    + " it");
        }
        if (frees > 1) {
            wrong.add("freed " + frees + " times: a double free");
        }
        if (count < references.size()) {
            wrong.add("the count is " + (references.size() - count) + " lower than the"
                    + " references: an incref was lost"
                    + (frees == 0 ? ", so the object will be freed while references remain" : ""));
        } else if (count > references.size()) {
            wrong.add("the count is " + (count - references.size()) + " higher than the"
                    + " references: a decref was lost"
                    + (references.isEmpty() ? ", so the object is never freed: a leak" : ""));
        }
        wrong.addAll(errors);
        if (wrong.isEmpty()) {
            wrong.add("right: the count matches the references");
        }
        return wrong;
    }

    /**
     * The replay as a table: a row per step, a column per thread, and the count after each step.
     *
     * @return the table, ending in a line with the result
     */
    public String table() {
        int width = "thread 1".length();
        for (Row row : rows) {
            width = Math.max(width, row.text().length());
        }
        String format = "%-6s %-" + width + "s  %-" + width + "s  %s%n";
        StringBuilder out = new StringBuilder();
        out.append("race: ").append(race.description()).append('\n');
        out.append("schedule: ").append(schedule).append("\n\n");
        out.append(String.format(format, "step", "thread 1", "thread 2", "count"));
        out.append(String.format(format, "start", "", "", start.size() + "      references: "
                + String.join(", ", start)));
        int n = 0;
        for (Row row : rows) {
            n++;
            out.append(String.format(format, n, row.thread() == 1 ? row.text() : "",
                    row.thread() == 2 ? row.text() : "", row.count()));
        }
        out.append(String.format("%-6s count %d, references: %s%n", "end", count,
                references.isEmpty() ? "none" : String.join(", ", references)));
        for (String problem : problems()) {
            out.append(String.format("%-6s %s%n", "", problem));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return table();
    }
}

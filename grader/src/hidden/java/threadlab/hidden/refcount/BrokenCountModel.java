package threadlab.hidden.refcount;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The grader's own replay of a schedule on the broken count, written apart from the exercise's
 * {@code Race} so that a grade never rests on code the submission could change. A copy is a read
 * and a write (plus one); a drop is a read, a write (minus one) and a check that frees at 0.
 */
final class BrokenCountModel {

    /** A thread's operation: copy {@code from} into {@code to}, or drop {@code from}. */
    record Op(boolean copy, String from, String to) {

        static Op copy(String from, String to) {
            return new Op(true, from, to);
        }

        static Op drop(String name) {
            return new Op(false, name, null);
        }

        int steps() {
            return copy ? 2 : 3;
        }

        String label() {
            return copy ? to + " = " + from : "del " + from;
        }
    }

    /**
     * How a replay ended.
     *
     * @param count the count at the end
     * @param references the references left
     * @param frees how many times the object was freed
     * @param liveAtFirstFree the references left when it was first freed
     * @param trace what each step did, one per line
     * @param invalid why the schedule does not fit, or {@code null}
     */
    record Outcome(int count, Set<String> references, int frees, Set<String> liveAtFirstFree,
            String trace, String invalid) {
    }

    private final List<String> start;
    private final List<List<Op>> threads;

    BrokenCountModel(List<String> start, List<Op> thread1, List<Op> thread2) {
        this.start = List.copyOf(start);
        this.threads = List.of(List.copyOf(thread1), List.copyOf(thread2));
    }

    Outcome replay(List<Integer> schedule) {
        int count = start.size();
        Set<String> live = new LinkedHashSet<>(start);
        Set<String> atFree = Set.of();
        int frees = 0;
        int[] op = new int[2];
        int[] step = new int[2];
        int[] register = new int[2];
        List<String> trace = new ArrayList<>();
        trace.add("    start: count " + count + ", references " + live);
        for (int i = 0; i < schedule.size(); i++) {
            Integer thread = schedule.get(i);
            if (thread == null || thread < 1 || thread > 2) {
                return invalid(trace, "step " + (i + 1) + " names thread " + thread
                        + "; the threads are 1 and 2");
            }
            int t = thread - 1;
            if (op[t] == threads.get(t).size()) {
                return invalid(trace, "step " + (i + 1) + " is a step too many for thread "
                        + thread + ", which has " + steps(t) + " steps");
            }
            Op current = threads.get(t).get(op[t]);
            String did;
            if (step[t] == 0) {
                if (!current.copy()) {
                    live.remove(current.from());
                }
                register[t] = count;
                did = "reads " + count;
                if (count == 0) {
                    return invalid(trace, "step " + (i + 1) + " reads a count of 0, so thread "
                            + thread + " stops with an error there");
                }
            } else if (step[t] == 1) {
                count = current.copy() ? register[t] + 1 : register[t] - 1;
                if (current.copy()) {
                    live.add(current.to());
                }
                did = "writes " + count;
            } else {
                did = "checks " + count;
                if (count == 0) {
                    frees++;
                    did += " and frees";
                    if (frees == 1) {
                        atFree = Set.copyOf(live);
                    }
                }
            }
            trace.add("    " + (i + 1) + ". thread " + thread + ", " + current.label() + ": "
                    + did);
            if (++step[t] == current.steps()) {
                step[t] = 0;
                op[t]++;
            }
        }
        for (int t = 0; t < 2; t++) {
            if (op[t] < threads.get(t).size()) {
                return invalid(trace, "thread " + (t + 1) + " did not take all its " + steps(t)
                        + " steps");
            }
        }
        trace.add("    end: count " + count + ", references " + live + ", "
                + Causes.freed(frees).replace("was ", ""));
        return new Outcome(count, live, frees, atFree, String.join("\n", trace), null);
    }

    int steps(int thread) {
        return threads.get(thread).stream().mapToInt(Op::steps).sum();
    }

    private static Outcome invalid(List<String> trace, String why) {
        return new Outcome(-1, Set.of(), 0, Set.of(), String.join("\n", trace), why);
    }
}

package threadlab.hidden.gil;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A log of who ran each step, kept as turns: a turn is a run of steps by one thread. Feedback
 * shows it as {@code holder x1520, waiter x1, holder x812}.
 */
final class Turns {

    /** How many turns feedback shows at most. */
    private static final int SHOWN = 12;

    private final List<String> names = new ArrayList<>();
    private final List<Long> steps = new ArrayList<>();

    /** Records a step of the current thread. */
    synchronized void step() {
        String me = Thread.currentThread().getName();
        int last = names.size() - 1;
        if (last >= 0 && names.get(last).equals(me)) {
            steps.set(last, steps.get(last) + 1);
        } else {
            names.add(me);
            steps.add(1L);
        }
    }

    /**
     * How many times the steps changed from one thread to another.
     *
     * @return the number of switches
     */
    synchronized int switches() {
        return Math.max(0, names.size() - 1);
    }

    /**
     * How many steps a thread ran.
     *
     * @param name the thread's name
     * @return its steps
     */
    synchronized long stepsOf(String name) {
        long total = 0;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(name)) {
                total += steps.get(i);
            }
        }
        return total;
    }

    /**
     * The turns as a student reads them.
     *
     * @return for example {@code holder x1520, waiter x1}
     */
    synchronized String render() {
        if (names.isEmpty()) {
            return "(no step ran)";
        }
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(SHOWN, names.size()); i++) {
            shown.add(names.get(i) + " x" + steps.get(i));
        }
        String text = shown.stream().collect(Collectors.joining(", "));
        return names.size() > SHOWN ? text + ", ... (" + names.size() + " turns in all)" : text;
    }
}

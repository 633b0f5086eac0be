package threadlab.gil;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * What an interpreter thread runs: its steps, in order. A program is read one step at a time, so
 * a long loop need not exist as a list:
 *
 * <pre>{@code
 * Program countdown = Program.repeat(1_000_000, () -> n[0]--);   // while n > 0: n -= 1
 * Program pairs = Program.repeat(10, count::incref, count::decref);
 * Program hello = Program.of(() -> System.out.println("Hi"), () -> interpreter.sleep(d));
 * }</pre>
 *
 * <p>This file is provided: you do not need to change it.
 */
@FunctionalInterface
public interface Program extends Iterable<Step> {

    /**
     * A program of the given steps.
     *
     * @param steps the steps, in order
     * @return the program
     */
    static Program of(Step... steps) {
        List<Step> list = List.of(steps);
        return list::iterator;
    }

    /**
     * A program that runs a few steps many times, like a loop with that body.
     *
     * @param times how many times to run the body
     * @param body the loop's steps, in order
     * @return the program, {@code times * body.length} steps long
     */
    static Program repeat(long times, Step... body) {
        List<Step> steps = List.of(body);
        if (times < 0) {
            throw new IllegalArgumentException("a program cannot repeat its steps " + times
                    + " times: give 0 or more");
        }
        return () -> new Iterator<>() {
            private long left = times * steps.size();
            private int next;

            @Override
            public boolean hasNext() {
                return left > 0;
            }

            @Override
            public Step next() {
                if (left == 0) {
                    throw new NoSuchElementException("the program has no more steps");
                }
                left--;
                Step step = steps.get(next);
                next = (next + 1) % steps.size();
                return step;
            }
        };
    }
}

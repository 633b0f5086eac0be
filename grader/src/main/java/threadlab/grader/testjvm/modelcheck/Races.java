package threadlab.grader.testjvm.modelcheck;

import java.util.List;
import threadlab.grader.api.VerdictError;
import threadlab.grader.protocol.Verdict;

/** What a student reads about a data race: both accesses, and what to do. */
final class Races {

    /** The likely cause of every race the checker finds. */
    static final String CAUSE = "the field is shared without volatile, a lock or an atomic";

    private Races() {
    }

    /**
     * The failure a race makes, worded as the hidden tests word theirs.
     *
     * @param race the race
     * @return the error, with the race as its verdict
     */
    static AssertionError failure(RaceDetector.Race race) {
        RaceDetector.Access first = race.first();
        RaceDetector.Access second = race.second();
        String same = first.site().what().equals(second.site().what()) ? "it"
                : second.site().what();
        return new VerdictError(new Verdict(Verdict.Kind.RACE, "every access to a field that"
                + " two threads share to be ordered by happens-before: both under the same lock,"
                + " or through a volatile field, an atomic or a java.util.concurrent synchroniser",
                "a data race. " + first.thread() + " " + first.site().describe() + ", then "
                + second.thread() + " " + (second.site().write() ? "writes " : "reads ") + same
                + " (" + second.site().where() + "), and nothing orders the two. In this"
                + " interleaving the answer may be right, but the JIT and the processor may"
                + " keep, reorder or never publish a plain field's value, so on a real machine"
                + " the other thread can see a stale one.", CAUSE, List.of(), null, ""));
    }
}

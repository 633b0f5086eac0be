package threadlab.hidden.refcount;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import threadlab.grader.api.Points;
import threadlab.hidden.refcount.BrokenCountModel.Op;
import threadlab.hidden.refcount.BrokenCountModel.Outcome;
import threadlab.hidden.support.Verdict;
import threadlab.refcount.RaceSchedules;
import threadlab.refcount.Schedule;

/**
 * The races of the broken count, as schedules the student writes. Each schedule is replayed by
 * the grader's own model, step by step: no real thread runs, so a right schedule passes every
 * time.
 */
@Tag("task:2")
@DisplayName("Task 2, the race as an interleaving")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Task2SchedulesHiddenTests {

    private static final BrokenCountModel TWO_COPIES = new BrokenCountModel(List.of("a"),
            List.of(Op.copy("a", "b")), List.of(Op.copy("a", "c")));
    private static final BrokenCountModel TWO_DROPS = new BrokenCountModel(List.of("a", "b"),
            List.of(Op.drop("a")), List.of(Op.drop("b")));
    private static final BrokenCountModel COPY_DROP_AND_DROP = new BrokenCountModel(
            List.of("a", "b"), List.of(Op.copy("a", "c"), Op.drop("a")), List.of(Op.drop("b")));

    @Test
    @Tag("rule:R2.1")
    @Order(1)
    @Points(1)
    @DisplayName("lostUpdate(): two copies at once, and the count ends 1 short")
    void lostUpdate() {
        check("lostUpdate()", "Race.TWO_COPIES", RaceSchedules::lostUpdate, TWO_COPIES,
                o -> o.count() == 2 && o.references().size() == 3,
                "a count of 2 with three references, a, b and c",
                "both threads must read the count before either writes: each then writes 1 + 1,"
                        + " and one copy is lost");
    }

    @Test
    @Tag("rule:R2.2")
    @Order(2)
    @Points(1)
    @DisplayName("leak(): two drops at once, and the object is never freed")
    void leak() {
        check("leak()", "Race.TWO_DROPS", RaceSchedules::leak, TWO_DROPS,
                o -> o.frees() == 0 && o.references().isEmpty() && o.count() > 0,
                "no references left, a count above 0, and no free: a leak",
                "both threads must read 2 before either writes: each then writes 1, and no check"
                        + " ever sees 0");
    }

    @Test
    @Tag("rule:R2.3")
    @Order(3)
    @Points(1)
    @DisplayName("doubleFree(): two drops, and both free the object")
    void doubleFree() {
        check("doubleFree()", "Race.TWO_DROPS", RaceSchedules::doubleFree, TWO_DROPS,
                o -> o.frees() == 2,
                "the object freed twice",
                "the check is a step of its own, after the write: let both writes happen before"
                        + " either check, so that both checks read 0");
    }

    @Test
    @Tag("rule:R2.4")
    @Order(4)
    @Points(2)
    @DisplayName("freedWhileReferenced(): a lost copy, and the object is freed while c refers"
            + " to it")
    void freedWhileReferenced() {
        check("freedWhileReferenced()", "Race.COPY_DROP_AND_DROP",
                RaceSchedules::freedWhileReferenced, COPY_DROP_AND_DROP,
                o -> o.frees() > 0 && o.liveAtFirstFree().contains("c"),
                "the object freed while c still refers to it",
                "lose thread 1's copy first: let thread 2 read the count between thread 1's read"
                        + " and its write, and write after it. The count is then 1 too low, and"
                        + " thread 1's drop of a takes it to 0 while c lives");
    }

    private static void check(String method, String race, Supplier<Schedule> student,
            BrokenCountModel model, Predicate<Outcome> wanted, String expected, String hint) {
        Schedule schedule = student.get();
        Verdict.check(schedule != null, method + " to return a schedule for " + race,
                "it returned null", "return Schedule.of(...), a thread number per step", null);
        Outcome outcome = model.replay(schedule.threads());
        Verdict.check(outcome.invalid() == null,
                "a schedule that gives each thread of " + race + " all its steps: thread 1 "
                        + model.steps(0) + ", thread 2 " + model.steps(1) + " (a copy is a"
                        + " read and a write; a drop is a read, a write and a check)",
                schedule + " does not fit: " + outcome.invalid() + "\n" + outcome.trace(),
                "count the steps of each thread, and name each step's thread once", null);
        Verdict.check(wanted.test(outcome), expected + ", in the replay of " + schedule,
                "the replay went like this:\n" + outcome.trace(), hint, null);
    }
}

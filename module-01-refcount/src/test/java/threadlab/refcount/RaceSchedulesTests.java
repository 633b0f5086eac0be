package threadlab.refcount;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import threadlab.testing.Verdict;

/** Each schedule is replayed step by step: no real thread runs, and no test waits for luck. */
@Tag("task:2")
@DisplayName("Task 2: the race as an interleaving")
class RaceSchedulesTests {

    @Test
    @DisplayName("lostUpdate(): two copies at once, and the count ends at 2 with 3 references")
    void lostUpdate() throws Exception {
        Replay replay = Race.TWO_COPIES.replay(RaceSchedules.lostUpdate());

        Verdict.withLikelyCause("both threads must read the count before either writes: each"
                + " then writes 1 + 1, and one copy is lost", () -> {
                    assertThat(replay.count()).as("the count at the end of this replay:%n%s",
                            replay).isEqualTo(2);
                    assertThat(replay.references()).containsExactly("a", "b", "c");
                });
    }

    @Test
    @DisplayName("leak(): both references dropped at once, and the object is never freed")
    void leak() throws Exception {
        Replay replay = Race.TWO_DROPS.replay(RaceSchedules.leak());

        Verdict.withLikelyCause("both threads must read 2 before either writes: each then writes"
                + " 1, and no check ever sees 0", () -> {
                    assertThat(replay.frees()).as("how often the object was freed in this"
                            + " replay:%n%s", replay).isZero();
                    assertThat(replay.count()).as("the count at the end of this replay:%n%s",
                            replay).isPositive();
                });
    }

    @Test
    @DisplayName("doubleFree(): both references dropped, and both drops free the object")
    void doubleFree() throws Exception {
        Replay replay = Race.TWO_DROPS.replay(RaceSchedules.doubleFree());

        Verdict.withLikelyCause("the check is a step of its own, after the write: let both"
                + " writes happen before either check, so that both checks read 0",
                () -> assertThat(replay.frees()).as("how often the object was freed in this"
                        + " replay:%n%s", replay).isEqualTo(2));
    }

    @Test
    @DisplayName("freedWhileReferenced(): the object is freed while c still refers to it")
    void freedWhileReferenced() throws Exception {
        Replay replay = Race.COPY_DROP_AND_DROP.replay(RaceSchedules.freedWhileReferenced());

        Verdict.withLikelyCause("lose thread 1's copy first: let thread 2 read the count between"
                + " thread 1's read and its write, and write after it. The count is then 1 too"
                + " low, and thread 1's drop of a takes it to 0 while c lives",
                () -> assertThat(replay.referencesAtFirstFree())
                        .as("the references left when the object was freed, in this replay:%n%s",
                                replay).contains("c"));
    }
}

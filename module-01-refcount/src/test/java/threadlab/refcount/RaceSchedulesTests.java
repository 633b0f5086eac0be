package threadlab.refcount;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Each schedule is replayed step by step: no real thread runs, and no test waits for luck. */
@Tag("task:2")
@DisplayName("Task 2: the race as an interleaving")
class RaceSchedulesTests {

    @Test
    @DisplayName("lostUpdate(): two copies at once, and the count ends at 2 with 3 references")
    void lostUpdate() {
        Replay replay = Race.TWO_COPIES.replay(RaceSchedules.lostUpdate());

        assertThat(replay.count()).as("the count at the end of this replay:%n%s", replay)
                .isEqualTo(2);
        assertThat(replay.references()).containsExactly("a", "b", "c");
    }

    @Test
    @DisplayName("leak(): both references dropped at once, and the object is never freed")
    void leak() {
        Replay replay = Race.TWO_DROPS.replay(RaceSchedules.leak());

        assertThat(replay.frees()).as("how often the object was freed in this replay:%n%s",
                replay).isZero();
        assertThat(replay.count()).as("the count at the end of this replay:%n%s", replay)
                .isPositive();
    }

    @Test
    @DisplayName("doubleFree(): both references dropped, and both drops free the object")
    void doubleFree() {
        Replay replay = Race.TWO_DROPS.replay(RaceSchedules.doubleFree());

        assertThat(replay.frees()).as("how often the object was freed in this replay:%n%s",
                replay).isEqualTo(2);
    }

    @Test
    @DisplayName("freedWhileReferenced(): the object is freed while c still refers to it")
    void freedWhileReferenced() {
        Replay replay = Race.COPY_DROP_AND_DROP.replay(RaceSchedules.freedWhileReferenced());

        assertThat(replay.referencesAtFirstFree())
                .as("the references left when the object was freed, in this replay:%n%s", replay)
                .contains("c");
    }
}

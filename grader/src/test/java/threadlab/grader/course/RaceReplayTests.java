package threadlab.grader.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import threadlab.refcount.InvalidScheduleException;
import threadlab.refcount.Race;
import threadlab.refcount.Replay;
import threadlab.refcount.Schedule;

/**
 * Module 1's replayer, which students trust to tell them what their schedules do, checked over
 * every schedule of every race: a schedule in which no operation overlaps another always comes
 * out right, and each race has the outcomes the lesson says it has.
 */
class RaceReplayTests {

    @Test
    @DisplayName("two copies: right when one follows the other, one update lost when they overlap")
    void twoCopies() {
        List<Schedule> all = schedules(Race.TWO_COPIES);

        assertThat(all).hasSize(6);
        for (Schedule schedule : all) {
            Replay replay = Race.TWO_COPIES.replay(schedule);
            boolean overlap = !List.of(Schedule.of(1, 1, 2, 2), Schedule.of(2, 2, 1, 1))
                    .contains(schedule);
            assertThat(replay.references()).as(replay.table()).containsExactly("a", "b", "c");
            assertThat(replay.count()).as(replay.table()).isEqualTo(overlap ? 2 : 3);
            assertThat(replay.isCorrect()).as(replay.table()).isEqualTo(!overlap);
        }
    }

    @Test
    @DisplayName("every schedule whose operations do not overlap comes out right")
    void operationsOneAtATimeAreRight() {
        assertRightWhenSequential(Race.TWO_COPIES, List.of(2), List.of(2));
        assertRightWhenSequential(Race.TWO_DROPS, List.of(3), List.of(3));
        assertRightWhenSequential(Race.COPY_DROP_AND_DROP, List.of(2, 3), List.of(3));
    }

    @Test
    @DisplayName("two drops can leak, free twice, or free once as they should")
    void twoDrops() {
        List<String> outcomes = new ArrayList<>();
        for (Schedule schedule : schedules(Race.TWO_DROPS)) {
            Replay replay = Race.TWO_DROPS.replay(schedule);
            assertThat(replay.references()).isEmpty();
            outcomes.add(replay.frees() + " frees, count " + replay.count());
        }

        assertThat(outcomes).containsOnly("1 frees, count 0", "2 frees, count 0",
                "0 frees, count 1").contains("2 frees, count 0", "0 frees, count 1");
    }

    @Test
    @DisplayName("a copy and two drops can free the object while c still refers to it")
    void aLostCopyFreesALiveObject() {
        Replay replay = Race.COPY_DROP_AND_DROP.replay(Schedule.of(1, 2, 1, 2, 2, 1, 1, 1));

        assertThat(replay.referencesAtFirstFree()).containsExactly("c");
        assertThat(replay.verdict()).contains("freed while c still referred to it");
        assertThat(replay.table()).contains("c = a: reads 2", "del b: writes 1",
                "del a: checks 0, frees");
    }

    @Test
    @DisplayName("a schedule that does not fit its race is refused with what to do")
    void schedulesThatDoNotFitAreRefused() {
        assertThatThrownBy(() -> Race.TWO_COPIES.replay(Schedule.of(1, 3, 1, 2)))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessageContaining("step 2 names thread 3");
        assertThatThrownBy(() -> Race.TWO_COPIES.replay(Schedule.of(1, 1, 1, 2, 2)))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessageContaining("thread 1 has only 2 steps (b = a: read, write)");
        assertThatThrownBy(() -> Race.TWO_DROPS.replay(Schedule.of(1, 2, 1, 2)))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessageContaining("it ends after thread 1 took 2 of its 3 steps")
                .hasMessageContaining("give every thread all its steps");
    }

    /** Checks every schedule in which each operation's steps come one after the other. */
    private static void assertRightWhenSequential(Race race, List<Integer> ops1,
            List<Integer> ops2) {
        int checked = 0;
        for (Schedule schedule : schedules(race)) {
            if (contiguous(schedule.threads(), 1, ops1) && contiguous(schedule.threads(), 2,
                    ops2)) {
                Replay replay = race.replay(schedule);
                assertThat(replay.isCorrect()).as(replay.table()).isTrue();
                checked++;
            }
        }
        assertThat(checked).as("sequential schedules of " + race).isGreaterThan(1);
    }

    /** Whether each operation of a thread takes its steps with no other thread's in between. */
    private static boolean contiguous(List<Integer> schedule, int thread, List<Integer> ops) {
        int op = 0;
        int left = 0;
        for (int i = 0; i < schedule.size(); i++) {
            if (left > 0 && schedule.get(i) != thread) {
                return false;
            }
            if (schedule.get(i) == thread) {
                if (left == 0) {
                    left = ops.get(op++);
                }
                left--;
            }
        }
        return true;
    }

    /** Every schedule that gives each of the race's two threads all its steps. */
    private static List<Schedule> schedules(Race race) {
        List<Schedule> all = new ArrayList<>();
        collect(race.steps(1), race.steps(2), new ArrayList<>(), all);
        return all;
    }

    private static void collect(int left1, int left2, List<Integer> prefix, List<Schedule> all) {
        if (left1 == 0 && left2 == 0) {
            all.add(Schedule.of(prefix.stream().mapToInt(Integer::intValue).toArray()));
            return;
        }
        if (left1 > 0) {
            prefix.add(1);
            collect(left1 - 1, left2, prefix, all);
            prefix.remove(prefix.size() - 1);
        }
        if (left2 > 0) {
            prefix.add(2);
            collect(left1, left2 - 1, prefix, all);
            prefix.remove(prefix.size() - 1);
        }
    }
}

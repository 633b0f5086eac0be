package threadlab.gil;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import threadlab.refcount.BrokenUnsynchronizedRefCount;
import threadlab.refcount.RefCount;
import threadlab.testing.Verdict;

@Tag("task:5")
@Timeout(20)
@DisplayName("Task 5: module 1's naive count on the interpreter")
class NaiveRefCountsTests {

    @Test
    @DisplayName("4 threads share a naive count on the interpreter, and it stays exact")
    void theNaiveCountStaysExact() throws Exception {
        GlobalInterpreterLock gil = new GlobalInterpreterLock(Duration.ofMillis(1));
        AtomicInteger frees = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        AtomicBoolean withoutTheGil = new AtomicBoolean();
        RefCount naive = new BrokenUnsynchronizedRefCount(frees::incrementAndGet);
        RefCount watched = new RefCount() {
            @Override
            public void incref() {
                check();
                naive.incref();
            }

            @Override
            public void decref() {
                check();
                naive.decref();
            }

            @Override
            public int get() {
                return naive.get();
            }

            private void check() {
                calls.incrementAndGet();
                if (!gil.isHeldByCurrentThread()) {
                    withoutTheGil.set(true);
                }
            }
        };

        NaiveRefCounts.share(new Interpreter(gil), watched, 4, 5_000);

        Verdict.withLikelyCause("share() returned before every thread had finished: join them all",
                () -> assertThat(calls).as("incref and decref calls, 4 threads x 5,000 pairs")
                        .hasValue(40_000));
        Verdict.withLikelyCause("update the count only from steps that the interpreter runs:"
                + " start the threads with interpreter.start(...)", () -> assertThat(withoutTheGil)
                        .as("a call ran without holding the GIL").isFalse());
        assertThat(naive.get()).as("the count after every pair was undone").isEqualTo(1);
        assertThat(frees).as("how often the object was freed").hasValue(0);
    }
}

package threadlab.hidden.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Waits for a condition, and stops early once it can prove that the condition will never come:
 * every thread of the test JVM but the test's own is parked, none has been woken and none woke
 * up for {@link #WINDOW}. Then nothing can change what the test waits for, except a timed wait
 * running out later, and the hidden tests that use this wait only on threads whose timed waits
 * outlast the test (a switch interval of an hour) or end within milliseconds.
 *
 * <p>Only the threads made since the test began count ({@link PerTest}).
 *
 * <p>The proof asks Linux which threads are runnable: a thread that was just woken shows in Java
 * as still waiting until it runs, but the operating system already lists it as runnable. Where
 * the operating system cannot be asked, the wait runs its whole limit. Either way the answer is
 * the same: stopping early only saves the time a failing submission would wait out.
 */
public final class Stillness {

    /** How long every thread must stay parked, with no wake-up, before the wait stops. */
    public static final Duration WINDOW = Duration.ofMillis(500);

    private static final Path TASKS = Path.of("/proc/self/task");
    private static final Path SELF = Path.of("/proc/thread-self");
    /** The grader's own threads in the test JVM, which wake up on their own schedule. */
    private static final String GRADER_THREADS = "threadlab-";
    private static final int OS_LOOKS = 5;

    /** The first thread of the running test: older threads are left over from earlier tests. */
    private static volatile long firstThreadId;

    private Stillness() {
    }

    /**
     * Marks the start of each test of a class, so that threads left over from earlier tests,
     * which may wake up on their own schedule for ever, do not keep a wait from ending early.
     * Register it with {@code @ExtendWith(Stillness.PerTest.class)}.
     */
    public static final class PerTest implements BeforeEachCallback {

        @Override
        public void beforeEach(ExtensionContext context) {
            // Thread ids count up: a thread made now has a higher one than any made before.
            firstThreadId = new Thread(() -> { }).getId();
        }
    }

    /**
     * How a wait ended.
     *
     * @param held whether the condition held
     * @param still whether the wait stopped early, as no thread could move any more
     * @param deadlock the threads Java found deadlocked when the wait ended without the
     *     condition, or {@code null}
     */
    public record Wait(boolean held, boolean still, String deadlock) {

        /**
         * What the feedback says of a wait that ended without the condition.
         *
         * @param limit the wait's limit
         * @return the words
         */
        public String why(Duration limit) {
            String why = still ? "no thread could go on: every thread was waiting, and none was"
                    + " woken for " + WINDOW.toMillis() + " ms" : "still waiting after "
                    + limit.toSeconds() + " s";
            return deadlock == null ? why : why + ", and Java found deadlocked threads: "
                    + deadlock;
        }
    }

    /**
     * Waits until a condition holds, within a limit, or until no thread can move any more.
     *
     * @param limit the longest wait
     * @param condition what to wait for; it must depend only on what the threads do
     * @return how the wait ended
     */
    public static Wait await(Duration limit, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        boolean canProve = Files.isDirectory(TASKS) && Files.exists(SELF);
        Map<Long, Long> still = null;
        long stillSince = 0;
        while (true) {
            if (holds(condition)) {
                return new Wait(true, false, null);
            }
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                return notHeld(false);
            }
            if (canProve) {
                Map<Long, Long> parked = parked();
                if (parked == null || !parked.equals(still)) {
                    still = parked;
                    stillSince = now;
                } else if (now - stillSince >= WINDOW.toNanos() && osQuiet(parked.keySet())
                        && parked.equals(parked())) {
                    // Nothing moved, so the condition is as it was at the top of this loop.
                    return notHeld(true);
                }
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return holds(condition) ? new Wait(true, false, null) : notHeld(false);
            }
        }
    }

    /** A wait that ended without its condition, with any deadlock Java finds among threads. */
    private static Wait notHeld(boolean still) {
        long[] ids = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        if (ids == null) {
            return new Wait(false, still, null);
        }
        List<String> waits = new ArrayList<>();
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().getThreadInfo(ids)) {
            if (info != null) {
                waits.add("\"" + info.getThreadName() + "\" waits for " + info.getLockName()
                        + " held by \"" + info.getLockOwnerName() + "\"");
            }
        }
        return new Wait(false, still, String.join("; ", waits));
    }

    private static boolean holds(Callable<Boolean> condition) {
        try {
            return Boolean.TRUE.equals(condition.call());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("a condition of the test failed: " + e, e);
        }
    }

    /**
     * The threads that could change what a test waits for, each with how often it has waited
     * or blocked; or {@code null} if one of them is not parked.
     */
    private static Map<Long, Long> parked() {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().getId();
        Map<Long, Long> counts = new HashMap<>();
        for (ThreadInfo info : bean.getThreadInfo(bean.getAllThreadIds())) {
            // Older threads, the JVM's own among them, are left out; so are the grader's.
            if (info == null || info.getThreadId() == me || info.getThreadId() < firstThreadId
                    || info.getThreadName().startsWith(GRADER_THREADS)) {
                continue;
            }
            Thread.State state = info.getThreadState();
            if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING
                    && state != Thread.State.BLOCKED) {
                return null;
            }
            counts.put(info.getThreadId(), info.getWaitedCount() * 1_000_003L
                    + info.getBlockedCount());
        }
        return counts;
    }

    /**
     * Whether the operating system lists none of the threads as runnable: none has a wake-up
     * on its way. Other threads of the JVM (the compiler, the collector) may be runnable for a
     * moment, so it looks a few times before it gives up.
     */
    private static boolean osQuiet(Set<Long> ids) {
        Set<String> names = new HashSet<>();
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        for (ThreadInfo info : bean.getThreadInfo(ids.stream().mapToLong(Long::longValue)
                .toArray())) {
            if (info != null) {
                String name = info.getThreadName();
                names.add(name.length() > 15 ? name.substring(0, 15) : name);
            }
        }
        for (int look = 0; look < OS_LOOKS; look++) {
            Boolean quiet = quietNow(names);
            if (quiet == null) {
                return false;
            }
            if (quiet) {
                return true;
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** One look: {@code null} if the operating system could not be asked. */
    private static Boolean quietNow(Set<String> names) {
        try {
            String self = SELF.toRealPath().getFileName().toString();
            List<Path> tasks;
            try (Stream<Path> list = Files.list(TASKS)) {
                tasks = list.toList();
            }
            boolean sawJava = false;
            for (Path task : tasks) {
                if (task.getFileName().toString().equals(self)) {
                    continue;
                }
                String comm;
                String stat;
                try {
                    comm = Files.readString(task.resolve("comm")).strip();
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                // A thread with a name of its own, or the JVM's first thread ("java").
                if (!names.contains(comm) && !comm.equals("java")) {
                    continue;
                }
                sawJava = true;
                char state = stat.charAt(stat.lastIndexOf(')') + 2);
                if (state == 'R' || state == 'D') {
                    return false;
                }
            }
            return sawJava || names.isEmpty();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}

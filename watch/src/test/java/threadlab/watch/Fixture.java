package threadlab.watch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * A small course folder for the tests: one exercise module with a counter and its tests, which
 * Lincheck model-checks, as module 1's.
 */
final class Fixture {

    static final String MODULE = "module-01-counting";
    static final String COUNTER = MODULE + "/src/main/java/demo/Counter.java";

    /** A counter whose increment two threads can lose: read, then write. */
    static final String RACY = """
            package demo;

            public class Counter {
                private int count;

                public void increment() {
                    int seen = count;
                    count = seen + 1;
                }

                public int get() {
                    return count;
                }
            }
            """;

    /**
     * The same counter, made safe with a lock held around each method's body: the same methods
     * and fields, with the same modifiers, as the racy one, so that Lincheck could rewrite either
     * class from the other's bytes, and only the verdict shows which bytes it used.
     */
    static final String SAFE = """
            package demo;

            public class Counter {
                private int count;
                public void increment() {
                    synchronized (this) {
                        int seen = count;
                        count = seen + 1;
                    }
                }
                public int get() {
                    synchronized (this) { return count; }
                }
            }
            """;

    private static final String TESTS = """
            package demo;

            import static org.assertj.core.api.Assertions.assertThat;

            import org.jetbrains.lincheck.Lincheck;
            import org.junit.jupiter.api.DisplayName;
            import org.junit.jupiter.api.Tag;
            import org.junit.jupiter.api.Test;

            @Tag("task:1")
            @DisplayName("Task 1: a counter")
            class CounterTests {

                @Test
                @DisplayName("counts on one thread")
                void countsOnOneThread() {
                    Counter counter = new Counter();
                    counter.increment();
                    assertThat(counter.get()).isEqualTo(1);
                }

                @Test
                @DisplayName("two threads lose no update (model-checked)")
                void twoThreads() {
                    Lincheck.runConcurrentTest(60, () -> {
                        Counter counter = new Counter();
                        Thread first = new Thread(counter::increment);
                        Thread second = new Thread(counter::increment);
                        first.start();
                        second.start();
                        try {
                            first.join();
                            second.join();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        if (counter.get() != 2) {
                            throw new AssertionError("lost an update: " + counter.get());
                        }
                    });
                }
            }

            @Tag("task:2")
            @DisplayName("Task 2: always fails")
            class NeverTests {
                @Test
                @DisplayName("fails")
                void fails() {
                    throw new AssertionError("Task 2: not done");
                }
            }

            @Tag("task:3")
            @DisplayName("Task 3: ends the JVM")
            class ExitTests {
                @Test
                @DisplayName("exits")
                void exits() {
                    System.exit(3);
                }
            }

            @Tag("task:4")
            @DisplayName("Task 4: leaves a thread running")
            class LeftRunningTests {
                @Test
                @DisplayName("starts a thread that never ends")
                void leavesAThread() {
                    Thread sleeper = new Thread(() -> {
                        try {
                            Thread.sleep(Long.MAX_VALUE);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    sleeper.setDaemon(true);
                    sleeper.start();
                }
            }
            """;

    private Fixture() {
    }

    /**
     * Writes the course folder.
     *
     * @param root where
     * @param counter the counter's source
     * @return the folder
     * @throws IOException if it cannot be written
     */
    static Path course(Path root, String counter) throws IOException {
        write(root.resolve(MODULE + "/pom.xml"), "<project><artifactId>" + MODULE
                + "</artifactId><dependencies><dependency><artifactId>lincheck</artifactId>"
                + "</dependency></dependencies></project>\n");
        write(root.resolve(COUNTER), counter);
        write(root.resolve(MODULE + "/src/test/java/demo/CounterTests.java"), TESTS);
        return root;
    }

    /**
     * Writes a file, and gives it a time of change later than any it had, as a save does.
     *
     * @param file the file
     * @param text what it holds
     * @throws IOException if it cannot be written
     */
    static void write(Path file, String text) throws IOException {
        FileTime before = Files.exists(file) ? Files.getLastModifiedTime(file)
                : FileTime.fromMillis(0);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 2000));
    }
}

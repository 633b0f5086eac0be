package threadlab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LincheckReportTests {

    @Test
    @DisplayName("a failure keeps the check, the threads' steps and the outcome, cause last")
    void keepsWhatAStudentNeeds() throws IOException {
        String report = LincheckReport.of(sample("lincheck-two-decrefs.txt"), "other", "hang");

        assertThat(report).isEqualTo("""
                Expected: a count of 0 and one free, after two threads each dropped one of the \
                object's two
                  references
                But: the count is 1 and the object was freed 0 time(s): a drop was lost (a leak)
                The interleaving that shows it, found by model checking: a column per thread, \
                read from top to
                  bottom; "switch" is where a thread was paused and another ran.
                | the test       | Thread 1         | Thread 2         |
                |----------------|------------------|------------------|
                | count.incref() |                  |                  |
                |                |                  | run()            |
                |                |                  |   read count: 2  |
                |                |                  |   read count: 2  |
                |                |                  |   switch         |
                |                | run()            |                  |
                |                |   read count: 2  |                  |
                |                |   read count: 2  |                  |
                |                |   write count: 1 |                  |
                |                |                  |   write count: 1 |
                | count.get(): 1 |                  |                  |
                Likely cause: count++ (or count = count + 1) is a read and then a write, and \
                another thread can come
                  between them (see the interleaving)""");
        assertThat(report.lines()).allSatisfy(line -> assertThat(line.length())
                .isLessThanOrEqualTo(LincheckReport.WIDTH));
    }

    @Test
    @DisplayName("an interleaving too wide for columns is a list of steps, without the test's"
            + " own message")
    void aWideInterleavingIsAListOfSteps() throws IOException {
        String report = LincheckReport.of(sample("lincheck-double-free.txt"), "other", "hang");

        assertThat(report.lines()).allSatisfy(line -> assertThat(line.length())
                .isLessThanOrEqualTo(LincheckReport.WIDTH));
        assertThat(report).doesNotContain("Causes.").doesNotContain("Verdict.")
                .contains("a line per step")
                .contains("Thread 1 |   AtomicInteger#2.compareAndSet(2, 1): true\n")
                .contains("\nthe test | count.get(): 0\n")
                .endsWith("never with a second\n  read");
    }

    @Test
    @DisplayName("an exception from the code under test is named, with the given cause")
    void anExceptionGetsTheOtherCause() {
        String report = LincheckReport.of("\n= Concurrent test failed =\n\n"
                + "threadlab.refcount.DoubleFreeException: double free\n\tat Foo.bar(Foo.java:1)\n",
                "two steps", "hang");

        assertThat(report).isEqualTo("But: your code threw threadlab.refcount.DoubleFreeException:"
                + " double free\nLikely cause: two steps");
    }

    @Test
    @DisplayName("threads that never end get the cause for a hang")
    void aHangGetsItsCause() {
        String report = LincheckReport.of("\n= The execution has hung =\n", "other", "a lock that"
                + " is never released");

        assertThat(report).endsWith("Likely cause: a lock that is never released")
                .startsWith("But: the threads never ended");
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = LincheckReportTests.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package threadlab.grader.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.course.Course;
import threadlab.grader.discover.HiddenTest;
import threadlab.grader.protocol.Verdict;
import threadlab.grader.report.ModuleResult;
import threadlab.grader.report.TestResult;
import threadlab.grader.run.Limits;
import threadlab.grader.submission.Submission;

class CheckCacheTests {

    private static Path source(Path copy, String module, String text) throws Exception {
        Path file = copy.resolve(module).resolve("src/main/java/threadlab/x/A.java");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    @DisplayName("a kept module comes back as it was stored, verdict and all, under the same key"
            + " only")
    void keepsResults(@TempDir Path dir) throws Exception {
        source(dir, "module-03-threads", "class A {}");
        Submission copy = new Submission("copy", dir);
        CheckCache cache = CheckCache.of(copy, Limits.DEFAULT);
        String key = cache.key(copy, Course.THREADS);
        ModuleResult result = new ModuleResult(Course.THREADS, List.of(
                new TestResult(new HiddenTest(Course.THREADS, "[a]", "Task 2, g", "n", 2, 2),
                        false, new Verdict(Verdict.Kind.TIMED_OUT, "x", "y", "z", List.of(),
                                new Verdict.Limit("60 s", "the time of one test"), "e"), 12)));

        cache.store(result, key);

        assertThat(cache.folder()).isEqualTo(dir.resolve("target/threadlab-check"));
        assertThat(CheckCache.of(copy, Limits.DEFAULT).load(Course.THREADS, key)).contains(result);
        assertThat(cache.load(Course.THREADS, "another key")).isEmpty();
        assertThat(cache.load(Course.REFCOUNT, key)).isEmpty();
    }

    @Test
    @DisplayName("the key changes with the module's sources, those of a module it uses, and the"
            + " limits; not with another module's")
    void keyFollowsTheSources(@TempDir Path dir) throws Exception {
        source(dir, "module-01-refcount", "class A {}");
        source(dir, "module-02-gil", "class A {}");
        source(dir, "module-03-threads", "class A {}");
        Submission copy = new Submission("copy", dir);
        CheckCache cache = CheckCache.of(copy, Limits.DEFAULT);
        String gil = cache.key(copy, Course.GIL);
        String threads = cache.key(copy, Course.THREADS);

        source(dir, "module-01-refcount", "class A { }");

        assertThat(cache.key(copy, Course.GIL)).isNotEqualTo(gil);
        assertThat(cache.key(copy, Course.THREADS)).isEqualTo(threads);
        assertThat(CheckCache.of(copy, new Limits(java.time.Duration.ofSeconds(5),
                java.time.Duration.ofSeconds(50), 256)).key(copy, Course.THREADS))
                .isNotEqualTo(threads);
    }

    @Test
    @DisplayName("a damaged cache file counts as no cache")
    void damaged(@TempDir Path dir) throws Exception {
        Submission copy = new Submission("copy", dir);
        CheckCache cache = CheckCache.of(copy, Limits.DEFAULT);
        Files.createDirectories(cache.folder());
        Files.writeString(cache.folder().resolve("module-03-threads.json"), "{not json");

        assertThat(cache.load(Course.THREADS, cache.key(copy, Course.THREADS))).isEmpty();
    }
}

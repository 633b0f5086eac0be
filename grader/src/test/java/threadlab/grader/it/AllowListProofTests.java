package threadlab.grader.it;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import threadlab.grader.allowlist.ApiCheck;
import threadlab.grader.compile.CompileWorkers;
import threadlab.grader.compile.ModuleCompiler;
import threadlab.grader.course.Course;
import threadlab.grader.course.ExerciseModule;
import threadlab.grader.submission.Submission;
import threadlab.grader.testing.BankVariant;
import threadlab.grader.testing.GraderProcess;

/**
 * The allow-list lets through every design we know to be right, and every known-wrong one too,
 * which must lose points in their tests, not here: the reference solutions, the skeletons, and
 * each variant of the modules' banks, one-edit variants and whole files alike (the correct ones
 * are built on other primitives than the solutions). A unit test, kept beside the banks'
 * end-to-end tests to read their variants; it compiles in the grader's own JVM, as the grader
 * does, and runs nothing.
 */
class AllowListProofTests {

    @TempDir
    static Path dir;

    private static Path solutionRefcount;
    private static CompileWorkers workers;

    @AfterAll
    static void endWorkers() {
        workers.close();
    }

    @BeforeAll
    static void compileModule1OfTheSolutions() throws Exception {
        workers = new CompileWorkers();
        solutionRefcount = compile(GraderProcess.courseRoot().resolve("solutions"),
                Course.REFCOUNT, dir.resolve("solution-refcount"));
    }

    private static Path compile(Path submission, ExerciseModule module, Path out)
            throws Exception {
        List<Path> uses = module.uses().isEmpty() ? List.of() : List.of(solutionRefcount);
        return new ModuleCompiler(workers).compile(Submission.at(submission), module, uses, out);
    }

    private void assertAllowed(Path submission, ExerciseModule module, String name) {
        Path out = dir.resolve("classes").resolve(name);
        assertThatCode(() -> ApiCheck.packaged().verify(module, compile(submission, module, out),
                module.uses().isEmpty() ? List.of() : List.of(solutionRefcount)))
                .as(name).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("the reference solutions and the skeletons use only allowed APIs")
    void solutionsAndSkeletonsPass() {
        for (ExerciseModule module : Course.modules()) {
            assertAllowed(GraderProcess.courseRoot().resolve("solutions"), module,
                    "solution-" + module.folder());
            assertAllowed(GraderProcess.courseRoot(), module, "skeleton-" + module.folder());
        }
    }

    static Stream<BankVariant> bankVariants() {
        return Banks.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bankVariants")
    @DisplayName("every variant in the banks uses only allowed APIs")
    void bankVariantsPass(BankVariant variant) throws Exception {
        ExerciseModule module = Course.modules().stream()
                .filter(m -> m.folder().equals(variant.module())).findFirst().orElseThrow();
        assertAllowed(variant.make(dir.resolve(variant.name())), module, variant.name());
    }
}

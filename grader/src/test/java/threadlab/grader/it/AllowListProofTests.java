package threadlab.grader.it;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import threadlab.grader.allowlist.ApiCheck;
import threadlab.grader.compile.CompileWorkers;
import threadlab.grader.compile.ModuleCompiler;
import threadlab.grader.course.Course;
import threadlab.grader.course.ExerciseModule;
import threadlab.grader.submission.Submission;
import threadlab.grader.testing.GraderProcess;
import threadlab.grader.testing.Submissions;

/**
 * The allow-list lets through every design we know to be right, and every known-wrong one too,
 * which must lose points in their tests, not here: the reference solutions, the skeletons, each
 * variant of the modules' banks (the correct ones include a StampedLock, a VarHandle, a field
 * updater and a GIL built on LockSupport) and each of module 3's one-edit variants. A unit test,
 * kept beside the banks' end-to-end tests to read module 3's variants; it compiles in the
 * grader's own JVM, as the grader does, and runs nothing.
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

    static Stream<Arguments> bankVariants() {
        List<Arguments> variants = new ArrayList<>();
        for (ExerciseModule module : List.of(Course.REFCOUNT, Course.GIL)) {
            for (String variant : Submissions.bankVariants(module.folder())) {
                variants.add(Arguments.of(module, variant));
            }
        }
        return variants.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("bankVariants")
    @DisplayName("every variant in the banks of modules 1 and 2 uses only allowed APIs")
    void bankVariantsPass(ExerciseModule module, String variant) throws Exception {
        Path submission = Submissions.bankVariant(dir.resolve(variant), module.folder(),
                variant);
        assertAllowed(submission, module, variant);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("threadlab.grader.it.KnownWrongThreadsIT#variants")
    @DisplayName("every one-edit variant of module 3 uses only allowed APIs")
    void module3VariantsPass(KnownWrongThreadsIT.Variant variant) throws Exception {
        String name = "threads-" + Integer.toHexString(variant.misconception().hashCode());
        Path submission = Submissions.editedSolution(dir.resolve(name), Course.THREADS.folder(),
                variant.file(), variant.from(), variant.to());
        assertAllowed(submission, Course.THREADS, name);
    }
}

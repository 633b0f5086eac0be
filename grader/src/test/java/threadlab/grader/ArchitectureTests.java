package threadlab.grader;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The grader's package rules. Code under {@code threadlab.grader.testjvm} runs in the test JVM,
 * beside student code, and must be assumed compromised; everything else runs in the grader and is
 * trusted. The two sides meet only through {@code protocol} (events over the test JVM's output)
 * and {@code api} (what hidden tests use). The packages form no cycle.
 */
class ArchitectureTests {

    private static final String ROOT = "threadlab.grader";
    private static final String TEST_JVM = ROOT + ".testjvm..";
    private static final String PROTOCOL = ROOT + ".protocol..";
    private static final String API = ROOT + ".api..";
    /** What code beside the submission may use besides its own packages: no grader internals. */
    private static final String[] LIBRARIES = {"java..", "javax..", "com.sun.management..",
        "org.junit..", "org.opentest4j..", "org.apiguardian..", "org.objectweb.asm..",
        "com.fasterxml.jackson.."};

    private static JavaClasses grader;

    @BeforeAll
    static void importGrader() {
        grader = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(ROOT);
    }

    @Test
    @DisplayName("the grader's packages form no cycle")
    void noPackageCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(grader);
    }

    @Test
    @DisplayName("nothing lives in the root package: every class is in a package that says its job")
    void noRootPackage() {
        noClasses().should().resideInAPackage(ROOT).check(grader);
    }

    @Test
    @DisplayName("trusted grader code never depends on code that runs beside the submission")
    void trustedCodeDoesNotDependOnTheTestJvm() {
        noClasses().that().resideOutsideOfPackage(TEST_JVM)
                .should().dependOnClassesThat().resideInAPackage(TEST_JVM)
                .because("code in the test JVM may be compromised by the submission; the grader"
                        + " names the test JVM's main class and agent by their names only")
                .check(grader);
    }

    @Test
    @DisplayName("code in the test JVM uses only its own packages, the protocol and the tests' API")
    void testJvmCodeStaysOnItsSide() {
        classes().that().resideInAPackage(TEST_JVM)
                .should().onlyDependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass
                        .Predicates.resideInAnyPackage(concat(LIBRARIES, TEST_JVM, PROTOCOL,
                                API)))
                .check(grader);
    }

    @Test
    @DisplayName("the protocol and the tests' API depend on no other grader package")
    void theBoundaryIsALeaf() {
        classes().that().resideInAnyPackage(PROTOCOL, API)
                .should().onlyDependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass
                        .Predicates.resideInAnyPackage(concat(LIBRARIES, PROTOCOL, API)))
                .check(grader);
    }

    @Test
    @DisplayName("the failures are a leaf package that every stage may use")
    void failuresAreALeaf() {
        classes().that().resideInAPackage(ROOT + ".failure..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".failure..",
                        "java..")
                .check(grader);
    }

    @Test
    @DisplayName("only the command line speaks picocli")
    void onlyTheCommandLineUsesPicocli() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(grader);
    }

    @Test
    @DisplayName("hidden tests wait through Caller alone, which never lets another thread's"
            + " failure decide a wait")
    void hiddenTestsWaitThroughCaller() {
        Path hidden = Path.of("target", "classes", "hidden");
        if (!Files.isDirectory(hidden)) {
            throw new IllegalStateException("no compiled hidden tests under " + hidden
                    .toAbsolutePath() + ": run this through Maven, which compiles them first");
        }
        JavaClasses tests = new ClassFileImporter().importPath(hidden);
        noClasses().that().doNotHaveFullyQualifiedName("threadlab.hidden.support.Caller")
                .should().dependOnClassesThat().resideInAPackage("org.awaitility..")
                .because("Awaitility by default rethrows any thread's uncaught exception in"
                        + " whichever wait runs when it is thrown, so timing would pick the"
                        + " test that fails; Caller.eventually turns that off")
                .check(tests);
        classes().that().haveFullyQualifiedName("threadlab.hidden.support.Caller")
                .should().callMethod(ConditionFactory.class, "dontCatchUncaughtExceptions")
                .check(tests);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}

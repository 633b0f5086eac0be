package threadlab.grader.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.course.Course;
import threadlab.grader.course.ExerciseModule;
import threadlab.grader.discover.GraderFiles;
import threadlab.grader.discover.HiddenTest;
import threadlab.grader.discover.HiddenTestCatalog;

/**
 * The banks name the hidden tests a wrong variant must fail by a part of the test's name. A part
 * that two tests share would let a hidden test added later take over the check, and a wrong
 * variant would then be held to a test it was never meant for; a part that no test has would
 * show only when the slow integration test runs. Both are found here, without grading anything.
 */
@DisplayName("The banks' names of the tests a wrong variant must fail")
class BankTestNamesTests {

    private static List<String> names;

    @BeforeAll
    static void discover(@TempDir Path work) throws Exception {
        names = new ArrayList<>();
        for (ExerciseModule module : Course.modules()) {
            new HiddenTestCatalog(GraderFiles.locate(work)).discover(module).stream()
                    .map(HiddenTest::fullName).forEach(names::add);
        }
    }

    /** Each part of a name the banks use, with the variant that uses it. */
    static Stream<String[]> namedTests() {
        Stream<String[]> banks = Banks.all().flatMap(variant -> variant.failing().stream()
                .map(failing -> new String[] {variant.name(), failing.test()}));
        Stream<String[]> time = KnownWrongTimeIT.variants()
                .map(variant -> new String[] {variant.misconception(), variant.failingTest()});
        return Stream.concat(banks, time);
    }

    @Test
    @DisplayName("each is a part of exactly one hidden test's name")
    void eachNamesOneTest() {
        List<String> problems = new ArrayList<>();
        namedTests().forEach(named -> {
            List<String> matching = names.stream().filter(n -> n.contains(named[1])).toList();
            if (matching.size() != 1) {
                problems.add(named[0] + ": \"" + named[1] + "\" is part of " + matching.size()
                        + " hidden tests' names" + (matching.isEmpty() ? "" : ": " + matching));
            }
        });
        assertThat(namedTests()).isNotEmpty();
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }
}

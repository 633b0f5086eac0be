package threadlab.grader.mutants;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.body.MethodDeclaration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import threadlab.grader.course.Course;
import threadlab.grader.testing.GraderProcess;

/** The mutant generator on the course's own solutions, and on small files made to show one rule. */
class MutantGeneratorTests {

    private static List<Mutant> mutants;

    @BeforeAll
    static void generate() {
        mutants = new MutantGenerator(GraderProcess.courseRoot()).all();
    }

    @Test
    @DisplayName("only files a student changes are mutated, and in them only the student's members")
    void onlyWhatAStudentWritesIsMutated() throws Exception {
        assertThat(mutants.stream().map(m -> m.file().replaceAll(".*/", "")).distinct())
                .containsExactlyInAnyOrder("PySys.java", "RaceSchedules.java", "Ref.java",
                        "SafeRefCount.java", "GlobalInterpreterLock.java", "Interpreter.java",
                        "NaiveRefCounts.java", "PyThread.java", "Sleeper.java",
                        "SleeperDemo.java");
        Path ref = GraderProcess.courseRoot().resolve(
                "solutions/module-01-refcount/src/main/java/threadlab/refcount/Ref.java");
        MethodDeclaration target = StaticJavaParser.parse(Files.readString(ref))
                .findAll(MethodDeclaration.class).stream()
                .filter(m -> m.getNameAsString().equals("target")).findFirst().orElseThrow();
        int from = target.getBegin().orElseThrow().line;
        int to = target.getEnd().orElseThrow().line;
        assertThat(mutants).filteredOn(m -> m.file().endsWith("/Ref.java"))
                .as("the provided target() is the course's, not the student's")
                .isNotEmpty().noneMatch(m -> m.line() >= from && m.line() <= to);
    }

    @Test
    @DisplayName("each mutant has a unique id, changes its file, and shows the change as a diff")
    void eachMutantIsNamedAndShown() {
        assertThat(mutants.stream().map(Mutant::id).collect(Collectors.toSet()))
                .hasSameSizeAs(mutants);
        assertThat(new MutantGenerator(GraderProcess.courseRoot()).all())
                .as("the same mutants each time").isEqualTo(mutants);
        for (Mutant mutant : mutants) {
            assertThat(mutant.id()).matches("m[123]-[A-Za-z]+-[0-9]+-[A-Z_]+-[0-9]+");
            assertThat(mutant.diff()).as(mutant.id()).startsWith("--- a/" + mutant.module()
                    .folder()).containsPattern("(?m)^[-+] ");
            assertThat(mutant.description()).as(mutant.id()).isNotBlank().doesNotContain("\n");
        }
    }

    @Test
    @DisplayName("PIT's operators make PIT's changes, in source")
    void pitOperators() {
        assertHas("SafeRefCount", Operator.CONDITIONALS_BOUNDARY, "if (seen < 0) {");
        assertHas("SafeRefCount", Operator.NEGATE_CONDITIONALS, "if (seen != 1) {");
        assertHas("SafeRefCount", Operator.MATH, "count.compareAndSet(seen, seen - 1)");
        assertHas("SafeRefCount", Operator.PRIMITIVE_RETURNS, "return 0;");
        assertHas("SleeperDemo", Operator.INCREMENTS, "i--)");
        assertHas("GlobalInterpreterLock", Operator.MATH, "switchNumber--;");
        assertHas("GlobalInterpreterLock", Operator.NEGATE_CONDITIONALS,
                "if (dropRequest) {");
        assertHas("GlobalInterpreterLock", Operator.TRUE_RETURNS, "return true;");
        assertHas("Ref", Operator.NULL_RETURNS, "return null;");
        assertHas("PyThread", Operator.EMPTY_RETURNS, "return \"\";");
        assertThat(of(Operator.VOID_METHOD_CALLS)).as("a call whose value is unused is not void")
                .noneMatch(m -> m.description().contains("started.add"))
                .anyMatch(m -> m.description().equals("removed `free.run()`"));
        assertThat(of(Operator.MATH)).as("strings are joined, not added")
                .noneMatch(m -> m.diff().contains("\"Hi, I'll be sleeping for \" -"));
    }

    @Test
    @DisplayName("the concurrency operators mutate the GIL's locks, waits, atomics and timeouts")
    void concurrencyOperators() {
        assertThat(of(Operator.WAIT_WHILE_TO_IF)).hasSize(2)
                .anyMatch(m -> m.diff().contains("+            if (holder != null) {"));
        assertThat(of(Operator.DROP_FINALLY_UNLOCK).stream()
                .filter(m -> m.file().endsWith("GlobalInterpreterLock.java"))).hasSize(4);
        assertHas("GlobalInterpreterLock", Operator.NOTIFY_ONE, "switched.signal();");
        assertHas("GlobalInterpreterLock", Operator.REMOVE_VOLATILE,
                "private boolean dropRequest;");
        assertHas("SafeRefCount", Operator.SPLIT_ATOMIC, "if (count.get() == seen) {\n"
                + "                count.set(seen + 1);");
        assertHas("PyThread", Operator.SPLIT_ATOMIC, "if (started.get() != false) {");
        assertHas("GlobalInterpreterLock", Operator.TIMEOUT,
                "released.awaitNanos(intervalNanos / 2)");
        assertHas("GlobalInterpreterLock", Operator.TIMEOUT, "switchInterval.toMillis()");
        assertHas("Interpreter", Operator.REMOVE_COURSE_CALL, "for (Step step : program) {\n"
                + "                step.run();");
        assertHas("GlobalInterpreterLock", Operator.SHRINK_CRITICAL_SECTION,
                "        }\n        return holder == Thread.currentThread();");
        assertHas("GlobalInterpreterLock", Operator.SWAP_ACROSS_LOCK,
                "        mutex.lock();\n        Thread me = Thread.currentThread();");
    }

    @Test
    @DisplayName("synchronized comes off a method and off a block, whose body stays")
    void removeSynchronized() {
        String skeleton = """
                package p;

                class Box {
                    private final Object lock = new Object();

                    void put(int v) {
                        throw new UnsupportedOperationException("Task 1");
                    }
                }
                """;
        String solution = """
                package p;

                class Box {
                    private final Object lock = new Object();
                    private int value;

                    synchronized void put(int v) {
                        value = v;
                        synchronized (lock) {
                            lock.notifyAll();
                        }
                    }
                }
                """;
        List<Mutant> made = MutantGenerator.of(Course.REFCOUNT, "p/Box.java",
                Optional.of(skeleton), solution, Set.of());

        assertThat(made).filteredOn(m -> m.operator() == Operator.REMOVE_SYNCHRONIZED)
                .extracting(Mutant::source).containsExactly(
                        solution.replace("    synchronized void", "    void"),
                        solution.replace("synchronized (lock) {", "{"));
        assertThat(made).filteredOn(m -> m.operator() == Operator.NOTIFY_ONE)
                .extracting(Mutant::id).containsExactly("m1-Box-10-NOTIFY_ONE-1");
        assertThat(made).as("the provided field is not the student's")
                .noneMatch(m -> m.line() == 4);
    }

    @Test
    @DisplayName("a diff has a hunk of the changed lines with three lines of context")
    void unifiedDiff() {
        String before = "a\nb\nc\nd\ne\nf\ng\n";
        String after = "a\nb\nc\nD\ne\nf\ng\n";

        assertThat(UnifiedDiff.of("x.txt", before, after)).isEqualTo("""
                --- a/x.txt
                +++ b/x.txt
                @@ -1,7 +1,7 @@
                 a
                 b
                 c
                -d
                +D
                 e
                 f
                 g
                """);
    }

    private static List<Mutant> of(Operator operator) {
        return mutants.stream().filter(m -> m.operator() == operator).toList();
    }

    private static void assertHas(String type, Operator operator, String mutatedText) {
        Predicate<Mutant> matches = m -> m.file().endsWith("/" + type + ".java")
                && m.operator() == operator && m.source().contains(mutatedText);
        assertThat(mutants).as("a %s mutant of %s with %s", operator, type, mutatedText)
                .anyMatch(matches);
    }
}

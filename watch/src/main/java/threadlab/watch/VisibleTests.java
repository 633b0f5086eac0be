package threadlab.watch;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a module's visible tests in the test JVM, as Maven Surefire runs them in its own: the
 * classes named {@code *Tests} or {@code *Test}, found on the JVM's class path with JUnit's
 * launcher, filtered by task tag as {@code -Dgroups=task:N} does. The launcher is made for each
 * run, so that it reads the {@code junit-platform.properties} of the module's class path.
 */
final class VisibleTests {

    private static final Pattern TASK = Pattern.compile("task:(\\d+)");

    private VisibleTests() {
    }

    /**
     * Runs the tests, as the class loader given loads them: the context class loader is that
     * loader while they run, as it is Surefire's class loader in Maven.
     *
     * @param testClasses the test classes' names
     * @param task the task whose tests run, or empty for all
     * @param loader the loader of the test classes, and of the classes they test
     * @return how each test ended, in the order they ran
     */
    static List<Outcome> run(List<String> testClasses, OptionalInt task, ClassLoader loader) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(testClasses.stream().map(c -> selectClass(loader, c)).toList());
        task.ifPresent(n -> request.filters(TagFilter.includeTags("task:" + n)));
        Collector collector = new Collector();
        Thread me = Thread.currentThread();
        ClassLoader before = me.getContextClassLoader();
        me.setContextClassLoader(loader);
        try {
            LauncherFactory.create().execute(request.build(), collector);
        } finally {
            me.setContextClassLoader(before);
        }
        return collector.outcomes;
    }

    /**
     * The test classes Surefire would run from a folder of compiled tests: those named as the
     * parent pom's {@code **}{@code /*Tests.java} and {@code **}{@code /*Test.java}, and no
     * nested class, as Surefire's default excludes {@code **}{@code /*$*}.
     *
     * @param testClasses the folder
     * @return the classes' names, sorted
     * @throws IOException if the folder cannot be read
     */
    static List<String> testClasses(Path testClasses) throws IOException {
        if (!Files.isDirectory(testClasses)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(testClasses)) {
            return walk.map(f -> testClasses.relativize(f).toString())
                    .filter(f -> f.endsWith("Tests.class") || f.endsWith("Test.class"))
                    .filter(f -> !f.contains("$"))
                    .map(f -> f.substring(0, f.length() - ".class".length())
                            .replace('\\', '.').replace('/', '.'))
                    .sorted().toList();
        }
    }

    /** Collects each test's outcome as it ends. */
    private static final class Collector implements TestExecutionListener {

        private final List<Outcome> outcomes = new ArrayList<>();
        private TestPlan plan;

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            this.plan = testPlan;
        }

        @Override
        public void executionSkipped(TestIdentifier test, String reason) {
            if (test.isTest()) {
                outcomes.add(outcome(test, Outcome.Status.SKIPPED, reason));
            }
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (!test.isTest()) {
                return;
            }
            Outcome.Status status = switch (result.getStatus()) {
                case SUCCESSFUL -> Outcome.Status.PASSED;
                case ABORTED -> Outcome.Status.SKIPPED;
                default -> Outcome.Status.FAILED;
            };
            outcomes.add(outcome(test, status, result.getThrowable().map(VisibleTests::message)
                    .orElse("")));
        }

        private Outcome outcome(TestIdentifier test, Outcome.Status status, String message) {
            TestIdentifier testClass = testClass(test);
            String className = "";
            String method = test.getDisplayName();
            Optional<TestSource> source = test.getSource();
            if (source.isPresent() && source.get() instanceof MethodSource m) {
                className = m.getClassName();
                method = m.getMethodName();
            }
            return new Outcome(className, method, test.getDisplayName(),
                    testClass.getDisplayName(), task(test.getTags(), testClass.getTags()),
                    status, message);
        }

        /** The test's class, above a parameterized or repeated test's own container. */
        private TestIdentifier testClass(TestIdentifier test) {
            TestIdentifier at = test;
            while (!(at.getSource().orElse(null) instanceof ClassSource)) {
                Optional<TestIdentifier> parent = plan.getParent(at);
                if (parent.isEmpty()) {
                    return test;
                }
                at = parent.get();
            }
            return at;
        }

        private static OptionalInt task(Set<TestTag> own, Set<TestTag> parents) {
            for (Set<TestTag> tags : List.of(own, parents)) {
                for (TestTag tag : tags) {
                    Matcher m = TASK.matcher(tag.getName());
                    if (m.matches()) {
                        return OptionalInt.of(Integer.parseInt(m.group(1)));
                    }
                }
            }
            return OptionalInt.empty();
        }
    }

    private static String message(Throwable failure) {
        String message = failure.getMessage();
        String type = failure.getClass().getName();
        return message == null || message.isBlank() ? type : type + ": " + message.strip();
    }
}

package threadlab.grader.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The build proves the visible tests run task by task, as Maven and an IDE run them: with the
 * configuration that the shared test support puts on every module's test class path.
 */
class VisibleTestsInTaskOrderTests {

    static List<ExerciseModule> modules() {
        return Course.modules();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    @DisplayName("a module's visible test classes run in the order of their task tags")
    void testClassesRunInTaskOrder(ExerciseModule module) {
        List<String> classes = new ArrayList<>();
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectPackage(module.exercisePackage()))
                    .enableImplicitConfigurationParameters(true)
                    .build(), new TestExecutionListener() {
                        @Override
                        public void executionStarted(TestIdentifier id) {
                            Optional<TestSource> source = id.getSource();
                            if (id.isContainer() && source.isPresent()
                                    && source.get() instanceof ClassSource c) {
                                classes.add(c.getClassName());
                            }
                        }
                    });
        }

        List<Integer> tasks = classes.stream().map(VisibleTestsInTaskOrderTests::task).toList();
        assertThat(tasks).as("the tasks of " + module + "'s test classes, in the order they ran: "
                + classes).isNotEmpty().isSorted();
    }

    private static int task(String className) {
        try {
            for (Tag tag : Class.forName(className).getAnnotationsByType(Tag.class)) {
                if (tag.value().startsWith("task:")) {
                    return Integer.parseInt(tag.value().substring("task:".length()));
                }
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(className + " ran but cannot be loaded", e);
        }
        return Integer.MAX_VALUE;
    }
}

package threadlab.grader.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The build proves the stubs fail: every visible test of a module, run against the untouched
 * skeleton, fails, and the student sees which task to do. A module with visible tests but none
 * that run here is a broken build, not a pass.
 */
class VisibleTestsOnTheSkeletonTests {

    static List<ExerciseModule> modules() {
        return Course.modules();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    @DisplayName("every visible test fails on the skeleton with a \"Task N:\" message")
    void everyVisibleTestFailsWithGuidance(ExerciseModule module) {
        Map<String, TestExecutionResult> results = new ConcurrentHashMap<>();
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectPackage(module.exercisePackage()))
                    .enableImplicitConfigurationParameters(false)
                    .build(), new TestExecutionListener() {
                        @Override
                        public void executionFinished(TestIdentifier id,
                                TestExecutionResult result) {
                            if (id.isTest()) {
                                results.put(id.getDisplayName(), result);
                            }
                        }
                    });
        }

        assertThat(results).as("visible tests of " + module + " found").isNotEmpty();
        List<String> wrong = new ArrayList<>();
        results.forEach((name, result) -> {
            Throwable thrown = result.getThrowable().orElse(null);
            while (thrown != null && !(thrown instanceof UnsupportedOperationException)) {
                thrown = thrown.getCause();
            }
            if (result.getStatus() != TestExecutionResult.Status.FAILED || thrown == null
                    || !String.valueOf(thrown.getMessage()).matches("Task [1-9]: .*")) {
                wrong.add(name + ": " + result);
            }
        });
        assertThat(wrong).as("visible tests that do not fail with a task's message").isEmpty();
    }
}

package threadlab.grader.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The build proves the stubs fail: every visible test of module 3, run against the untouched
 * skeleton, fails, and the student sees which task to do.
 */
class VisibleTestsOnTheSkeletonTests {

    @Test
    @DisplayName("every visible test fails on the skeleton with a \"Task N:\" message")
    void everyVisibleTestFailsWithGuidance() {
        Map<String, TestExecutionResult> results = new ConcurrentHashMap<>();
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectPackage("threadlab.threads"))
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

        assertThat(results).as("visible tests found").hasSizeGreaterThanOrEqualTo(20);
        List<String> wrong = new ArrayList<>();
        results.forEach((name, result) -> {
            Throwable thrown = result.getThrowable().orElse(null);
            while (thrown != null && !(thrown instanceof UnsupportedOperationException)) {
                thrown = thrown.getCause();
            }
            if (result.getStatus() != TestExecutionResult.Status.FAILED || thrown == null
                    || !String.valueOf(thrown.getMessage()).matches("Task [1-5]: .*")) {
                wrong.add(name + ": " + result);
            }
        });
        assertThat(wrong).as("visible tests that do not fail with a task's message").isEmpty();
    }
}

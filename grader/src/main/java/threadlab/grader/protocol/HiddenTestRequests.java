package threadlab.grader.protocol;

import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * How the grader asks JUnit for hidden tests, the same way when it lists them and when a test JVM
 * runs them: in course order, and deaf to any {@code junit-platform.properties} that a submission
 * brings along.
 */
public final class HiddenTestRequests {

    private HiddenTestRequests() {
    }

    /**
     * A request builder with the grader's settings; add selectors and build.
     *
     * @return the builder
     */
    public static LauncherDiscoveryRequestBuilder builder() {
        return LauncherDiscoveryRequestBuilder.request()
                .enableImplicitConfigurationParameters(false)
                .configurationParameter("junit.jupiter.testclass.order.default",
                        "org.junit.jupiter.api.ClassOrderer$ClassName")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false");
    }
}

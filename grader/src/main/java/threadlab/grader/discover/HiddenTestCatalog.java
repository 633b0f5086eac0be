package threadlab.grader.discover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;
import threadlab.grader.api.Points;
import threadlab.grader.course.ExerciseModule;
import threadlab.grader.failure.GraderException;
import threadlab.grader.protocol.HiddenTestRequests;
import threadlab.grader.requirements.Requirement;
import threadlab.grader.requirements.Requirements;

/**
 * Lists a module's hidden tests and their points. It reads the compiled tests against the
 * course's own API, so it knows every test, and the most a module is worth, whatever the
 * submission holds; none of the submission's code runs here.
 */
public final class HiddenTestCatalog {

    /** How a hidden test's tag names its task, as the visible tests' tags do. */
    static final String TASK_TAG = "task:";
    /** How a hidden test's tag names a rule it checks: {@code rule:R3.4}. */
    public static final String RULE_TAG = "rule:";
    /** How a hidden test's tag names a rule it observes its own through: {@code needs:R1.1}. */
    public static final String NEEDS_TAG = "needs:";

    private final GraderFiles files;

    /**
     * A catalog over the grader's files.
     *
     * @param files the hidden tests and the course API
     */
    public HiddenTestCatalog(GraderFiles files) {
        this.files = files;
    }

    /**
     * The hidden tests of a module, in the order they run.
     *
     * @param module the module
     * @return its tests
     * @throws GraderException if the grader holds no hidden tests for the module
     */
    public List<HiddenTest> discover(ExerciseModule module) throws GraderException {
        Thread current = Thread.currentThread();
        ClassLoader before = current.getContextClassLoader();
        List<URL> urls = new ArrayList<>();
        urls.add(url(files.courseApi(module)));
        module.uses().forEach(used -> urls.add(url(files.courseApi(used))));
        urls.add(url(files.hiddenTests()));
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
                HiddenTestCatalog.class.getClassLoader())) {
            current.setContextClassLoader(loader);
            LauncherDiscoveryRequest request = HiddenTestRequests.builder()
                    .selectors(DiscoverySelectors.selectPackage(module.hiddenTestPackage()))
                    .build();
            Requirements requirements = Requirements.packaged(module);
            List<HiddenTest> tests = new ArrayList<>();
            try (LauncherSession session = LauncherFactory.openSession()) {
                TestPlan plan = session.getLauncher().discover(request);
                for (TestIdentifier root : plan.getRoots()) {
                    for (TestIdentifier id : plan.getDescendants(root)) {
                        if (id.isTest()) {
                            String group = plan.getParent(id).map(TestIdentifier::getDisplayName)
                                    .orElse(module.folder());
                            String name = group + ": " + id.getDisplayName();
                            tests.add(new HiddenTest(module, id.getUniqueId(), group,
                                    id.getDisplayName(), points(id.getSource()),
                                    task(module, name, id.getTags()), Visibility.AFTER_PUBLISHED,
                                    rules(requirements, name, id.getTags(), RULE_TAG),
                                    rules(requirements, name, id.getTags(), NEEDS_TAG)));
                        }
                    }
                }
            }
            if (tests.isEmpty()) {
                throw new GraderException("The grader holds no hidden tests for "
                        + module.folder() + " (package " + module.hiddenTestPackage()
                        + "). Rebuild it with ./mvnw -q package -DskipTests -Pcourse.");
            }
            return tests;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            current.setContextClassLoader(before);
        }
    }

    /**
     * The task a hidden test checks, from its one {@code @Tag("task:N")}, on its class or its
     * method: the student's progress is counted by task, so no hidden test may go without one.
     *
     * @param module the module, for the message
     * @param test the test's name, for the message
     * @param tags the test's tags, its class's included
     * @return N
     * @throws GraderException if it has no task tag, or more than one
     */
    static int task(ExerciseModule module, String test, Set<TestTag> tags)
            throws GraderException {
        List<String> tasks = tags.stream().map(TestTag::getName)
                .filter(name -> name.startsWith(TASK_TAG)).sorted().toList();
        if (tasks.size() == 1) {
            String number = tasks.get(0).substring(TASK_TAG.length());
            if (number.matches("[1-9][0-9]{0,2}")) {
                return Integer.parseInt(number);
            }
        }
        throw new GraderException("The hidden test \"" + test + "\" of " + module.folder()
                + " has " + (tasks.isEmpty() ? "no task tag" : "the task tags " + tasks)
                + ": give its class or method one @Tag(\"task:N\"), N the number of a"
                + " \"## Task N\" in " + module.folder() + "/HINTS.md, then rebuild the grader.");
    }

    /**
     * The rules a hidden test checks, from its {@code @Tag("rule:R3.4")} tags, or those it needs,
     * from its {@code @Tag("needs:R1.1")} tags, in id order.
     *
     * @param requirements the module's rules
     * @param test the test's name, for the message
     * @param tags the test's tags
     * @param prefix {@link #RULE_TAG} or {@link #NEEDS_TAG}
     * @return the rules; none for a test without such tags
     * @throws GraderException if a tag names a rule the module's file does not have
     */
    static List<Requirement> rules(Requirements requirements, String test, Set<TestTag> tags,
            String prefix) throws GraderException {
        List<Requirement> rules = new ArrayList<>();
        for (String id : tags.stream().map(TestTag::getName)
                .filter(name -> name.startsWith(prefix))
                .map(name -> name.substring(prefix.length())).sorted().toList()) {
            rules.add(requirements.rule(id).orElseThrow(() -> new GraderException(
                    "The hidden test \"" + test + "\" names the rule " + id + ", which "
                    + requirements.source() + " does not have: add the rule there, or fix"
                    + " the test's @Tag(\"" + prefix + id + "\"), then rebuild the grader.")));
        }
        return rules;
    }

    private static int points(Optional<TestSource> source) {
        if (source.isPresent() && source.get() instanceof MethodSource) {
            Method method = ((MethodSource) source.get()).getJavaMethod();
            Points points = method.getAnnotation(Points.class);
            if (points != null) {
                return points.value();
            }
        }
        return 1;
    }

    private static URL url(java.nio.file.Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path.toString(), e);
        }
    }
}

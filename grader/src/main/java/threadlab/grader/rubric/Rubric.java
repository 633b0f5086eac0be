package threadlab.grader.rubric;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.UniqueId;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import threadlab.grader.course.Course;
import threadlab.grader.course.ExerciseModule;
import threadlab.grader.discover.HiddenTest;
import threadlab.grader.discover.Visibility;
import threadlab.grader.failure.GraderException;

/**
 * What each hidden test is worth and when Gradescope shows a student its result, read from a
 * YAML file. Every setting is optional: a test the rubric leaves out is worth its
 * {@code @Points} (1 where it has none), and its result is shown as its module's
 * {@code visibility} says, or else as the top-level one, which is {@code after_published} unless
 * set.
 *
 * <pre>{@code
 * visibility: after_published
 * modules:
 *   module-03-threads:
 *     visibility: visible
 *     tests:
 *       Task1SleeperHiddenTests.sleepsForTheRequestedSeconds: {points: 2, visibility: hidden}
 * }</pre>
 *
 * <p>A test's key is its hidden test class's simple name and its method's name, which stay the
 * same when a test's display name is reworded. {@link #render} writes a complete rubric, every
 * test listed, for an instructor to start from.
 */
public final class Rubric {

    /** Where the grader's jar keeps the rubric it was built with. */
    static final String PACKAGED = "/threadlab/grader/rubric/rubric.yaml";
    /** The visibility of a test that no setting names. */
    public static final Visibility DEFAULT_VISIBILITY = Visibility.AFTER_PUBLISHED;

    private static final String VISIBILITY = "visibility";
    private static final String MODULES = "modules";
    private static final String TESTS = "tests";
    private static final String POINTS = "points";
    private static final String LIST_TESTS = "Run java -jar grader/target/grader.jar rubric to"
            + " print a rubric that lists every test's key.";

    private final String source;
    private final Visibility visibility;
    private final Map<String, ModuleRule> modules;

    /** A module's settings: its default visibility, if set, and its tests' settings. */
    private record ModuleRule(Visibility visibility, Map<String, TestRule> tests) {
    }

    /** A test's settings, each {@code null} where not set, and the line that names the test. */
    private record TestRule(Integer points, Visibility visibility, int line) {
    }

    /** A value of the file, with the line it is on. */
    private record Node(Object value, int line) {
    }

    private Rubric(String source, Visibility visibility, Map<String, ModuleRule> modules) {
        this.source = source;
        this.visibility = visibility;
        this.modules = modules;
    }

    /**
     * The rubric that sets nothing: every test worth its {@code @Points}, every result shown
     * after the grades are published.
     *
     * @return the rubric
     */
    public static Rubric defaults() {
        return new Rubric("the default rubric", null, Map.of());
    }

    /**
     * The rubric the grader was built with, from {@code grader/rubric.yaml}.
     *
     * @return the rubric
     * @throws GraderException if the grader's jar lacks it or it is broken
     */
    public static Rubric packaged() throws GraderException {
        try (InputStream in = Rubric.class.getResourceAsStream(PACKAGED)) {
            if (in == null) {
                throw new GraderException("The grader holds no rubric (" + PACKAGED + " is"
                        + " missing). Rebuild it with ./mvnw -q package -DskipTests -Pcourse.");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "the grader's built-in rubric (grader/rubric.yaml)");
        } catch (IOException e) {
            throw new GraderException("Could not read the grader's built-in rubric: " + e
                    + ". Rebuild it with ./mvnw -q package -DskipTests -Pcourse.", e);
        }
    }

    /**
     * Reads a rubric file.
     *
     * @param file the file
     * @return the rubric
     * @throws RubricException if it is missing, unreadable or malformed, saying where and why
     */
    public static Rubric read(Path file) throws RubricException {
        if (!Files.isRegularFile(file)) {
            throw new RubricException("The rubric " + file + (Files.exists(file)
                    ? " is not a file." : " does not exist.") + " Name a rubric file; write one"
                    + " to start from with java -jar grader/target/grader.jar rubric >"
                    + " rubric.yaml.");
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new RubricException("The rubric " + file + " could not be read (" + e
                    + "). Check that it is a readable text file in UTF-8.");
        }
    }

    /**
     * Reads a rubric from its text.
     *
     * @param text the YAML
     * @param source what to call it in messages, such as its file's name
     * @return the rubric
     * @throws RubricException if it is malformed, saying on which line and why
     */
    public static Rubric parse(String text, String source) throws RubricException {
        Node root;
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            JsonToken first = parser.nextToken();
            root = first == null ? new Node(null, 1) : node(parser, source);
        } catch (JsonProcessingException e) {
            String problem = e.getOriginalMessage().lines().findFirst().orElse("").trim();
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
                problem = yaml.getProblem();
                line = yaml.getProblemMark() == null ? line : yaml.getProblemMark().getLine() + 1;
            }
            throw new RubricException(at(source, line) + "this is not valid YAML (" + problem
                    + "). Indent with spaces, not tabs, end each key with a colon, and compare"
                    + " with the rubric that java -jar grader/target/grader.jar rubric prints.");
        } catch (IOException e) {
            throw new RubricException(source + " could not be read: " + e);
        }
        if (root.value() == null) {
            return new Rubric(source, null, Map.of());
        }
        Map<String, Node> top = mapping(root, source, "a rubric",
                Set.of(VISIBILITY, MODULES));
        Visibility visibility = visibility(top.get(VISIBILITY), source, "the top-level");
        Map<String, ModuleRule> modules = new LinkedHashMap<>();
        Node modulesNode = top.get(MODULES);
        if (modulesNode != null && modulesNode.value() != null) {
            Map<String, Node> byFolder = mapping(modulesNode, source, MODULES, null);
            for (Map.Entry<String, Node> entry : byFolder.entrySet()) {
                String folder = entry.getKey();
                if (Course.modules().stream().noneMatch(m -> m.folder().equals(folder))) {
                    throw new RubricException(at(source, entry.getValue().line())
                            + "the course has no module \"" + folder + "\". Its modules are "
                            + Course.modules().stream().map(ExerciseModule::folder)
                                    .collect(Collectors.joining(", ")) + ".");
                }
                modules.put(folder, module(entry.getValue(), source, folder));
            }
        }
        return new Rubric(source, visibility, modules);
    }

    private static ModuleRule module(Node node, String source, String folder)
            throws RubricException {
        if (node.value() == null) {
            return new ModuleRule(null, Map.of());
        }
        Map<String, Node> settings = mapping(node, source, folder, Set.of(VISIBILITY, TESTS));
        Visibility visibility = visibility(settings.get(VISIBILITY), source, folder + "'s");
        Map<String, TestRule> tests = new LinkedHashMap<>();
        Node testsNode = settings.get(TESTS);
        if (testsNode != null && testsNode.value() != null) {
            for (Map.Entry<String, Node> test : mapping(testsNode, source, folder + "'s tests",
                    null).entrySet()) {
                tests.put(test.getKey(), test(test.getKey(), test.getValue(), source));
            }
        }
        return new ModuleRule(visibility, tests);
    }

    private static TestRule test(String key, Node node, String source) throws RubricException {
        if (node.value() == null) {
            return new TestRule(null, null, node.line());
        }
        Map<String, Node> settings = mapping(node, source, "the test " + key,
                Set.of(POINTS, VISIBILITY));
        Integer points = null;
        Node pointsNode = settings.get(POINTS);
        if (pointsNode != null && pointsNode.value() != null) {
            if (!(pointsNode.value() instanceof Integer value) || value < 0) {
                throw new RubricException(at(source, pointsNode.line()) + "the points of " + key
                        + " are " + shown(pointsNode.value()) + "; write a whole number of 0 or"
                        + " more (0 shows the test's result but counts nothing).");
            }
            points = value;
        }
        return new TestRule(points, visibility(settings.get(VISIBILITY), source, key + "'s"),
                node.line());
    }

    private static Visibility visibility(Node node, String source, String whose)
            throws RubricException {
        if (node == null || node.value() == null) {
            return null;
        }
        String word = node.value() instanceof String text ? text : null;
        if (word == null || Visibility.of(word).isEmpty()) {
            throw new RubricException(at(source, node.line()) + whose + " visibility is "
                    + shown(node.value()) + ", which Gradescope does not know; write one of "
                    + Visibility.words() + ".");
        }
        return Visibility.of(word).get();
    }

    /** A mapping's entries, with only the keys allowed, if {@code allowed} names them. */
    @SuppressWarnings("unchecked")
    private static Map<String, Node> mapping(Node node, String source, String what,
            Set<String> allowed) throws RubricException {
        if (!(node.value() instanceof Map)) {
            throw new RubricException(at(source, node.line()) + what + " should be a mapping"
                    + " (keys, each followed by a colon" + (allowed == null ? ""
                            : ": " + String.join(", ", allowed.stream().sorted().toList()))
                    + "), but it is " + shown(node.value()) + ".");
        }
        Map<String, Node> entries = (Map<String, Node>) node.value();
        if (allowed != null) {
            for (Map.Entry<String, Node> entry : entries.entrySet()) {
                if (!allowed.contains(entry.getKey())) {
                    throw new RubricException(at(source, entry.getValue().line())
                            + "unknown key \"" + entry.getKey() + "\" in " + what + "; it takes "
                            + String.join(", ", allowed.stream().sorted().toList()) + ".");
                }
            }
        }
        return entries;
    }

    /** Reads the value at the parser's current token, with the line it starts on. */
    private static Node node(JsonParser parser, String source) throws IOException,
            RubricException {
        JsonToken token = parser.currentToken();
        int line = parser.currentTokenLocation().getLineNr();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Node> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = parser.currentTokenLocation().getLineNr();
                    parser.nextToken();
                    Node value = node(parser, source);
                    if (map.containsKey(key)) {
                        throw new RubricException(at(source, keyLine) + "\"" + key + "\" is set"
                                + " twice here (also on line " + map.get(key).line() + "); keep"
                                + " one of them.");
                    }
                    map.put(key, new Node(value.value(), keyLine));
                }
                return new Node(map, line);
            }
            case START_ARRAY -> {
                List<Node> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(node(parser, source));
                }
                return new Node(list, line);
            }
            case VALUE_STRING -> {
                return new Node(parser.getText(), line);
            }
            case VALUE_NUMBER_INT -> {
                return new Node(parser.getNumberType() == JsonParser.NumberType.INT
                        ? (Object) parser.getIntValue() : parser.getNumberValue(), line);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Node(parser.getNumberValue(), line);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Node(parser.getBooleanValue(), line);
            }
            case VALUE_NULL -> {
                return new Node(null, line);
            }
            default -> throw new RubricException(at(source, line) + "unexpected " + token
                    + "; compare with the rubric that java -jar grader/target/grader.jar rubric"
                    + " prints.");
        }
    }

    private static String shown(Object value) {
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof String text) {
            return "\"" + text + "\"";
        }
        return String.valueOf(value);
    }

    private static String at(String source, int line) {
        return source + (line > 0 ? " line " + line : "") + ": ";
    }

    /**
     * The tests with the points and visibility this rubric gives them.
     *
     * @param plan the hidden tests as discovered, module by module
     * @return the same tests, in the same order, as the rubric sets them
     * @throws RubricException if the rubric names a test the grader does not have
     */
    public Map<ExerciseModule, List<HiddenTest>> apply(Map<ExerciseModule, List<HiddenTest>> plan)
            throws RubricException {
        Map<ExerciseModule, List<HiddenTest>> applied = new LinkedHashMap<>();
        for (Map.Entry<ExerciseModule, List<HiddenTest>> entry : plan.entrySet()) {
            ExerciseModule module = entry.getKey();
            ModuleRule rule = modules.getOrDefault(module.folder(), new ModuleRule(null,
                    Map.of()));
            Set<String> keys = entry.getValue().stream().map(Rubric::key)
                    .collect(Collectors.toSet());
            for (Map.Entry<String, TestRule> named : rule.tests().entrySet()) {
                if (!keys.contains(named.getKey())) {
                    throw new RubricException(at(source, named.getValue().line())
                            + module.folder() + " has no hidden test \"" + named.getKey()
                            + "\". A test's key is its class's simple name, a dot and its"
                            + " method's name. " + LIST_TESTS);
                }
            }
            Visibility moduleVisibility = rule.visibility() != null ? rule.visibility()
                    : visibility != null ? visibility : DEFAULT_VISIBILITY;
            List<HiddenTest> tests = new ArrayList<>();
            for (HiddenTest test : entry.getValue()) {
                TestRule set = rule.tests().get(key(test));
                int points = set != null && set.points() != null ? set.points() : test.points();
                Visibility shown = set != null && set.visibility() != null ? set.visibility()
                        : moduleVisibility;
                tests.add(test.graded(points, shown));
            }
            applied.put(module, List.copyOf(tests));
        }
        return applied;
    }

    /**
     * A test's key in a rubric: its class's simple name (with any nested class's), a dot, and
     * its method's name, such as {@code Task1SleeperHiddenTests.sleepsForTheRequestedSeconds}.
     *
     * @param test the test
     * @return the key
     */
    public static String key(HiddenTest test) {
        List<String> parts = new ArrayList<>();
        try {
            for (UniqueId.Segment segment : UniqueId.parse(test.uniqueId()).getSegments()) {
                String value = segment.getValue();
                switch (segment.getType()) {
                    case "class" -> parts.add(value.substring(value.lastIndexOf('.') + 1));
                    case "nested-class" -> parts.add(value);
                    case "method" -> parts.add(value.contains("(")
                            ? value.substring(0, value.indexOf('(')) : value);
                    default -> {
                    }
                }
            }
        } catch (RuntimeException e) {
            // Not a JUnit id: the id itself is the key.
        }
        return parts.isEmpty() ? test.uniqueId() : String.join(".", parts);
    }

    /**
     * This rubric written out whole: every test of the plan listed with its points, and its
     * visibility where the rubric sets one, each under a comment with its name in the reports.
     * Read back, it gives every test the same points and visibility.
     *
     * @param plan the hidden tests as discovered, with their {@code @Points}
     * @return the YAML
     * @throws RubricException if the rubric names a test the grader does not have
     */
    public String render(Map<ExerciseModule, List<HiddenTest>> plan) throws RubricException {
        Map<ExerciseModule, List<HiddenTest>> applied = apply(plan);
        StringBuilder out = new StringBuilder();
        out.append("""
                # The threadlab rubric: what each hidden test is worth, and when Gradescope shows
                # a student its result. Grade with it: java -jar grader.jar grade --rubric FILE,
                # or build a Gradescope autograder with it: java -jar grader.jar gradescope OUT
                # --rubric FILE.
                #
                # visibility is one of visible (at once), hidden (never; instructors only),
                # after_due_date, after_published (once grades are published). A test without
                # its own visibility takes its module's, or else the one at the top.
                # points is a whole number of 0 or more. A test left out of this file is worth
                # its @Points in the hidden tests (shown below as "default").
                """);
        out.append(VISIBILITY).append(": ")
                .append((visibility != null ? visibility : DEFAULT_VISIBILITY).word())
                .append('\n');
        out.append(MODULES).append(":\n");
        for (Map.Entry<ExerciseModule, List<HiddenTest>> entry : applied.entrySet()) {
            String folder = entry.getKey().folder();
            ModuleRule rule = modules.getOrDefault(folder, new ModuleRule(null, Map.of()));
            int total = entry.getValue().stream().mapToInt(HiddenTest::points).sum();
            out.append("  # ").append(entry.getValue().size()).append(" tests, ").append(total)
                    .append(" points\n");
            out.append("  ").append(folder).append(":\n");
            if (rule.visibility() != null) {
                out.append("    ").append(VISIBILITY).append(": ")
                        .append(rule.visibility().word()).append('\n');
            }
            out.append("    ").append(TESTS).append(":\n");
            List<HiddenTest> discovered = plan.get(entry.getKey());
            for (int i = 0; i < entry.getValue().size(); i++) {
                HiddenTest test = entry.getValue().get(i);
                TestRule set = rule.tests().get(key(test));
                out.append("      # ").append(oneLine(test.fullName())).append(" (default ")
                        .append(discovered.get(i).points()).append(")\n");
                out.append("      ").append(yamlKey(key(test))).append(": {").append(POINTS)
                        .append(": ").append(test.points());
                if (set != null && set.visibility() != null) {
                    out.append(", ").append(VISIBILITY).append(": ")
                            .append(set.visibility().word());
                }
                out.append("}\n");
            }
        }
        return out.toString();
    }

    /** A key as YAML reads it back: plain where it is a Java name, else quoted. */
    private static String yamlKey(String key) {
        return key.matches("[A-Za-z_$][A-Za-z0-9_$.]*") ? key
                : "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /**
     * What to call this rubric in messages: its file, or the grader's own.
     *
     * @return the name
     */
    public String source() {
        return source;
    }
}

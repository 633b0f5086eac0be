package threadlab.grader.requirements;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Optional;
import java.util.regex.Pattern;
import threadlab.grader.course.ExerciseModule;
import threadlab.grader.failure.GraderException;

/**
 * A module's rules, from its {@code requirements.yaml}: each rule the tasks state, and the
 * sentences that read like rules but are not.
 *
 * <pre>{@code
 * rules:
 *   - id: R3.2
 *     stated:
 *       - sentence: A zero or negative timeout returns at once.
 *         where: README.md, Task 3
 *     check: join(0 s) and join(-1 s) return while the target still runs.
 * notRules:
 *   - sentence: No test waits five real seconds.
 *     where: README.md, Task 1
 *     why: It says what the tests do, not what the code must do.
 * }</pre>
 *
 * <p>The grader's jar holds each module's file, so that a report can quote the rule a failed
 * test checks.
 */
public final class Requirements {

    /** The file's name, in each module's folder. */
    public static final String FILE = "requirements.yaml";

    private static final Pattern ID = Pattern.compile("R[1-9][0-9]?\\.[1-9][0-9]?");
    private static final String PACKAGED = "/threadlab/grader/requirements/";

    private final String source;
    private final Map<String, Requirement> rules;
    private final List<NotARule> notRules;

    private Requirements(String source, Map<String, Requirement> rules, List<NotARule> notRules) {
        this.source = source;
        this.rules = rules;
        this.notRules = notRules;
    }

    /**
     * The rules of a module as the grader was built with them.
     *
     * @param module the module
     * @return its rules
     * @throws GraderException if the grader's jar holds no readable file for it
     */
    public static Requirements packaged(ExerciseModule module) throws GraderException {
        String name = PACKAGED + module.folder() + "/" + FILE;
        try (InputStream in = Requirements.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new GraderException("The grader holds no rules for " + module.folder()
                        + " (" + name + "). Rebuild it with ./mvnw -q package -DskipTests"
                        + " -Pcourse.");
            }
            return parse(module.folder() + "/" + FILE,
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new GraderException("Could not read " + name + " from the grader: " + e, e);
        }
    }

    /**
     * The rules in a module's folder.
     *
     * @param file the module's {@code requirements.yaml}
     * @return its rules
     * @throws GraderException if the file is missing or not as described above
     */
    public static Requirements read(Path file) throws GraderException {
        try {
            return parse(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new GraderException("Could not read " + file + ": " + e + ". Each exercise"
                    + " module needs its " + FILE + " next to its README.md.", e);
        }
    }

    /**
     * Parses a requirements file.
     *
     * @param source the file's name, for messages
     * @param text the file's text
     * @return its rules
     * @throws GraderException if the text is not as described above
     */
    public static Requirements parse(String source, String text) throws GraderException {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
            throw new GraderException(source + line + " is not valid YAML: "
                    + e.getOriginalMessage() + ". Fix the file and rebuild the grader.", e);
        }
        Lines lines = new Lines(source, text);
        Map<String, Requirement> rules = new LinkedHashMap<>();
        for (JsonNode rule : list(root, "rules")) {
            String id = rule.path("id").asText("");
            int line = lines.next("id:");
            if (!ID.matcher(id).matches()) {
                throw lines.problem(line, "the rule id \"" + id + "\" is not R<task>.<n>,"
                        + " such as R3.4");
            }
            if (rules.containsKey(id)) {
                throw lines.problem(line, "the rule id " + id + " is used twice");
            }
            List<Statement> stated = new ArrayList<>();
            for (JsonNode statement : list(rule, "stated")) {
                stated.add(statement(statement, lines));
            }
            if (stated.isEmpty()) {
                throw lines.problem(line, "rule " + id + " quotes no sentence: give it a"
                        + " \"stated\" list of sentence and where");
            }
            String check = text(rule, "check", lines, line);
            rules.put(id, new Requirement(id, stated, check, line));
        }
        List<NotARule> notRules = new ArrayList<>();
        for (JsonNode notRule : list(root, "notRules")) {
            Statement statement = statement(notRule, lines);
            notRules.add(new NotARule(statement, text(notRule, "why", lines,
                    statement.line())));
        }
        return new Requirements(source, rules, notRules);
    }

    private static Statement statement(JsonNode node, Lines lines) throws GraderException {
        int line = lines.next("sentence:");
        return new Statement(text(node, "sentence", lines, line),
                text(node, "where", lines, line), line);
    }

    private static String text(JsonNode node, String field, Lines lines, int line)
            throws GraderException {
        String value = node.path(field).asText("").strip();
        if (value.isEmpty()) {
            throw lines.problem(line, "\"" + field + "\" is missing or empty");
        }
        return value;
    }

    private static List<JsonNode> list(JsonNode node, String field) {
        List<JsonNode> items = new ArrayList<>();
        node.path(field).forEach(items::add);
        return items;
    }

    /**
     * The file the rules were read from.
     *
     * @return its name
     */
    public String source() {
        return source;
    }

    /**
     * Every rule, in the file's order.
     *
     * @return the rules
     */
    public List<Requirement> rules() {
        return List.copyOf(rules.values());
    }

    /**
     * The sentences that read like rules and are not.
     *
     * @return them, each with its reason
     */
    public List<NotARule> notRules() {
        return List.copyOf(notRules);
    }

    /**
     * A rule by its id.
     *
     * @param id such as {@code R3.4}
     * @return the rule, if the file has it
     */
    public Optional<Requirement> rule(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    /** The file's lines, read in order, so that each value is found on its own line. */
    private static final class Lines {
        private final String source;
        private final List<String> lines;
        private int next;

        Lines(String source, String text) {
            this.source = source;
            this.lines = text.lines().toList();
        }

        /** The number of the next line that holds {@code key}, 1-based. */
        int next(String key) {
            while (next < lines.size()) {
                String line = lines.get(next++).strip();
                if (line.startsWith(key) || line.startsWith("- " + key)) {
                    return next;
                }
            }
            return lines.size();
        }

        GraderException problem(int line, String what) {
            return new GraderException(source + ":" + line + ": " + what + ". Fix the file"
                    + " and rebuild the grader.");
        }
    }
}

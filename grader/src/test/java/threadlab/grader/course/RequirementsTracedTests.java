package threadlab.grader.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import threadlab.grader.discover.GraderFiles;
import threadlab.grader.discover.HiddenTest;
import threadlab.grader.discover.HiddenTestCatalog;
import threadlab.grader.requirements.NotARule;
import threadlab.grader.requirements.Requirement;
import threadlab.grader.requirements.Requirements;
import threadlab.grader.requirements.Statement;

/**
 * Every rule a task states has a hidden test, and the build checks it. Each module's
 * {@code requirements.yaml} lists the rules its tasks state, each quoting its sentence and where
 * it is; each hidden test names the rules it checks with {@code @Tag("rule:R3.4")}. The build
 * fails, naming the file, the line and what to do, when:
 *
 * <ul>
 *   <li>a rule has no hidden test;
 *   <li>a hidden test names a rule the module's file does not have, or names none;
 *   <li>a rule's quoted sentence is no longer in the task text where the file says it is;
 *   <li>a sentence of the task text reads like a rule and is neither (part of) a rule's sentence
 *       nor listed under {@code notRules} with its reason.
 * </ul>
 *
 * <p>The task text is the {@code ### Task N} sections of the module's README.md and the Javadoc
 * comments of its skeleton that say {@code Task N}, their block tags included (see
 * {@link TaskText}). A sentence reads like a rule when it holds one of these words or phrases:
 * must, throw, throws, returns, never, at once, exactly, only, always, at most, at least, each,
 * every, until, wait, waits, whichever, without, refuse, refuses, do not. Sentences are compared
 * after markup is taken out, whitespace made single and letters made lower case.
 */
class RequirementsTracedTests {

    /** The words that make a sentence read like a rule; the class comment lists them too. */
    static final Pattern RULE_WORDS = Pattern.compile("\\b(must|throws?|returns|never|at once"
            + "|exactly|only|always|at most|at least|each|every|until|waits?|whichever|without"
            + "|refuses?|do not)\\b");

    private static final Pattern TEST_ANNOTATION = Pattern.compile(
            "^\\s*@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b");
    private static final Pattern RULE_TAG = Pattern.compile(
            "@Tag\\(\"" + HiddenTestCatalog.RULE_TAG + "([^\"]*)\"\\)");
    private static final Pattern METHOD = Pattern.compile("\\b(\\w+)\\s*\\(");
    private static final Pattern TASK_IN_WHERE = Pattern.compile("\\bTask ([0-9]+)\\b");

    private static final Path ROOT = Path.of(System.getProperty("threadlab.root", ".."))
            .toAbsolutePath().normalize();

    /** A hidden test method as its source declares it, with the rules its tags name. */
    record TestMethod(Path file, int line, String name, Map<String, Integer> rules) {
        String at() {
            return ROOT.relativize(file) + ":" + line;
        }
    }

    static List<ExerciseModule> modules() {
        return Course.modules();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    @DisplayName("every rule of a module has a hidden test that names it")
    void everyRuleHasATest(ExerciseModule module) throws Exception {
        Requirements requirements = requirements(module);
        List<TestMethod> tests = hiddenTests(module);
        List<String> problems = new ArrayList<>();
        for (Requirement rule : requirements.rules()) {
            if (tests.stream().noneMatch(t -> t.rules().containsKey(rule.id()))) {
                problems.add(requirements.source() + ":" + rule.line() + ": rule " + rule.id()
                        + " has no hidden test. Tag the test that fails when this rule alone is"
                        + " broken with @Tag(\"rule:" + rule.id() + "\") in " + hiddenFolder(module)
                        + ", or write one there.");
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    @DisplayName("every hidden test of a module names at least one rule, and only rules it has")
    void everyTestNamesKnownRules(ExerciseModule module) throws Exception {
        Requirements requirements = requirements(module);
        List<String> problems = new ArrayList<>();
        for (TestMethod test : hiddenTests(module)) {
            if (test.rules().isEmpty()) {
                problems.add(test.at() + ": the hidden test " + test.name() + "() names no rule."
                        + " Add @Tag(\"rule:R<task>.<n>\") for each rule of "
                        + requirements.source() + " that it checks; if it checks none, add the"
                        + " rule to the task text and the file first.");
            }
            test.rules().forEach((id, line) -> {
                if (requirements.rule(id).isEmpty()) {
                    problems.add(ROOT.relativize(test.file()) + ":" + line + ": the hidden test "
                            + test.name() + "() names the rule " + id + ", which "
                            + requirements.source() + " does not have. Fix the tag, or add the"
                            + " rule to the file.");
                }
            });
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    @DisplayName("every rule's quoted sentence is still in the task text where it says")
    void everyQuoteIsInTheTaskText(ExerciseModule module) throws Exception {
        Requirements requirements = requirements(module);
        List<TaskText.Sentence> text = taskText(module);
        List<String> problems = new ArrayList<>();
        List<Statement> statements = new ArrayList<>();
        requirements.rules().forEach(rule -> statements.addAll(rule.stated()));
        requirements.notRules().forEach(notRule -> statements.add(notRule.statement()));
        for (Statement statement : statements) {
            if (text.stream().noneMatch(s -> quotes(statement, s))) {
                problems.add(requirements.source() + ":" + statement.line() + ": \""
                        + statement.sentence() + "\" is not in the task text of "
                        + statement.where() + ". Quote the sentence as the task states it now"
                        + " (markup may be left out), or remove it if the task no longer says"
                        + " it.");
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    @DisplayName("every task sentence that reads like a rule is a rule, or says why not")
    void everyRuleLikeSentenceIsARule(ExerciseModule module) throws Exception {
        Requirements requirements = requirements(module);
        List<Statement> statements = new ArrayList<>();
        requirements.rules().forEach(rule -> statements.addAll(rule.stated()));
        requirements.notRules().stream().map(NotARule::statement).forEach(statements::add);
        List<String> problems = new ArrayList<>();
        for (TaskText.Sentence sentence : taskText(module)) {
            Matcher word = RULE_WORDS.matcher(TaskText.normalise(sentence.text()));
            if (word.find() && statements.stream().noneMatch(s -> quotes(s, sentence))) {
                problems.add(ROOT.relativize(sentence.file()) + ":" + sentence.line() + ": \""
                        + sentence.text() + "\" reads like a rule (\"" + word.group() + "\"),"
                        + " but no rule of " + requirements.source() + " quotes it. Add a rule"
                        + " that quotes it, with a hidden test, or list it under notRules with"
                        + " the reason it asks nothing of the student's code.");
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    @DisplayName("the grader reads each hidden test's rules as it discovers the test")
    void discoveryCarriesTheRules(ExerciseModule module, @TempDir Path work) throws Exception {
        List<HiddenTest> tests = new HiddenTestCatalog(GraderFiles.locate(work)).discover(module);
        assertThat(tests).as("the hidden tests of %s without a rule", module)
                .filteredOn(test -> test.rules().isEmpty()).extracting(HiddenTest::fullName)
                .isEmpty();
        assertThat(tests).as("the hidden tests of %s that check a rule of a later task: a"
                + " student who has done the test's task cannot pass it", module)
                .filteredOn(test -> test.rules().stream().anyMatch(r -> r.task() > test.task()))
                .extracting(HiddenTest::fullName).isEmpty();
    }

    /** Whether a statement quotes (part of) a sentence, in the file and task it names. */
    private static boolean quotes(Statement statement, TaskText.Sentence sentence) {
        if (!sentence.file().getFileName().toString().equals(statement.file())) {
            return false;
        }
        Matcher task = TASK_IN_WHERE.matcher(statement.where());
        if (statement.file().equals("README.md") && task.find()
                && Integer.parseInt(task.group(1)) != sentence.task()) {
            return false;
        }
        return TaskText.normalise(sentence.text()).contains(
                TaskText.normalise(statement.sentence()));
    }

    private static Requirements requirements(ExerciseModule module) throws Exception {
        String file = module.folder() + "/" + Requirements.FILE;
        return Requirements.parse(file, Files.readString(ROOT.resolve(file)));
    }

    private static List<TaskText.Sentence> taskText(ExerciseModule module) throws IOException {
        Path folder = ROOT.resolve(module.folder());
        List<TaskText.Sentence> sentences = new ArrayList<>(TaskText.readme(
                folder.resolve("README.md")));
        try (Stream<Path> sources = Files.walk(folder.resolve(module.sourceFolder()
                .substring(module.folder().length() + 1)))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).sorted()
                    .toList()) {
                sentences.addAll(TaskText.javadoc(source));
            }
        }
        return sentences;
    }

    private static String hiddenFolder(ExerciseModule module) {
        return "grader/src/hidden/java/" + module.hiddenTestPackage().replace('.', '/') + "/";
    }

    /** The hidden test methods of a module, read from their sources. */
    static List<TestMethod> hiddenTests(ExerciseModule module) throws IOException {
        List<TestMethod> tests = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve(hiddenFolder(module)))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted()
                    .toList()) {
                tests.addAll(testMethods(file));
            }
        }
        return tests;
    }

    private static List<TestMethod> testMethods(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<TestMethod> tests = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!TEST_ANNOTATION.matcher(lines.get(i)).find()) {
                continue;
            }
            int start = i;
            Map<String, Integer> rules = new TreeMap<>();
            Optional<String> name = Optional.empty();
            for (; i < lines.size() && name.isEmpty(); i++) {
                String line = lines.get(i).strip();
                Matcher tag = RULE_TAG.matcher(line);
                while (tag.find()) {
                    rules.put(tag.group(1), i + 1);
                }
                if (!line.startsWith("@") && !line.startsWith("+") && !line.startsWith("\"")) {
                    Matcher method = METHOD.matcher(line);
                    name = method.find() ? Optional.of(method.group(1)) : Optional.of(line);
                }
            }
            i--;
            tests.add(new TestMethod(file, start + 1, name.orElse("?"), rules));
        }
        return tests;
    }
}

package threadlab.grader.mutants;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import threadlab.grader.course.ExerciseModule;
import threadlab.grader.failure.GraderException;
import threadlab.grader.requirements.Requirement;
import threadlab.grader.requirements.Requirements;

/**
 * The likely-cause figure: of the killed mutants, how many were told their own misconception.
 * A mutant's first failed test (in the order the report lists them, which is the order a student
 * reads) is judged by the likely cause in its verdict ({@code extra_data.verdict.likely_cause}
 * of {@code results.json}):
 * <ul>
 *   <li>a concurrency operator's mutant is told its misconception when the likely cause says it
 *       in the course's words ({@link Operator#names()}: "volatile" for a volatile removed, "two
 *       steps" or "read and then a write" for an atomic update split, "notify" or "every waiter"
 *       for one waiter woken, and so on);</li>
 *   <li>a PIT operator's mutant breaks a method, not a concurrency rule: it is told its
 *       misconception when the likely cause names the method, or a name on the lines the mutant
 *       changed (the call it removed, the field it returns wrong), or when the test names a rule
 *       whose sentence names the method (the report then leads with that rule).</li>
 * </ul>
 * A failed test with no likely cause (a plain exception, a timeout with no rule) names nothing.
 */
public final class LikelyCauses {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> KEYWORDS = Set.of("return", "while", "throw", "final",
            "synchronized", "volatile", "this", "true", "false", "null", "else", "break",
            "continue", "void", "long", "boolean", "static", "private", "public", "finally",
            "catch", "String", "Override");

    private LikelyCauses() {
    }

    /**
     * How one killed mutant was told.
     *
     * @param id the mutant's (or variant's) id
     * @param module the module's folder
     * @param expected the misconception it stands for
     * @param test the name of its first failed test
     * @param said what that test said: its likely cause, or its kind and what happened
     * @param named whether the likely cause names the misconception
     */
    public record Judgement(String id, String module, String expected, String test, String said,
            boolean named) {
    }

    /**
     * Judges a killed mutant by its grade.
     *
     * @param mutant the mutant
     * @param results its {@code results.json}
     * @param courseRoot the course, for the rules' sentences
     * @return the judgement, or empty if no test of its module failed
     * @throws GraderException if the module's requirements cannot be read
     */
    public static Optional<Judgement> judge(Mutant mutant, JsonNode results, Path courseRoot)
            throws GraderException {
        Optional<JsonNode> failed = firstFailure(results, mutant.module().folder());
        if (failed.isEmpty()) {
            return Optional.empty();
        }
        JsonNode verdict = failed.get().path("extra_data").path("verdict");
        String cause = verdict.path("likely_cause").asText("");
        String expected;
        boolean named;
        if (mutant.operator().names().isPresent()) {
            expected = mutant.operator().misconception().orElseThrow();
            named = mutant.operator().names().get().matcher(cause).find();
        } else {
            String method = methodAt(mutant.source(), mutant.line());
            Set<String> changed = changedNames(mutant.diff());
            expected = "the method " + method + " breaks its rule, or what it changed: "
                    + String.join(", ", changed);
            Pattern name = Pattern.compile("\\b" + Pattern.quote(method) + "\\b");
            named = name.matcher(cause).find() || changed.stream().anyMatch(n -> Pattern
                    .compile("\\b" + Pattern.quote(n) + "\\b").matcher(cause).find())
                    || ruleSentences(verdict, mutant.module(), courseRoot).stream()
                            .anyMatch(s -> name.matcher(s).find());
        }
        return Optional.of(new Judgement(mutant.id(), mutant.module().folder(), expected,
                failed.get().path("name").asText(), said(verdict), named));
    }

    /**
     * Judges a graded submission by words its likely cause must hold, as a bank's wrong variant
     * is judged by the words its bank gives for its misconception.
     *
     * @param id the variant's name
     * @param module the module's folder
     * @param results its {@code results.json}
     * @param words what a likely cause that names the misconception says, any of them
     * @return the judgement, or empty if no test of the module failed
     */
    public static Optional<Judgement> judge(String id, String module, JsonNode results,
            List<String> words) {
        Optional<JsonNode> failed = firstFailure(results, module);
        if (failed.isEmpty()) {
            return Optional.empty();
        }
        JsonNode verdict = failed.get().path("extra_data").path("verdict");
        String cause = verdict.path("likely_cause").asText("");
        boolean named = words.stream().anyMatch(cause::contains);
        return Optional.of(new Judgement(id, module, String.join(" | ", words),
                failed.get().path("name").asText(), said(verdict), named));
    }

    /**
     * The figure, per module and for all, and each miss with what it expected and what its first
     * failed test said.
     *
     * @param what what is counted, such as {@code killed mutants}
     * @param judgements the judgements
     * @return the text to print
     */
    public static String render(String what, List<Judgement> judgements) {
        StringBuilder text = new StringBuilder();
        Set<String> modules = new TreeSet<>();
        judgements.forEach(j -> modules.add(j.module()));
        for (String module : modules) {
            text.append(String.format(Locale.ROOT, "%-20s ", module)).append(figure(what,
                    judgements.stream().filter(j -> j.module().equals(module)).toList()));
        }
        text.append(String.format(Locale.ROOT, "%-20s ", "all")).append(figure(what,
                judgements));
        for (Judgement miss : judgements.stream().filter(j -> !j.named()).toList()) {
            text.append(String.format(Locale.ROOT, "%nMiss %s%n  expected: %s%n  first failed"
                    + " test: %s%n  it said: %s%n", miss.id(), miss.expected(), miss.test(),
                    miss.said()));
        }
        return text.toString();
    }

    private static String figure(String what, List<Judgement> judgements) {
        long named = judgements.stream().filter(Judgement::named).count();
        return String.format(Locale.ROOT, "likely cause names the misconception: %d of %d %s"
                + " (%.0f%%)%n", named, judgements.size(), what, judgements.isEmpty() ? 0.0
                : 100.0 * named / judgements.size());
    }

    private static Optional<JsonNode> firstFailure(JsonNode results, String module) {
        return StreamSupport.stream(results.path("tests").spliterator(), false)
                .filter(t -> t.path("tags").path(0).asText().equals(module))
                .filter(t -> t.path("score").asDouble() < t.path("max_score").asDouble())
                .findFirst();
    }

    /** What a failed test said: its likely cause, or else its kind and what happened. */
    private static String said(JsonNode verdict) {
        String cause = verdict.path("likely_cause").asText("");
        String said = cause.isEmpty() ? verdict.path("kind").asText("?") + ", no likely cause: "
                + verdict.path("happened").asText("") : cause;
        String line = said.lines().findFirst().orElse("");
        return line.length() > 240 ? line.substring(0, 237) + "..." : line;
    }

    private static List<String> ruleSentences(JsonNode verdict, ExerciseModule module,
            Path courseRoot) throws GraderException {
        Requirements requirements = Requirements.read(courseRoot.resolve(module.folder())
                .resolve(Requirements.FILE));
        List<String> sentences = new ArrayList<>();
        for (JsonNode id : verdict.path("rules")) {
            requirements.rule(id.asText()).map(Requirement::sentence).ifPresent(sentences::add);
        }
        return sentences;
    }

    /**
     * The names on the lines a mutant changed, as its diff shows them: the fields, methods,
     * classes and variables it touched, of four letters or more, keywords left out.
     *
     * @param diff the mutant's unified diff
     * @return the names, sorted
     */
    static Set<String> changedNames(String diff) {
        Set<String> names = new TreeSet<>();
        for (String line : diff.lines().toList()) {
            if (line.startsWith("-") && !line.startsWith("---")) {
                Matcher matcher = NAME.matcher(line.substring(1));
                while (matcher.find()) {
                    if (matcher.group().length() >= 4 && !KEYWORDS.contains(matcher.group())) {
                        names.add(matcher.group());
                    }
                }
            }
        }
        return names;
    }

    /**
     * The name of the method (or constructor, or field) around a line of a source.
     *
     * @param source the source
     * @param line the line
     * @return the member's name, or {@code ?} if no member holds the line
     */
    static String methodAt(String source, int line) {
        CompilationUnit unit = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)).parse(source)
                .getResult().orElseThrow();
        String name = "?";
        int span = Integer.MAX_VALUE;
        for (BodyDeclaration<?> member : unit.findAll(BodyDeclaration.class)) {
            if (member.getRange().isEmpty()
                    || !(member instanceof CallableDeclaration<?>
                            || member instanceof FieldDeclaration)) {
                continue;
            }
            int begin = member.getRange().get().begin.line;
            int end = member.getRange().get().end.line;
            if (begin <= line && line <= end && end - begin < span) {
                span = end - begin;
                name = member instanceof CallableDeclaration<?> callable
                        ? callable.getNameAsString()
                        : ((FieldDeclaration) member).getVariable(0).getNameAsString();
            }
        }
        return name;
    }
}

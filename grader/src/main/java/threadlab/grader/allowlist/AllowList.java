package threadlab.grader.allowlist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import threadlab.grader.allowlist.Rule.Verdict;

/**
 * The reviewed list of Java APIs that submissions may use, read from {@code allowed-apis.txt}.
 * Each line is a comment ({@code #}), a rule or a family's advice:
 *
 * <pre>
 * allow java.util.**                            -- collections, streams, concurrency
 * allow-own java.lang.invoke.MethodHandles$Lookup#findVarHandle -- a VarHandle on its own field
 * deny java.lang.reflect.** reflection          -- reaches private state of other classes
 * advice reflection: Reflection is not needed: call the methods directly.
 * </pre>
 *
 * <p>A pattern names classes by their binary name ({@code java.lang.Thread$State}), {@code *}
 * standing for a name without dots and {@code **} for any name; {@code #} and a member name
 * ({@code <init>} for constructors, {@code *} allowed) narrow it to members. The most specific
 * rule that matches decides: one on members beats one on classes, then the longer pattern
 * without its wildcards; on a tie, refusal wins. An API no rule matches is refused, with the
 * advice of the family {@code unlisted}. Every rule must say why after {@code --}.
 */
public final class AllowList {

    /** The family whose advice a refusal without a rule gives. */
    static final String UNLISTED = "unlisted";

    /** The family whose advice an allow-own rule gives when its class is not the student's. */
    static final String OWN_CLASS = "own-class";

    private static final String RESOURCE = "/threadlab/grader/allowlist/allowed-apis.txt";
    private static final Pattern RULE = Pattern.compile(
            "(allow|allow-own|deny)\\s+(\\S+)(?:\\s+([a-z-]+))?\\s+--\\s+(\\S.*)");
    private static final Pattern ADVICE = Pattern.compile("advice\\s+([a-z-]+):\\s+(\\S.*)");

    private final List<Compiled> rules;
    private final Map<String, String> advice;
    private final Map<String, Optional<Rule>> decided = new ConcurrentHashMap<>();

    /** A rule with its patterns compiled. */
    private record Compiled(Rule rule, Pattern classes, Pattern members) {
    }

    private AllowList(List<Rule> rules, Map<String, String> advice) {
        this.rules = rules.stream().map(r -> new Compiled(r, r.classPattern(),
                r.memberPattern())).toList();
        this.advice = Map.copyOf(advice);
    }

    /**
     * The allow-list the grader was built with.
     *
     * @return the list
     * @throws IllegalStateException if the file is missing or has a mistake, which the build's
     *     tests rule out
     */
    public static AllowList packaged() {
        try (InputStream in = AllowList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The grader's jar has no " + RESOURCE
                        + ". Rebuild the grader with ./mvnw -q package -DskipTests.");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads an allow-list.
     *
     * @param text the file's text
     * @return the list
     * @throws IllegalArgumentException naming the line, if a line is not a comment, a rule with
     *     its reason, or an advice; or if a family of refusals has no advice
     */
    static AllowList parse(String text) {
        List<Rule> rules = new ArrayList<>();
        Map<String, String> advice = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            java.util.regex.Matcher rule = RULE.matcher(line);
            java.util.regex.Matcher said = ADVICE.matcher(line);
            if (said.matches()) {
                advice.put(said.group(1), said.group(2));
            } else if (rule.matches()) {
                rules.add(rule(rule, i + 1));
            } else {
                throw mistake(i + 1, "is not a rule with its reason, an advice or a comment."
                        + " Write \"allow PATTERN -- why\", \"deny PATTERN FAMILY -- why\" or"
                        + " \"advice FAMILY: text\"");
            }
        }
        for (Rule rule : rules) {
            if (rule.verdict() == Verdict.DENY && !advice.containsKey(rule.family())) {
                throw mistake(rule.line(), "refuses family " + rule.family() + ", which has no"
                        + " advice. Add \"advice " + rule.family() + ": what to do instead\"");
            }
        }
        if (!advice.containsKey(UNLISTED)) {
            throw mistake(lines.length, "has no \"advice " + UNLISTED + ": ...\" for APIs that"
                    + " no rule names");
        }
        if (!advice.containsKey(OWN_CLASS)
                && rules.stream().anyMatch(r -> r.verdict() == Verdict.ALLOW_OWN)) {
            throw mistake(lines.length, "has allow-own rules but no \"advice " + OWN_CLASS
                    + ": ...\" for their use on another class");
        }
        return new AllowList(rules, advice);
    }

    private static Rule rule(java.util.regex.Matcher rule, int line) {
        Verdict verdict = switch (rule.group(1)) {
            case "allow" -> Verdict.ALLOW;
            case "allow-own" -> Verdict.ALLOW_OWN;
            default -> Verdict.DENY;
        };
        String family = rule.group(3) == null ? "" : rule.group(3);
        if ((verdict == Verdict.DENY) == family.isEmpty()) {
            throw mistake(line, verdict == Verdict.DENY ? "refuses without a family. Write"
                    + " \"deny PATTERN FAMILY -- why\"" : "allows with a family, which only a"
                    + " refusal has. Write \"allow PATTERN -- why\"");
        }
        if (verdict == Verdict.ALLOW_OWN && rule.group(2).indexOf('#') < 0) {
            throw mistake(line, "is allow-own on whole classes; allow-own names a method whose"
                    + " first argument is a class, such as \"Class#method\"");
        }
        return new Rule(verdict, rule.group(2), family, rule.group(4), line);
    }

    private static IllegalArgumentException mistake(int line, String what) {
        return new IllegalArgumentException("allowed-apis.txt, line " + line + ", " + what + ".");
    }

    /**
     * The rule that decides a use of a member.
     *
     * @param owner the class, by binary name
     * @param member the member's name, {@code <init>} for a constructor
     * @return the most specific rule that matches, or empty when none does: refused
     */
    Optional<Rule> member(String owner, String member) {
        return decided.computeIfAbsent(owner + '#' + member, key -> rules.stream()
                .filter(c -> c.classes().matcher(owner).matches() && (c.members() == null
                        || c.members().matcher(member).matches()))
                .map(Compiled::rule).max(MOST_SPECIFIC));
    }

    /**
     * The rule that decides a use of a class as a type, such as a parameter, a cast or a class
     * literal: the most specific rule on the whole class; a class that is refused as a whole may
     * still be named where a rule allows one of its members.
     *
     * @param owner the class, by binary name
     * @return the rule, or empty when none matches: refused
     */
    Optional<Rule> type(String owner) {
        return decided.computeIfAbsent(owner, key -> {
            Optional<Rule> whole = rules.stream().filter(c -> c.members() == null
                    && c.classes().matcher(owner).matches()).map(Compiled::rule)
                    .max(MOST_SPECIFIC);
            if (whole.map(r -> r.verdict() != Verdict.DENY).orElse(false)) {
                return whole;
            }
            Optional<Rule> member = rules.stream().filter(c -> c.members() != null
                    && c.rule().verdict() != Verdict.DENY && c.classes().matcher(owner)
                    .matches()).map(Compiled::rule).findFirst();
            return member.isPresent() ? member : whole;
        });
    }

    /**
     * What a student reads about a family of refused APIs.
     *
     * @param family the family, or {@link #UNLISTED}
     * @return the advice
     */
    String advice(String family) {
        return advice.getOrDefault(family, advice.get(UNLISTED));
    }

    private static final Comparator<Rule> MOST_SPECIFIC = Comparator.comparingInt(
            Rule::specificity).thenComparing(r -> r.verdict() == Verdict.DENY);
}

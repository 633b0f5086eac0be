package threadlab.grader.allowlist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import threadlab.grader.allowlist.Rule.Verdict;
import threadlab.grader.course.Course;
import threadlab.grader.course.ExerciseModule;

/**
 * Checks a compiled module against the allow-list before any of its code runs. The module's own
 * classes and the course's packages may be used freely; every other class and member must be
 * allowed by the list. A member reached through one of the module's own classes, such as a
 * static method of {@code Thread} called on a subclass of it, is judged as the JDK's member it
 * is. Safe to use from several threads.
 *
 * <pre>{@code
 * ApiCheck.packaged().verify(Course.THREADS, classes, List.of());
 * }</pre>
 */
public final class ApiCheck {

    private static final String CLASS = ".class";

    private final AllowList list;

    ApiCheck(AllowList list) {
        this.list = list;
    }

    /**
     * The check with the allow-list the grader was built with.
     *
     * @return the check
     */
    public static ApiCheck packaged() {
        return Packaged.CHECK;
    }

    /** Reads the packaged list once, when first asked. */
    private static final class Packaged {
        static final ApiCheck CHECK = new ApiCheck(AllowList.packaged());
    }

    /**
     * Checks every file a module's compiler produced.
     *
     * @param module the module
     * @param classes the module's compiled classes
     * @param uses the compiled classes of the modules it builds on, which its classes may extend
     * @throws ForbiddenApiException if a class uses an API the list does not allow
     * @throws UnreadableClassException if a file is not a class file or cannot be read as one
     */
    public void verify(ExerciseModule module, Path classes, List<Path> uses)
            throws ForbiddenApiException, UnreadableClassException {
        Map<String, ScannedClass> own = read(module, classes);
        Map<String, ScannedClass> known = new LinkedHashMap<>(own);
        for (Path used : uses) {
            read(module, used).forEach(known::putIfAbsent);
        }
        List<Refused> refused = new ArrayList<>();
        for (ScannedClass scanned : own.values()) {
            for (ApiUse use : scanned.uses()) {
                judge(use, known).ifPresent(why -> refused.add(new Refused(scanned.name(), use,
                        why)));
            }
        }
        if (!refused.isEmpty()) {
            refused.sort(Comparator.comparing((Refused r) -> r.in()).thenComparingInt(
                    r -> r.use().line()));
            throw new ForbiddenApiException(module, refused.stream().map(Refused::shown)
                    .distinct().toList(), refused.stream().map(r -> r.why().advice())
                    .distinct().toList());
        }
    }

    /** Why a use is refused: the API as the student reads it, and what to do instead. */
    private record Why(String api, String advice) {
    }

    /** A refused use, in a class. */
    private record Refused(String in, ApiUse use, Why why) {
        String shown() {
            return in + " (" + use.where() + ") uses " + why.api();
        }
    }

    /** Every class file under a folder, scanned; anything else there is refused. */
    private static Map<String, ScannedClass> read(ExerciseModule module, Path folder)
            throws UnreadableClassException {
        Map<String, ScannedClass> classes = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) {
            return classes;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> !Files.isDirectory(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            String shown = folder.relativize(file).toString().replace('\\', '/');
            if (!shown.endsWith(CLASS) || !Files.isRegularFile(file)) {
                throw new UnreadableClassException(module, shown, "it is not a class file");
            }
            ScannedClass scanned = scan(module, file, shown);
            classes.put(scanned.name(), scanned);
        }
        return classes;
    }

    private static ScannedClass scan(ExerciseModule module, Path file, String shown)
            throws UnreadableClassException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UnreadableClassException(module, shown, "it cannot be read: "
                    + e.getMessage());
        }
        try {
            return ClassScanner.scan(bytes);
        } catch (RuntimeException e) {
            throw new UnreadableClassException(module, shown, "it is not a valid class file: "
                    + e);
        }
    }

    /** Why a use is refused, with what to do instead; empty if it is allowed. */
    private Optional<Why> judge(ApiUse use, Map<String, ScannedClass> known) {
        if (!course(use.owner())) {
            return use.member() == null ? judgeType(use) : judgeMember(use, "");
        }
        if (use.member() == null) {
            return Optional.empty();
        }
        ScannedClass owner = known.get(use.owner());
        if (owner == null) {
            return Optional.of(new Why(use.shown() + ", which is not a class of this"
                    + " submission", list.advice(AllowList.UNLISTED)));
        }
        if (declared(owner, use.member(), known)) {
            return Optional.empty();
        }
        for (String foreign : foreignSupertypes(owner, known)) {
            Optional<Why> refused = judgeMember(new ApiUse(foreign, use.member(),
                    use.where(), use.line(), use.classArgument()), ", through " + use.owner());
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    private Optional<Why> judgeType(ApiUse use) {
        Optional<Rule> rule = list.type(use.owner());
        if (rule.isPresent() && rule.get().verdict() != Verdict.DENY) {
            return Optional.empty();
        }
        return Optional.of(new Why(use.shown(), list.advice(family(rule))));
    }

    private Optional<Why> judgeMember(ApiUse use, String via) {
        Optional<Rule> rule = list.member(use.owner(), use.member());
        Verdict verdict = rule.map(Rule::verdict).orElse(Verdict.DENY);
        if (verdict == Verdict.ALLOW || verdict == Verdict.ALLOW_OWN
                && use.classArgument() != null && course(use.classArgument())) {
            return Optional.empty();
        }
        if (verdict == Verdict.ALLOW_OWN) {
            return Optional.of(new Why(use.shown() + via + " on a class that is not one of its"
                    + " own", list.advice(AllowList.OWN_CLASS)));
        }
        return Optional.of(new Why(use.shown() + via, list.advice(family(rule))));
    }

    private static String family(Optional<Rule> rule) {
        return rule.map(Rule::family).filter(f -> !f.isEmpty()).orElse(AllowList.UNLISTED);
    }

    /** Whether a course class or one of its course superclasses declares a member. */
    private static boolean declared(ScannedClass owner, String member,
            Map<String, ScannedClass> known) {
        for (ScannedClass c = owner; c != null; c = c.superName() == null ? null
                : known.get(c.superName())) {
            if (c.members().contains(member)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The classes outside the course that a course class inherits from, directly or through
     * other course classes and interfaces: where a member it does not declare comes from.
     */
    private static Set<String> foreignSupertypes(ScannedClass owner,
            Map<String, ScannedClass> known) {
        Set<String> foreign = new LinkedHashSet<>();
        List<ScannedClass> todo = new ArrayList<>(List.of(owner));
        Set<String> seen = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            ScannedClass c = todo.remove(todo.size() - 1);
            if (!seen.add(c.name())) {
                continue;
            }
            List<String> supers = new ArrayList<>(c.interfaces());
            if (c.superName() != null) {
                supers.add(c.superName());
            }
            for (String s : supers) {
                if (course(s) && known.containsKey(s)) {
                    todo.add(known.get(s));
                } else {
                    foreign.add(s);
                }
            }
        }
        return foreign;
    }

    /**
     * Whether a class belongs to the course: the exercise packages, where a submission's own
     * classes and the course's API live.
     */
    private static boolean course(String name) {
        return Course.modules().stream().anyMatch(m -> name.startsWith(m.exercisePackage()
                + "."));
    }
}

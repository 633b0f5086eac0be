package threadlab.grader.mutants;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import threadlab.grader.course.Course;
import threadlab.grader.course.ExerciseModule;

/**
 * Makes the mutants of the reference solutions: every mutation of every operator in what a
 * student writes (see {@link StudentCode}), numbered stably, each with its diff. Two mutations
 * that give the same file are one mutant, under the more precise operator: a concurrency
 * operator before PIT's, and otherwise the one listed first in {@link Operator}.
 */
public final class MutantGenerator {

    private final Path courseRoot;

    /**
     * A generator for a course.
     *
     * @param courseRoot the course repository, with {@code solutions/} and the skeletons
     */
    public MutantGenerator(Path courseRoot) {
        this.courseRoot = courseRoot;
    }

    /**
     * Every mutant of every module, in course order.
     *
     * @return the mutants
     */
    public List<Mutant> all() {
        List<Mutant> all = new ArrayList<>();
        Course.modules().forEach(module -> all.addAll(of(module)));
        return all;
    }

    /**
     * The mutants of one module, file by file in path order, then by line and operator.
     *
     * @param module the module
     * @return its mutants
     */
    public List<Mutant> of(ExerciseModule module) {
        Map<String, String> solution = sources(solutionOf(module));
        Set<String> voidCalls = Javac.voidCalls(sourcesOf(module));
        Path skeleton = courseRoot.resolve(module.sourceFolder());
        List<Mutant> mutants = new ArrayList<>();
        for (Map.Entry<String, String> file : solution.entrySet()) {
            Path given = skeleton.resolve(file.getKey());
            Optional<String> skeletonText = Files.isRegularFile(given)
                    ? Optional.of(read(given)) : Optional.empty();
            if (skeletonText.filter(file.getValue()::equals).isPresent()) {
                continue;
            }
            mutants.addAll(of(module, file.getKey(), skeletonText, file.getValue(), voidCalls));
        }
        return mutants;
    }

    /**
     * The mutants of one file.
     *
     * @param module the module
     * @param path the file's path in the module's sources
     * @param skeleton the skeleton's text of the file, if the skeleton has it
     * @param solution the solution's text
     * @param voidCalls the void calls of the module, as {@link Javac#voidCalls} finds them
     * @return the mutants
     */
    static List<Mutant> of(ExerciseModule module, String path, Optional<String> skeleton,
            String solution, Set<String> voidCalls) {
        SourceText text = new SourceText(solution);
        Context context = new Context(path, text, StudentCode.members(skeleton.map(
                MutantGenerator::parse), parse(solution)), voidCalls);
        List<Candidate> candidates = new ArrayList<>(PitMutators.all(context));
        candidates.addAll(ConcurrencyMutators.all(context));
        // A concurrency operator names a change more precisely than PIT's: it goes first, and
        // keeps a mutant that both make (an unlock removed is also a void call removed).
        candidates.sort(java.util.Comparator.comparing((Candidate c) -> c.operator().group()
                .equals("PIT")).thenComparingInt(c -> c.operator().ordinal())
                .thenComparingInt(Candidate::line));
        String simpleName = path.substring(path.lastIndexOf('/') + 1).replace(".java", "");
        Set<String> seen = new HashSet<>(Set.of(solution));
        Map<String, Integer> ordinals = new HashMap<>();
        List<Mutant> mutants = new ArrayList<>();
        for (Candidate candidate : candidates) {
            String mutated = text.apply(candidate.edits());
            if (!seen.add(mutated)) {
                continue;
            }
            String at = String.format(Locale.ROOT, "m%d-%s-%d-%s", number(module), simpleName,
                    candidate.line(), candidate.operator());
            int ordinal = ordinals.merge(at, 1, Integer::sum);
            mutants.add(new Mutant(at + "-" + ordinal, module, path, candidate.line(),
                    candidate.operator(), ordinal, candidate.description(), mutated,
                    UnifiedDiff.of(module.folder() + "/src/main/java/" + path, solution,
                            mutated)));
        }
        mutants.sort(java.util.Comparator.comparingInt(Mutant::line)
                .thenComparing(m -> m.operator().ordinal()).thenComparingInt(Mutant::ordinal));
        return mutants;
    }

    /** The folder of a module's reference solution. */
    Path solutionOf(ExerciseModule module) {
        return courseRoot.resolve("solutions").resolve(module.sourceFolder());
    }

    /**
     * A module's solution sources and those of the modules it uses.
     *
     * @param module the module
     * @return every source the module needs to compile, by path
     */
    Map<String, String> sourcesOf(ExerciseModule module) {
        Map<String, String> all = new LinkedHashMap<>(sources(solutionOf(module)));
        module.uses().forEach(used -> all.putAll(sources(solutionOf(used))));
        return all;
    }

    private static int number(ExerciseModule module) {
        return Integer.parseInt(module.folder().substring("module-".length(),
                "module-NN".length()));
    }

    /** The Java files under a folder, by their path in it, in path order. */
    private static Map<String, String> sources(Path folder) {
        Map<String, String> sources = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                sources.put(folder.relativize(file).toString().replace('\\', '/'), read(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CompilationUnit parse(String source) {
        ParseResult<CompilationUnit> result = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)).parse(source);
        return result.getResult().filter(u -> result.isSuccessful()).orElseThrow(() ->
                new IllegalStateException("JavaParser cannot read a solution file: "
                        + result.getProblems()));
    }
}

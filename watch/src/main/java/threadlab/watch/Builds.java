package threadlab.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Compiles exercise modules and keeps their classes while their sources stay the same: a save in
 * module 2 compiles module 2 again, not module 1 whose classes it uses. Each build goes to a new
 * folder under the module's {@code target/watch}, so a run never loads classes half written.
 */
final class Builds {

    private final Compiler compiler = new Compiler();
    private final Map<String, Exercise> modules = new HashMap<>();
    private final Map<String, Built> built = new HashMap<>();
    private int generation;

    /**
     * Builds for a course's modules.
     *
     * @param modules every exercise module, for their dependencies
     */
    Builds(List<Exercise> modules) {
        modules.forEach(m -> this.modules.put(m.name(), m));
    }

    /** One module's compiled classes, and what they were compiled from. */
    private record Built(Snapshot sources, int generation, List<Integer> dependencies,
            Path classes, Path testClasses) {
    }

    /**
     * A module's build: where its tests' classes are, or why it does not compile.
     *
     * @param classFolders the folders to load classes from, its tests' first
     * @param errors javac's errors, empty when it compiled
     */
    record Result(List<Path> classFolders, String errors) {
    }

    /**
     * Compiles a module, and the modules it depends on, where their sources changed.
     *
     * @param module the module
     * @return its class folders, or the errors
     * @throws IOException if a folder cannot be read or written
     */
    Result build(Exercise module) throws IOException {
        List<Path> dependencyFolders = new ArrayList<>();
        List<Integer> dependencyGenerations = new ArrayList<>();
        for (String name : module.dependencies()) {
            Exercise dependency = modules.get(name);
            if (dependency == null) {
                dependency = Exercise.support(module.dir().resolveSibling(name));
                modules.put(name, dependency);
            }
            Result result = build(dependency);
            if (!result.errors().isEmpty()) {
                return result;
            }
            Built b = built.get(name);
            dependencyGenerations.add(b.generation());
            dependencyFolders.add(b.classes());
            dependencyFolders.add(dependency.dir().resolve("src/main/resources"));
        }
        Built current = built.get(module.name());
        Snapshot sources = Snapshot.of(module.watched());
        if (current == null || !current.dependencies().equals(dependencyGenerations)
                || !sources.changedSince(current.sources()).isEmpty()) {
            String errors = compile(module, sources, dependencyFolders, dependencyGenerations);
            if (!errors.isEmpty()) {
                return new Result(List.of(), errors);
            }
            current = built.get(module.name());
        }
        List<Path> folders = new ArrayList<>(List.of(current.testClasses(),
                module.dir().resolve("src/test/resources"), current.classes(),
                module.dir().resolve("src/main/resources")));
        folders.addAll(dependencyFolders);
        return new Result(folders, "");
    }

    private String compile(Exercise module, Snapshot sources, List<Path> dependencyFolders,
            List<Integer> dependencyGenerations) throws IOException {
        generation++;
        Path out = module.dir().resolve("target/watch/" + generation);
        Path classes = out.resolve("classes");
        Path testClasses = out.resolve("test-classes");
        // The test libraries are on both paths: test-support's own code uses them.
        List<Path> mainPath = new ArrayList<>(dependencyFolders);
        mainPath.addAll(Compiler.testLibraries());
        Compiler.Result main = compiler.compile(module.mainSources(), mainPath, classes);
        List<Path> testPath = new ArrayList<>(List.of(classes));
        testPath.addAll(mainPath);
        Compiler.Result tests = main.ok() ? compiler.compile(module.testSources(), testPath,
                testClasses) : main;
        if (!tests.ok()) {
            delete(out);
            return tests.errors().isEmpty() ? "javac failed and said nothing" : tests.errors();
        }
        Built before = built.put(module.name(), new Built(sources, generation,
                List.copyOf(dependencyGenerations), classes, testClasses));
        if (before != null) {
            delete(before.classes().getParent());
        }
        return "";
    }

    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

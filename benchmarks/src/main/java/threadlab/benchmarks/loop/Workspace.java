package threadlab.benchmarks.loop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of the course for the benchmark to edit: the build, the exercise modules and the watch
 * command, with the reference solutions in place of the skeletons. The course itself is never
 * touched.
 */
final class Workspace {

    private static final List<String> TOP = List.of("pom.xml", "mvnw", "mvnw.cmd", ".mvn",
            "config", "watch", "test-support");

    private Workspace() {
    }

    /**
     * The course repository: the one named, else this folder or the one above.
     *
     * @param named the folder named with --course, or null
     * @return the course's root
     * @throws LoopException if it is not a course repository
     */
    static Path course(Path named) throws LoopException {
        List<Path> candidates = named != null ? List.of(named)
                : List.of(Path.of(""), Path.of(".."));
        for (Path candidate : candidates) {
            Path dir = candidate.toAbsolutePath().normalize();
            if (Files.isRegularFile(dir.resolve("watch/pom.xml"))
                    && Files.isDirectory(dir.resolve("solutions"))) {
                return dir;
            }
        }
        throw new LoopException("No course repository at " + candidates.get(0).toAbsolutePath()
                + ": it needs watch/pom.xml and solutions/. Run the benchmark from the course"
                + " folder, or name it with --course DIR.");
    }

    /**
     * Copies the course to a new temporary folder, with the solutions' sources.
     *
     * @param course the course's root
     * @return the copy
     * @throws IOException if a file cannot be copied
     */
    static Path withSolutions(Path course) throws IOException {
        Path copy = Files.createTempDirectory("threadlab-student-loop");
        for (String top : TOP) {
            copyTree(course.resolve(top), copy.resolve(top));
        }
        try (Stream<Path> list = Files.list(course)) {
            for (Path module : list.filter(p -> p.getFileName().toString()
                    .startsWith("module-")).toList()) {
                Path to = copy.resolve(module.getFileName().toString());
                copyTree(module, to);
                Path solution = course.resolve("solutions").resolve(module.getFileName()
                        .toString()).resolve("src/main/java");
                if (Files.isDirectory(solution)) {
                    copyTree(solution, to.resolve("src/main/java"));
                }
            }
        }
        copy.resolve("mvnw").toFile().setExecutable(true);
        return copy;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path relative = from.relativize(file);
                if (relative.startsWith("target")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /**
     * Deletes a copy.
     *
     * @param copy the copy
     * @throws IOException if a file cannot be deleted
     */
    static void delete(Path copy) throws IOException {
        try (Stream<Path> walk = Files.walk(copy)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

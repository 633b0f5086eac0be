package threadlab.grader.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hidden tests' source is nowhere a test JVM can load it from: no entry of its class path
 * (the grader's runtime and the hidden tests) holds a file of {@code grader/src/hidden/java},
 * by name. {@code GraderJarIT} checks the packaged jar.
 */
class HiddenSourcesOffClassPathTests {

    private static Set<String> hiddenSourceNames() throws Exception {
        Set<String> names = new HashSet<>();
        try (Stream<Path> walk = Files.walk(Path.of("src/hidden/java"))) {
            walk.filter(p -> p.toString().endsWith(".java"))
                    .forEach(p -> names.add(p.getFileName().toString()));
        }
        assertThat(names).as("the hidden tests' sources, to look for").isNotEmpty();
        return names;
    }

    private static List<String> entries(Path classPathEntry) throws Exception {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(classPathEntry)) {
            try (Stream<Path> walk = Files.walk(classPathEntry)) {
                walk.forEach(p -> names.add(p.getFileName().toString()));
            }
        } else if (Files.isRegularFile(classPathEntry)) {
            try (JarFile jar = new JarFile(classPathEntry.toFile())) {
                jar.stream().forEach(e -> names.add(Path.of(e.getName()).getFileName()
                        .toString()));
            }
        }
        return names;
    }

    @Test
    @DisplayName("no hidden test's source file is on the test JVM's class path")
    void notOnTheClassPath(@TempDir Path work) throws Exception {
        GraderFiles files = GraderFiles.locate(work);
        List<Path> classPath = new ArrayList<>(files.runtimeClasspath());
        classPath.add(files.hiddenTestsJar().orElse(files.hiddenTests()));
        Set<String> hidden = hiddenSourceNames();

        for (Path entry : classPath) {
            if (entry.endsWith("test-classes")) {
                // These tests' own classes and resources (hostile submissions named like hidden
                // tests among them) are on the class path only while the grader's tests run it
                // from its build folder; GraderJarIT checks the packaged grader.
                continue;
            }
            assertThat(entries(entry)).as(entry.toString()).noneMatch(hidden::contains);
        }
    }
}

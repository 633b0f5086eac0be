package threadlab.grader.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the packaged grader holds, which a copy of it puts on every test JVM's class path. */
class GraderJarIT {

    @Test
    @DisplayName("grader.jar holds the hidden tests' classes but no source file at all")
    void noSourceInTheJar() throws Exception {
        Path jar = Path.of(System.getProperty("grader.jar", "target/grader.jar"));
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.stream().map(e -> e.getName()))
                    .anyMatch(name -> name.startsWith("hidden/") && name.endsWith(".class"))
                    .noneMatch(name -> name.endsWith(".java"));
        }
    }
}

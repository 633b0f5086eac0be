package threadlab.watch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An exercise module of the course folder, {@code module-NN-name/}, and the modules of the course
 * its pom.xml depends on (module 2 builds on module 1's classes; the tests use test-support).
 *
 * @param number the module's number, NN
 * @param dir the module's folder
 * @param dependencies the folders' names of the course's modules it depends on, in pom order
 */
public record Exercise(int number, Path dir, List<String> dependencies) {

    private static final Pattern FOLDER = Pattern.compile("module-(\\d+)-.+");
    private static final Pattern ARTIFACT = Pattern.compile(
            "<artifactId>\\s*([^<\\s]+)\\s*</artifactId>");

    /**
     * The exercise modules of a course folder, by number.
     *
     * @param root the course folder
     * @return its modules
     * @throws IOException if the folder cannot be read
     */
    public static List<Exercise> all(Path root) throws IOException {
        List<Exercise> modules = new ArrayList<>();
        try (Stream<Path> list = Files.list(root)) {
            for (Path dir : list.sorted().toList()) {
                Matcher folder = FOLDER.matcher(dir.getFileName().toString());
                if (folder.matches() && Files.isRegularFile(dir.resolve("pom.xml"))) {
                    modules.add(new Exercise(Integer.parseInt(folder.group(1)), dir,
                            dependencies(dir)));
                }
            }
        }
        modules.sort(Comparator.comparingInt(Exercise::number));
        return modules;
    }

    /**
     * A module of the course folder that exercise modules use, as {@code test-support}.
     *
     * @param dir its folder
     * @return the module, numbered 0
     * @throws IOException if its pom.xml cannot be read
     */
    public static Exercise support(Path dir) throws IOException {
        return new Exercise(0, dir, dependencies(dir));
    }

    /** The artifacts the pom names that are folders of the course beside it. */
    private static List<String> dependencies(Path dir) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        Matcher artifact = ARTIFACT.matcher(Files.readString(dir.resolve("pom.xml"),
                StandardCharsets.UTF_8));
        while (artifact.find()) {
            Path sibling = dir.resolveSibling(artifact.group(1));
            if (Files.isRegularFile(sibling.resolve("pom.xml"))) {
                names.add(artifact.group(1));
            }
        }
        names.remove(dir.getFileName().toString());
        return List.copyOf(names);
    }

    /**
     * Whether the module's tests are model-checked: its pom.xml uses Lincheck.
     *
     * @return true when they are
     * @throws IOException if its pom.xml cannot be read
     */
    public boolean modelChecked() throws IOException {
        return Files.readString(dir.resolve("pom.xml"), StandardCharsets.UTF_8)
                .contains("<artifactId>lincheck</artifactId>");
    }

    /**
     * The module's folder name, as {@code module-03-threads}.
     *
     * @return the name
     */
    public String name() {
        return dir.getFileName().toString();
    }

    /**
     * The module's code to complete.
     *
     * @return its {@code src/main/java}
     */
    public Path mainSources() {
        return dir.resolve("src/main/java");
    }

    /**
     * The module's visible tests.
     *
     * @return its {@code src/test/java}
     */
    public Path testSources() {
        return dir.resolve("src/test/java");
    }

    /**
     * The folders whose changes call for a new verdict: sources and resources.
     *
     * @return the module's {@code src} folder
     */
    public Path watched() {
        return dir.resolve("src");
    }
}

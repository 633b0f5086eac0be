package threadlab.grader.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Submissions made from the reference solutions, to grade in tests: a copy with one edit (a
 * misconception in one line), or a copy with whole files replaced by a variant from the bank;
 * and a student's copy of the skeletons with some tasks solved.
 *
 * <p>The bank lives in the test resources, under {@code bank/<module>/<variant>/}, each variant
 * laid out like the module's {@code src/main/java}. Its files are not compiled by the build: the
 * grader compiles them, as it would a student's.
 */
public final class Submissions {

    private Submissions() {
    }

    /**
     * A copy of the reference solutions with one edit: a submission with one mistake.
     *
     * @param dir where the submission goes
     * @param module the module's folder, such as {@code module-03-threads}
     * @param file the name of the file to edit, somewhere in the module's sources
     * @param from the text to replace, which must be there
     * @param to what replaces it
     * @return the submission's folder
     * @throws IOException if copying fails
     */
    public static Path editedSolution(Path dir, String module, String file, String from,
            String to) throws IOException {
        copy(GraderProcess.courseRoot().resolve("solutions"), dir);
        Path path = find(dir.resolve(module).resolve("src/main/java"), file);
        String source = Files.readString(path, StandardCharsets.UTF_8);
        if (!source.contains(from)) {
            throw new IllegalStateException(file + " no longer contains the text to edit: "
                    + from);
        }
        Files.writeString(path, source.replace(from, to), StandardCharsets.UTF_8);
        return dir;
    }

    /**
     * A copy of the reference solutions with one edit of text found there exactly once: a bank
     * variant that shows one misconception, and that fails to build, naming the text, when the
     * solution no longer holds it or holds it twice.
     *
     * @param dir where the submission goes
     * @param module the module's folder, such as {@code module-02-gil}
     * @param file the name of the file to edit, somewhere in the module's sources
     * @param from the text to replace, which must be there once
     * @param to what replaces it
     * @return the submission's folder
     * @throws IOException if copying fails
     */
    public static Path editedSolutionOnce(Path dir, String module, String file, String from,
            String to) throws IOException {
        String source = Files.readString(find(GraderProcess.courseRoot().resolve("solutions")
                .resolve(module).resolve("src/main/java"), file), StandardCharsets.UTF_8);
        int first = source.indexOf(from);
        if (first >= 0 && source.indexOf(from, first + 1) >= 0) {
            throw new IllegalStateException("the solution's " + file + " holds the text to edit"
                    + " more than once, so the edit would change more than one place: make the"
                    + " text longer, to be unique: " + from);
        }
        return editedSolution(dir, module, file, from, to);
    }

    /**
     * A copy of the reference solutions with a variant from the bank laid over one module.
     *
     * @param dir where the submission goes
     * @param module the module's folder
     * @param variant the variant's folder under {@code bank/<module>/}
     * @return the submission's folder
     * @throws IOException if copying fails
     */
    public static Path bankVariant(Path dir, String module, String variant) throws IOException {
        return laidOver(dir, module, bank(module).resolve(variant));
    }

    /**
     * A copy of the reference solutions with a hostile variant laid over one module: code that
     * attacks the grader, kept under {@code hostile/<module>/<variant>/} in the test resources.
     *
     * @param dir where the submission goes
     * @param module the module's folder
     * @param variant the variant's folder under {@code hostile/<module>/}
     * @return the submission's folder
     * @throws IOException if copying fails
     */
    public static Path hostileVariant(Path dir, String module, String variant)
            throws IOException {
        return laidOver(dir, module, resource("/hostile/" + module).resolve(variant));
    }

    private static Path laidOver(Path dir, String module, Path files) throws IOException {
        copy(GraderProcess.courseRoot().resolve("solutions"), dir);
        if (!Files.isDirectory(files)) {
            throw new IllegalStateException("no variant " + files.getFileName() + " for "
                    + module);
        }
        Path sources = dir.resolve(module).resolve("src/main/java");
        try (Stream<Path> walk = Files.walk(files)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path target = sources.resolve(files.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }

    /**
     * The variants in a module's bank.
     *
     * @param module the module's folder
     * @return the variants' folder names, sorted
     */
    public static List<String> bankVariants(String module) {
        try (Stream<Path> list = Files.list(bank(module))) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path bank(String module) {
        return resource("/bank/" + module);
    }

    private static Path resource(String name) {
        URL url = Submissions.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("no " + name + " in the test resources");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path find(Path sources, String file) throws IOException {
        try (Stream<Path> walk = Files.walk(sources)) {
            List<Path> found = walk.filter(p -> p.getFileName().toString().equals(file))
                    .toList();
            if (found.size() != 1) {
                throw new IllegalStateException("expected one " + file + " in " + sources
                        + ", found " + found);
            }
            return found.get(0);
        }
    }

    /**
     * A copy of the reference solutions, untouched: a submission with full marks.
     *
     * @param dir where the submission goes
     * @return the submission's folder
     * @throws IOException if copying fails
     */
    public static Path solution(Path dir) throws IOException {
        copy(GraderProcess.courseRoot().resolve("solutions"), dir);
        return dir;
    }

    /**
     * A copy of the course's exercise modules as students get them: lessons, hints, skeletons
     * and visible tests, no task done.
     *
     * @param dir where the copy goes
     * @return the copy's folder
     * @throws IOException if copying fails
     */
    public static Path skeleton(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(GraderProcess.courseRoot())) {
            for (Path module : list.filter(p -> p.getFileName().toString().startsWith("module-")
                    && Files.isDirectory(p)).sorted().toList()) {
                copy(module, dir.resolve(module.getFileName().toString()));
            }
        }
        return dir;
    }

    /**
     * Lays files of the reference solution over a copy: the tasks they hold are done.
     *
     * @param copy the copy's folder
     * @param module the module's folder
     * @param files the names of the files to take from the solution, somewhere in the module's
     *     sources; none for all of them
     * @return the copy's folder
     * @throws IOException if copying fails
     */
    public static Path withSolved(Path copy, String module, String... files) throws IOException {
        Path solution = GraderProcess.courseRoot().resolve("solutions").resolve(module)
                .resolve("src/main/java");
        Path sources = copy.resolve(module).resolve("src/main/java");
        if (files.length == 0) {
            copy(solution, sources);
            return copy;
        }
        for (String file : files) {
            Path from = find(solution, file);
            Path to = sources.resolve(solution.relativize(from).toString());
            Files.createDirectories(to.getParent());
            Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    /**
     * Takes a module out of a submission, as if the student never handed it in; a hostile
     * submission without module 1 also grades quicker, with no model checking.
     *
     * @param submission the submission's folder
     * @param module the module's folder
     * @return the submission's folder
     * @throws IOException if deleting fails
     */
    public static Path withoutModule(Path submission, String module) throws IOException {
        Path folder = submission.resolve(module);
        if (Files.isDirectory(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return submission;
    }

    /**
     * Zips a folder, as a student hands it in.
     *
     * @param folder the folder
     * @param zip the zip file to write
     * @param top a folder to put everything in inside the zip, or {@code ""} for none
     * @return the zip file
     * @throws IOException if writing fails
     */
    public static Path zip(Path folder, Path zip, String top) throws IOException {
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(
                Files.newOutputStream(zip)); Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = top + folder.relativize(file).toString().replace('\\', '/');
                out.putNextEntry(new java.util.zip.ZipEntry(name));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return zip;
    }

    /**
     * A zip with one entry of a given name: to try names that would land outside its folder.
     *
     * @param zip the zip file to write
     * @param name the entry's name
     * @param text the entry's text
     * @return the zip file
     * @throws IOException if writing fails
     */
    public static Path zipWithEntry(Path zip, String name, String text) throws IOException {
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(
                Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry(name));
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return zip;
    }

    /**
     * Deletes a folder and all in it, if it is there.
     *
     * @param dir the folder
     * @throws IOException if deleting fails
     */
    public static void deleteIfExists(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /**
     * Copies a folder, leaving out build output, to make a submission to change.
     *
     * @param from the folder
     * @param to where the copy goes
     * @throws IOException if copying fails
     */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                Path relative = from.relativize(source);
                if (relative.toString().startsWith("target") || relative.toString()
                        .contains("/target")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}

package threadlab.grader.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The hostile suite's submissions: each a small change that a hostile student makes to an
 * untouched skeleton or to the reference solutions, kept under {@code hostile-suite/<attack>/}
 * in the test resources and described in its {@code README.md}.
 *
 * <p>An attack's folder holds {@code attack.txt}, whose lines say how to build it, and may hold
 * {@code files/}, laid over the submission as it is (any path: sources, services files, a
 * module descriptor). The lines of {@code attack.txt}, after its {@code #} comments:
 *
 * <ul>
 *   <li>{@code base skeleton|solutions|empty}: what the student starts from;
 *   <li>{@code drop <module>}: a module left out;
 *   <li>{@code include <file> <path>}: a file of {@code _shared/} copied to the path, its
 *       package line set to the path's package;
 *   <li>{@code hook <path> <statement>}: a static initializer that runs the statement, added to
 *       the file's public class;
 *   <li>{@code edit <path>}, then {@code <<<}, the lines to replace, {@code ===}, the new lines,
 *       {@code >>>};
 *   <li>{@code generate <path> deep-parentheses <n>}: a source file with one expression nested
 *       n parentheses deep;
 *   <li>{@code link <path> class:<student>/<path>|course:<path>}: a symbolic link to another
 *       student's folder in the class, or to a folder of the course;
 *   <li>{@code zip-entry <name>}: the submission is handed in as a zip, with an extra entry of
 *       that exact name;
 *   <li>{@code name <name>}: the student's name, with {@code \n} for a line break and
 *       {@code \xHH} for a byte that is not UTF-8 (the attack's folder name otherwise);
 *   <li>{@code expect score-at-most <points>}: the most the submission may score.
 * </ul>
 */
public final class HostileCorpus {

    private static final String ROOT = "/hostile-suite";

    private HostileCorpus() {
    }

    /**
     * An attack as its manifest describes it.
     *
     * @param id the attack's folder name
     * @param lines its manifest's lines
     */
    public record Attack(String id, List<String> lines) {

        /**
         * The most points it may score.
         *
         * @return the {@code expect score-at-most} value, 0 if none is given
         */
        public int scoreAtMost() {
            return value("expect score-at-most ").map(Integer::parseInt).orElse(0);
        }

        /**
         * The student's name as a file name's bytes.
         *
         * @return the {@code name} line with its escapes turned to bytes, or the id
         */
        public byte[] studentName() {
            String name = value("name ").orElse(id);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c == '\\' && name.startsWith("n", i + 1)) {
                    bytes.write('\n');
                    i++;
                } else if (c == '\\' && name.startsWith("x", i + 1)) {
                    bytes.write(Integer.parseInt(name.substring(i + 2, i + 4), 16));
                    i += 3;
                } else {
                    bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                }
            }
            return bytes.toByteArray();
        }

        /**
         * Whether it is handed in as a zip.
         *
         * @return whether the manifest has a {@code zip-entry} line
         */
        public boolean zipped() {
            return lines.stream().anyMatch(l -> l.startsWith("zip-entry "));
        }

        private java.util.Optional<String> value(String prefix) {
            return lines.stream().filter(l -> l.startsWith(prefix))
                    .map(l -> l.substring(prefix.length()).strip()).findFirst();
        }
    }

    /**
     * Every attack of the corpus, in the order of their names.
     *
     * @return the attacks
     */
    public static List<Attack> attacks() {
        try (Stream<Path> list = Files.list(root())) {
            List<Attack> attacks = new ArrayList<>();
            for (Path dir : list.filter(p -> Files.isRegularFile(p.resolve("attack.txt")))
                    .sorted().toList()) {
                attacks.add(new Attack(dir.getFileName().toString(),
                        Files.readAllLines(dir.resolve("attack.txt"), StandardCharsets.UTF_8)));
            }
            return attacks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Builds an attack's submission in a class folder, under its student name: a folder, or a
     * zip for an attack with zip entries.
     *
     * @param attack the attack
     * @param classDir the class folder
     * @return the submission as handed in
     * @throws IOException if writing fails
     */
    public static Path build(Attack attack, Path classDir) throws IOException {
        Path work = Files.createTempDirectory(classDir.getParent(), "build-");
        Path sub = work.resolve("submission");
        Files.createDirectories(sub);
        List<String[]> links = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        Iterator<String> lines = attack.lines().iterator();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split(" ", 3);
            switch (words[0]) {
                case "base" -> base(words[1], sub);
                case "drop" -> Submissions.deleteIfExists(sub.resolve(words[1]));
                case "include" -> include(words[1], sub.resolve(words[2]));
                case "hook" -> hook(sub.resolve(words[1]), line.split(" ", 3)[2]);
                case "edit" -> edit(sub.resolve(words[1]), lines);
                case "generate" -> deepParentheses(sub.resolve(words[1]),
                        Integer.parseInt(line.split(" ")[3]));
                case "link" -> links.add(new String[] {words[1], words[2]});
                case "zip-entry" -> entries.add(line.substring("zip-entry ".length()));
                case "name", "expect" -> {
                }
                default -> throw new IllegalStateException(attack.id() + ": unknown line "
                        + line);
            }
        }
        Path files = root().resolve(attack.id()).resolve("files");
        if (Files.isDirectory(files)) {
            Submissions.copy(files, sub);
        }
        boolean plain = plainName(attack);
        Path named = classDir.resolve(plain
                ? new String(attack.studentName(), StandardCharsets.UTF_8) : attack.id());
        if (attack.zipped()) {
            named = Path.of(named + ".zip");
            zip(sub, named, entries);
        } else {
            Files.move(sub, named);
            Files.delete(work);
        }
        for (String[] link : links) {
            Path at = named.resolve(link[0]);
            Submissions.deleteIfExists(at);
            Files.createDirectories(at.getParent());
            Files.createSymbolicLink(at, linkTarget(classDir, link[1]));
        }
        if (!plain) {
            rename(named, attack.studentName());
        }
        return named;
    }

    private static boolean plainName(Attack attack) {
        byte[] name = attack.studentName();
        return java.util.Arrays.equals(new String(name, StandardCharsets.UTF_8)
                .getBytes(StandardCharsets.UTF_8), name);
    }

    /** Java names files in UTF-8 only: a name that is not needs the shell to give it. */
    private static void rename(Path from, byte[] name) throws IOException {
        StringBuilder octal = new StringBuilder();
        for (byte b : name) {
            octal.append(String.format("\\%03o", b & 0xff));
        }
        try {
            Process mv = new ProcessBuilder("sh", "-c", "mv '" + from.getFileName()
                    + "' \"$(printf '" + octal + "')\"").directory(from.getParent().toFile())
                    .start();
            if (mv.waitFor() != 0) {
                throw new IllegalStateException("could not rename " + from + " to " + octal);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void base(String kind, Path sub) throws IOException {
        switch (kind) {
            case "solutions" -> Submissions.solution(sub);
            case "skeleton" -> Submissions.skeleton(sub);
            case "empty" -> {
            }
            default -> throw new IllegalStateException("unknown base " + kind);
        }
    }

    private static void include(String shared, Path to) throws IOException {
        String text = Files.readString(root().resolve("_shared").resolve(shared),
                StandardCharsets.UTF_8);
        String path = to.getParent().toString().replace('\\', '/');
        String pkg = path.substring(path.indexOf("src/main/java/") + "src/main/java/".length())
                .replace('/', '.');
        Files.createDirectories(to.getParent());
        Files.writeString(to, text.replaceFirst("(?m)^package [\\w.]+;", "package " + pkg + ";"),
                StandardCharsets.UTF_8);
    }

    private static void hook(Path file, String statement) throws IOException {
        List<String> source = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        for (int i = 0; i < source.size(); i++) {
            String line = source.get(i);
            if (line.startsWith("public ") && line.contains(" class ") && line.endsWith("{")) {
                source.add(i + 1, "    static {\n        " + statement + "\n    }\n");
                Files.write(file, source, StandardCharsets.UTF_8);
                return;
            }
        }
        throw new IllegalStateException("no public class line in " + file);
    }

    private static void edit(Path file, Iterator<String> lines) throws IOException {
        StringBuilder from = new StringBuilder();
        StringBuilder to = new StringBuilder();
        StringBuilder now = null;
        for (String line = lines.next(); !line.equals(">>>"); line = lines.next()) {
            if (line.equals("<<<")) {
                now = from;
            } else if (line.equals("===")) {
                now = to;
            } else {
                now.append(line).append('\n');
            }
        }
        String source = Files.readString(file, StandardCharsets.UTF_8);
        if (!source.contains(from)) {
            throw new IllegalStateException(file + " no longer contains the text to edit: "
                    + from);
        }
        Files.writeString(file, source.replace(from, to), StandardCharsets.UTF_8);
    }

    private static void deepParentheses(Path file, int depth) throws IOException {
        String name = file.getFileName().toString().replace(".java", "");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "package threadlab.threads;\n\nfinal class " + name
                + " {\n    static final int X = " + "(".repeat(depth) + "1" + ")".repeat(depth)
                + ";\n}\n", StandardCharsets.UTF_8);
    }

    private static Path linkTarget(Path classDir, String target) {
        if (target.startsWith("class:")) {
            return classDir.resolve(target.substring("class:".length())).toAbsolutePath();
        }
        if (target.startsWith("course:")) {
            return GraderProcess.courseRoot().resolve(target.substring("course:".length()));
        }
        throw new IllegalStateException("a link goes to class:... or course:..., not " + target);
    }

    private static void zip(Path folder, Path zip, List<String> entries) throws IOException {
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(
                Files.newOutputStream(zip)); Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new java.util.zip.ZipEntry(folder.relativize(file).toString()));
                Files.copy(file, out);
                out.closeEntry();
            }
            for (String entry : entries) {
                out.putNextEntry(new java.util.zip.ZipEntry(entry));
                out.write("written by a zip entry of a hostile submission\n"
                        .getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        Submissions.deleteIfExists(folder.getParent());
    }

    private static Path root() {
        URL url = HostileCorpus.class.getResource(ROOT);
        if (url == null) {
            throw new IllegalStateException("no " + ROOT + " in the test resources");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

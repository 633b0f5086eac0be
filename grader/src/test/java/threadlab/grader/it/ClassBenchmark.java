package threadlab.grader.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import threadlab.grader.course.Course;
import threadlab.grader.run.AgentJar;
import threadlab.grader.testing.GraderProcess;
import threadlab.grader.testing.Submissions;

/**
 * The grader against grading by hand, side by side on one generated class: copies of the
 * reference solutions and of every known-wrong variant. Run it with
 * {@code ./mvnw -q verify -Pbenchmark -pl grader -am -DskipTests}; it prints its figures. It
 * asserts no time: it checks only that every grade is what the variant deserves.
 *
 * <p>By hand means what an instructor without the grader does: copy the hidden tests (and the
 * grader's model checker, which they use, with its agent) into a submission and run
 * {@code ./mvnw -q -o test} there. That takes long, so it runs on a sample of
 * the class, and its time for the whole class is worked out from the sample. A run by hand waits
 * through the same tests, and the class mixes quick submissions with slow wrong ones, so the
 * sample's mean alone would depend on which submissions it holds. Instead, the sample gives what
 * a run by hand costs beyond its tests' own time (Maven, compiling, the JVM), and each
 * submission adds its tests' own time, as the grader measured it.
 *
 * <p>Options, as system properties: {@code bench.submissions} (200), {@code bench.byHand} (4),
 * {@code bench.dir} (where the class and reports go), {@code bench.generateOnly} (only write the
 * class, for {@code grade --repeat}).
 */
public final class ClassBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClassBenchmark() {
    }

    /** A way to make one submission of the class. */
    private interface Maker {
        void make(Path dir) throws IOException;
    }

    /** The variants of the class, by name: the solution, then every bank's variants. */
    static Map<String, Maker> variants() {
        Map<String, Maker> variants = new LinkedHashMap<>();
        variants.put("solution", Submissions::solution);
        Banks.all().forEach(v -> variants.put(v.module().substring(0, "module-0N".length())
                + "-" + v.name(), v::make));
        return variants;
    }

    /**
     * Generates a class: copies of each variant in turn.
     *
     * @param dir the class folder
     * @param size how many submissions
     * @return each submission's folder name and its variant
     * @throws IOException if writing fails
     */
    static Map<String, String> generate(Path dir, int size) throws IOException {
        Map<String, Maker> variants = variants();
        List<String> names = new ArrayList<>(variants.keySet());
        Map<String, String> made = new LinkedHashMap<>();
        Files.createDirectories(dir);
        for (int i = 0; i < size; i++) {
            String variant = names.get(i % names.size());
            String name = String.format(Locale.ROOT, "s%03d-%s", i + 1, variant);
            variants.get(variant).make(dir.resolve(name));
            made.put(name, variant);
        }
        return made;
    }

    /**
     * Runs the benchmark.
     *
     * @param args not used: see the system properties
     * @throws Exception if a step fails
     */
    public static void main(String[] args) throws Exception {
        int size = Integer.getInteger("bench.submissions", 200);
        int byHand = Integer.getInteger("bench.byHand", 4);
        Path root = Path.of(System.getProperty("bench.dir", GraderProcess.courseRoot()
                .resolve("grader/target/benchmark").toString())).toAbsolutePath();
        Submissions.deleteIfExists(root);
        Path classDir = root.resolve("class");
        Map<String, String> made = generate(classDir, size);
        System.out.printf(Locale.ROOT, "Class: %d submissions in %s, %d variants: %s%n", size,
                classDir, variants().size(), String.join(", ", variants().keySet()));
        if (Boolean.getBoolean("bench.generateOnly")) {
            return;
        }
        System.out.println(machine());

        Path reports = root.resolve("reports");
        double cpuBefore = endedChildrenCpuSeconds();
        long start = System.nanoTime();
        GraderProcess.Result graded = GraderProcess.run(GraderProcess.courseRoot(),
                TimeUnit.HOURS.toSeconds(2), "grade", classDir.toString(), "--out",
                reports.toString());
        double graderSeconds = (System.nanoTime() - start) / 1e9;
        double graderCpu = endedChildrenCpuSeconds() - cpuBefore;
        if (graded.exitCode() != 0) {
            throw new IllegalStateException("grading failed:\n" + graded.stdout()
                    + graded.stderr());
        }
        Map<String, JsonNode> results = new LinkedHashMap<>();
        for (String name : made.keySet()) {
            results.put(name, JSON.readTree(reports.resolve(name).resolve("results.json")
                    .toFile()));
        }
        int wrongGrades = check(results, made);
        JsonNode run = JSON.readTree(reports.resolve("run.json").toFile());

        List<String> sample = sample(made, byHand);
        double handSeconds = 0;
        double fixedSeconds = 0;
        for (String name : sample) {
            double seconds = byHand(classDir.resolve(name), root.resolve("by-hand").resolve(name));
            handSeconds += seconds;
            fixedSeconds += seconds - testSeconds(results.get(name));
        }
        double handPerSubmission = handSeconds / sample.size();
        double fixedPerSubmission = fixedSeconds / sample.size();
        double handForClass = 0;
        for (String name : made.keySet()) {
            handForClass += fixedPerSubmission + testSeconds(results.get(name));
        }

        System.out.printf(Locale.ROOT, "%nThe grader: %d submissions in %.1f s, %.3f s each,"
                + " %d working at a time (isolation on: a JVM per submission, heap %d MB,"
                + " class-data sharing %s)%n", size, graderSeconds, graderSeconds / size,
                run.get("jobs").asInt(), run.get("heap_megabytes").asInt(),
                run.get("class_data_sharing").asText());
        System.out.printf(Locale.ROOT, "By hand (hidden tests copied in, ./mvnw -q -o test):"
                + " %.2f s each, on %d of the %d submissions; of that, %.2f s each beyond the"
                + " tests' own time%n", handPerSubmission, sample.size(), size,
                fixedPerSubmission);
        System.out.printf(Locale.ROOT, "By hand for the class: %.0f s (%.2f s each beyond the"
                + " tests, plus each submission's own test time); the sample's mean times the"
                + " class would say %.0f s%n", handForClass, fixedPerSubmission,
                handPerSubmission * size);
        System.out.printf(Locale.ROOT, "Speed-up: %.1f times%n", handForClass / graderSeconds);
        System.out.printf(Locale.ROOT, "200 submissions at this rate: %.0f s (goal: at most 90 s"
                + " on 2 cores)%n", graderSeconds / size * 200);
        processorTime(results, made, graderCpu, graderSeconds);
        whereTheTimeGoes(results.values());
        System.out.printf(Locale.ROOT, "Grades as expected: %d of %d%n", size - wrongGrades,
                size);
        if (wrongGrades > 0) {
            throw new IllegalStateException(wrongGrades + " grades were not as expected");
        }
    }

    private static String machine() {
        return String.format(Locale.ROOT, "Machine: %d cores, %s %s, Java %s, load average"
                + " %.2f at the start", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.version(), java.lang.management.ManagementFactory
                        .getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * The solution and the bank's correct variants must get full marks, every wrong variant
     * less; returns how many did not.
     */
    private static int check(Map<String, JsonNode> results, Map<String, String> made) {
        int wrong = 0;
        for (Map.Entry<String, String> e : made.entrySet()) {
            JsonNode graded = results.get(e.getKey());
            boolean full = graded.get("score").asInt() == graded.get("max_score").asInt();
            if (full != right(e.getValue())) {
                System.out.println("Not as expected: " + e.getKey() + " scored "
                        + graded.get("score").asInt());
                wrong++;
            }
        }
        return wrong;
    }

    /** Whether a variant is right: the solution, or a bank's correct variant. */
    private static boolean right(String variant) {
        return variant.equals("solution") || variant.contains("-correct-");
    }

    private static List<String> sample(Map<String, String> made, int count) {
        List<String> names = new ArrayList<>(made.keySet());
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < count && i < names.size(); i++) {
            sample.add(names.get(i * names.size() / Math.max(1, count)));
        }
        return sample;
    }

    /**
     * How long a submission's tests themselves took in the grader, in seconds: the sum of its
     * tests' times, which a run by hand waits through too.
     */
    private static double testSeconds(JsonNode results) {
        double millis = 0;
        for (JsonNode test : results.get("tests")) {
            millis += test.get("extra_data").get("millis").asDouble();
        }
        return millis / 1000;
    }

    /**
     * The processor time of this JVM's children that have ended, with theirs (Linux counts a
     * child's time once it is waited for), in seconds; -1 where the system does not say.
     */
    private static double endedChildrenCpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // cutime and cstime: fields 16 and 17 of proc(5), in 1/100 s on Linux.
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Processor time: the whole run's, and the test JVMs' from each results.json, with the least
     * wall time the test JVMs of right submissions alone would need on this machine.
     */
    private static void processorTime(Map<String, JsonNode> results, Map<String, String> made,
            double graderCpu, double graderSeconds) {
        double tests = 0;
        double right = 0;
        int rights = 0;
        int unknown = 0;
        for (Map.Entry<String, String> e : made.entrySet()) {
            JsonNode extra = results.get(e.getKey()).get("extra_data");
            if (!extra.has("test_jvm_cpu_millis")) {
                unknown++;
                continue;
            }
            double seconds = extra.get("test_jvm_cpu_millis").asDouble() / 1000;
            tests += seconds;
            if (right(e.getValue())) {
                right += seconds;
                rights++;
            }
        }
        int size = made.size();
        int cores = Runtime.getRuntime().availableProcessors();
        if (graderCpu >= 0) {
            System.out.printf(Locale.ROOT, "Processor time: %.0f s for the whole run, %.2f s"
                    + " per submission: the %d cores were %.0f%% busy%n", graderCpu,
                    graderCpu / size, cores, 100 * graderCpu / (cores * graderSeconds));
        }
        System.out.printf(Locale.ROOT, "  of which the test JVMs: %.0f s, %.2f s per"
                + " submission%s%n", tests, tests / Math.max(1, size - unknown),
                unknown == 0 ? "" : " (without " + unknown + " submissions whose test JVM ended"
                        + " before it could tell)");
        if (rights > 0) {
            double each = right / rights;
            System.out.printf(Locale.ROOT, "  a right submission's test JVM: %.2f s; for 200"
                    + " right submissions on %d cores the test JVMs alone need at least %.0f s"
                    + "%n", each, cores, 200 * each / cores);
        }
    }

    /** Means over the class, from each student's results.json. */
    private static void whereTheTimeGoes(Iterable<JsonNode> graded) {
        double total = 0;
        double compile = 0;
        double tests = 0;
        Map<String, Double> byModule = new LinkedHashMap<>();
        Map<String, Double> slowest = new LinkedHashMap<>();
        int n = 0;
        for (JsonNode results : graded) {
            JsonNode extra = results.get("extra_data");
            total += extra.get("grading_millis").asDouble();
            compile += extra.get("compile_millis").asDouble();
            tests += extra.get("test_millis").asDouble();
            for (JsonNode test : results.get("tests")) {
                double millis = test.get("extra_data").get("millis").asDouble();
                byModule.merge(test.get("tags").get(0).asText(), millis, Double::sum);
                slowest.merge(test.get("name").asText(), millis, Double::sum);
            }
            n++;
        }
        System.out.printf(Locale.ROOT, "Where the time goes, per submission (means, one job's"
                + " view): %.2f s in all; compiling %.2f s; test JVMs %.2f s, of which the"
                + " tests themselves:%n", total / n / 1000, compile / n / 1000,
                tests / n / 1000);
        int count = n;
        byModule.forEach((module, millis) -> System.out.printf(Locale.ROOT, "  %-22s %.2f s%n",
                module, millis / count / 1000));
        slowest.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .limit(3).forEach(e -> System.out.printf(Locale.ROOT, "  slowest: %.2f s %s%n",
                        e.getValue() / count / 1000, e.getKey()));
    }

    /**
     * Grades a submission by hand: a Maven project with its sources and the hidden tests, run
     * with the course's Maven wrapper, offline.
     *
     * @return how long {@code mvnw test} took, in seconds
     */
    private static double byHand(Path submission, Path project) throws Exception {
        Path root = GraderProcess.courseRoot();
        Path main = project.resolve("src/main/java");
        Path test = project.resolve("src/test/java");
        try (Stream<Path> modules = Files.list(submission)) {
            for (Path module : modules.filter(p -> Files.isDirectory(p.resolve("src/main/java")))
                    .toList()) {
                Submissions.copy(module.resolve("src/main/java"), main);
            }
        }
        Submissions.copy(root.resolve("grader/src/hidden/java"), test);
        // What the hidden tests use of the grader: its API, the model checker, the verdict
        // they report with, and the likely cause of a submission's own exception.
        for (String runtime : List.of("api", "testjvm/modelcheck")) {
            Submissions.copy(root.resolve("grader/src/main/java/threadlab/grader/" + runtime),
                    test.resolve("threadlab/grader/" + runtime));
        }
        for (String file : List.of("protocol/Verdict.java", "protocol/Text.java",
                "testjvm/StudentExceptions.java")) {
            Path to = test.resolve("threadlab/grader/" + file);
            Files.createDirectories(to.getParent());
            Files.copy(root.resolve("grader/src/main/java/threadlab/grader/" + file), to);
        }
        String agent = AgentJar.option(AgentJar.write(project.resolve("model-checker-agent.jar")),
                Course.modelCheckedPackages());
        Files.writeString(project.resolve("pom.xml"), pom(root, project, agent),
                StandardCharsets.UTF_8);
        List<String> command = List.of(root.resolve("mvnw").toString(), "-q", "-o", "test",
                "-f", project.resolve("pom.xml").toString());
        long start = System.nanoTime();
        Process maven = new ProcessBuilder(command).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(project.resolve("mvn.log").toFile())
                .start();
        if (!maven.waitFor(15, TimeUnit.MINUTES)) {
            maven.destroyForcibly();
            throw new IllegalStateException("mvnw test ran past 15 minutes in " + project);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String log = Files.readString(project.resolve("mvn.log"));
        if (!log.contains("Tests run") && maven.exitValue() != 0 && !log.contains("FAIL")) {
            throw new IllegalStateException("mvnw test could not run in " + project + ":\n"
                    + log);
        }
        System.out.printf(Locale.ROOT, "By hand: %-48s %6.2f s%n", submission.getFileName(),
                seconds);
        return seconds;
    }

    private static String pom(Path root, Path project, String agent) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>threadlab</groupId>
                    <artifactId>threadlab</artifactId>
                    <version>1.0.0-SNAPSHOT</version>
                    <relativePath>%s</relativePath>
                  </parent>
                  <artifactId>graded-by-hand</artifactId>
                  <properties><threadlab.root>%s</threadlab.root></properties>
                  <dependencies>
                    <dependency><groupId>org.junit.jupiter</groupId>
                      <artifactId>junit-jupiter</artifactId><scope>test</scope></dependency>
                    <dependency><groupId>org.assertj</groupId>
                      <artifactId>assertj-core</artifactId><scope>test</scope></dependency>
                    <dependency><groupId>org.awaitility</groupId>
                      <artifactId>awaitility</artifactId><scope>test</scope></dependency>
                    <dependency><groupId>com.fasterxml.jackson.core</groupId>
                      <artifactId>jackson-databind</artifactId><scope>test</scope></dependency>
                    <dependency><groupId>org.ow2.asm</groupId>
                      <artifactId>asm</artifactId><scope>test</scope></dependency>
                    <dependency><groupId>org.ow2.asm</groupId>
                      <artifactId>asm-tree</artifactId><scope>test</scope></dependency>
                  </dependencies>
                  <build><plugins><plugin>
                    <groupId>org.apache.maven.plugins</groupId>
                    <artifactId>maven-surefire-plugin</artifactId>
                    <configuration><argLine>%s</argLine></configuration>
                  </plugin></plugins></build>
                </project>
                """.formatted(project.relativize(root.resolve("pom.xml")), root, agent);
    }
}

package threadlab.grader.modelcheck;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The agent that rewrites the exercise's classes for model checking as the test JVM loads them.
 * The test JVM gets it with {@link #option}: a jar that holds only a manifest naming this class,
 * which the JVM then finds on its class path.
 */
public final class Agent {

    private Agent() {
    }

    /**
     * Called by the JVM before {@code main}: rewrites the classes of the given packages.
     *
     * @param packages the packages, separated by commas, such as {@code threadlab.refcount}
     * @param instrumentation the JVM's instrumentation
     */
    public static void premain(String packages, Instrumentation instrumentation) {
        List<String> prefixes = Arrays.stream(packages == null ? new String[0]
                : packages.split(",")).map(String::strip).filter(p -> !p.isEmpty())
                .map(p -> p.replace('.', '/') + "/").toList();
        instrumentation.addTransformer(new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader loader, String className, Class<?> redefined,
                    ProtectionDomain domain, byte[] bytes) {
                if (className == null || redefined != null
                        || prefixes.stream().noneMatch(className::startsWith)) {
                    return null;
                }
                try {
                    return Instrumenter.rewrite(bytes, loader);
                } catch (Throwable t) {
                    Instrumenter.failed(className, t);
                    return null;
                }
            }
        });
    }

    /**
     * Writes the agent's jar: a manifest only.
     *
     * @param jar where to write it
     * @return the jar
     * @throws IOException if it cannot be written
     */
    public static Path writeJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"),
                Agent.class.getName());
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }

    /**
     * The JVM option that starts the agent.
     *
     * @param jar the agent's jar, from {@link #writeJar}
     * @param packages the packages whose classes it rewrites
     * @return the option
     */
    public static String option(Path jar, Collection<String> packages) {
        return "-javaagent:" + jar.toAbsolutePath() + "=" + String.join(",", packages);
    }
}

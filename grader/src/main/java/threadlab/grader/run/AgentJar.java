package threadlab.grader.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The jar that starts the model checker's agent in a test JVM: a manifest only, since the agent's
 * classes are on the test JVM's class path. The grader names the agent's class without loading
 * it, so that nothing trusted depends on code that runs beside the submission.
 */
public final class AgentJar {

    /** The agent's class, which runs in the test JVM. */
    public static final String PREMAIN_CLASS = "threadlab.grader.testjvm.modelcheck.Agent";

    private AgentJar() {
    }

    /**
     * Writes the agent's jar.
     *
     * @param jar where to write it
     * @return the jar
     * @throws IOException if it cannot be written
     */
    public static Path write(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), PREMAIN_CLASS);
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }

    /**
     * The JVM option that starts the agent.
     *
     * @param jar the agent's jar, from {@link #write}
     * @param packages the packages whose classes it rewrites
     * @return the option
     */
    public static String option(Path jar, Collection<String> packages) {
        return "-javaagent:" + jar.toAbsolutePath() + "=" + String.join(",", packages);
    }
}

package threadlab.grader.testjvm.modelcheck;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.Arrays;
import java.util.List;

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
        ThreadLocals.install(instrumentation);
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
}

package threadlab.grader.testjvm.modelcheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;

/** The checker's fixtures, loaded rewritten as the test JVM's agent loads an exercise's classes. */
final class Fixtures {

    private static final String PACKAGE = "threadlab.grader.testjvm.modelcheck.fixture.";
    private static final RewritingLoader LOADER = new RewritingLoader();

    private Fixtures() {
    }

    /** Loads the fixtures rewritten; every other class as usual. */
    private static final class RewritingLoader extends ClassLoader {

        RewritingLoader() {
            super(Fixtures.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(PACKAGE)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    String file = name.replace('.', '/') + ".class";
                    try (InputStream in = getParent().getResourceAsStream(file)) {
                        byte[] bytes = Instrumenter.rewrite(in.readAllBytes(), this);
                        loaded = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return loaded;
            }
        }
    }

    /** A new fixture, by its simple name. */
    static Object make(String fixture) {
        try {
            return LOADER.loadClass(PACKAGE + fixture).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new fixture that is a counter. */
    static Counter counter(String fixture) {
        return (Counter) make(fixture);
    }

    /** Calls a method without arguments, and gives what it returns. */
    static Object call(Object target, String method) {
        try {
            return target.getClass().getMethod(method).invoke(target);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}

package threadlab.watch;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The class loader of one run: the module's classes just compiled, and Lincheck, loaded again for
 * each run. Lincheck remembers classes by name, in static fields: which it has instrumented for
 * model checking, and a cache of {@code Class.forName}. Kept from one run to the next, it would
 * look up the classes of an earlier run, or skip instrumenting the new ones and miss their races.
 * Loaded again, it starts clean; the libraries it uses (ASM, Kotlin, Byte Buddy, the agent's
 * Instrumentation) stay loaded and warm. Its classes and the run's are looked up here first.
 */
final class RunLoader extends URLClassLoader {

    /** Where Lincheck's own jars are on the class path: its group's folder in the repository. */
    private static final String LINCHECK = "org" + File.separator + "jetbrains" + File.separator
            + "lincheck" + File.separator;

    static {
        registerAsParallelCapable();
    }

    /**
     * A run's loader.
     *
     * @param classFolders the module's compiled classes and resources
     * @param parent the watch's loader: JUnit, AssertJ and Lincheck's libraries
     * @throws MalformedURLException if a folder has no URL
     */
    RunLoader(List<Path> classFolders, ClassLoader parent) throws MalformedURLException {
        super("watch-run", urls(classFolders), parent);
    }

    private static URL[] urls(List<Path> classFolders) throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (Path folder : classFolders) {
            urls.add(folder.toUri().toURL());
        }
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.contains(LINCHECK)) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null && !name.startsWith("java.")) {
                try {
                    c = findClass(name);
                } catch (ClassNotFoundException e) {
                    // not the run's: the watch's loader has it
                }
            }
            if (c == null) {
                c = getParent().loadClass(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }
}

package threadlab.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The class loader of one save's classes in a test JVM: the module's class folders, looked in
 * first, then the test JVM's class path (JUnit, AssertJ, Lincheck). A new one per save lets one
 * test JVM test save after save, each with its own version of the module's classes.
 */
final class SaveLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final List<Path> folders;

    /**
     * A loader for a save.
     *
     * @param folders the save's class folders
     * @param parent the test JVM's own class loader
     */
    SaveLoader(List<Path> folders, ClassLoader parent) {
        // No name: a named class loader would show in each line of a stack trace.
        super(urls(folders), parent);
        this.folders = List.copyOf(folders);
    }

    private static URL[] urls(List<Path> folders) {
        List<URL> urls = new ArrayList<>();
        for (Path folder : folders) {
            try {
                urls.add(folder.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(folder + " is no class folder", e);
            }
        }
        return urls.toArray(URL[]::new);
    }

    /**
     * The names of the classes in the save's folders.
     *
     * @return the names, as {@code threadlab.refcount.Ref}
     */
    Set<String> classNames() {
        Set<String> names = new TreeSet<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.map(f -> folder.relativize(f).toString())
                        .filter(f -> f.endsWith(".class") && !f.endsWith("module-info.class"))
                        .map(f -> f.substring(0, f.length() - ".class".length())
                                .replace('\\', '.').replace('/', '.'))
                        .forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                try {
                    c = findClass(name);
                } catch (ClassNotFoundException e) {
                    c = getParent().loadClass(name);
                }
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

    /**
     * The save's resources first, then the test JVM's, each once: the class folders are on the
     * test JVM's class path too, and JUnit warns of a {@code junit-platform.properties} found
     * twice.
     */
    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        Map<String, URL> all = new LinkedHashMap<>();
        for (Enumeration<URL> e = findResources(name); e.hasMoreElements();) {
            URL url = e.nextElement();
            all.putIfAbsent(url.toExternalForm(), url);
        }
        for (Enumeration<URL> e = getParent().getResources(name); e.hasMoreElements();) {
            URL url = e.nextElement();
            all.putIfAbsent(url.toExternalForm(), url);
        }
        return Collections.enumeration(all.values());
    }
}

package threadlab.watch;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;

/**
 * The context class loader of every thread the watch starts, for as long as it runs: it finds
 * classes and resources in the current run's class loader. A library that keeps threads from one
 * run to the next (Lincheck does) has those threads look classes up in the context loader they
 * were born with; this one follows the runs, so they see the code just compiled, never a class
 * loader that is closed.
 */
final class RunClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private volatile ClassLoader current;

    /**
     * A loader that finds the watch's own classes until a run begins.
     *
     * @param parent the watch's class loader: JUnit, AssertJ, Lincheck
     */
    RunClassLoader(ClassLoader parent) {
        super("watch-current-run", parent);
        this.current = parent;
    }

    /**
     * Makes a run's class loader the one to look in.
     *
     * @param run the run's loader
     */
    void follow(ClassLoader run) {
        this.current = run;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        return current.loadClass(name);
    }

    @Override
    public URL getResource(String name) {
        return current.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return current.getResources(name);
    }
}

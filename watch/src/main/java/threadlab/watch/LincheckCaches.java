package threadlab.watch;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * Lincheck's caches of classes by name, which a test JVM must empty of a save's classes before it
 * tests the next save. Lincheck keeps, in static fields, the bytes it rewrote for each class, the
 * classes it rewrote in this run, what it learnt of their fields, and a cache of
 * {@code Class.forName} with its own class loader, which cannot see a save's classes. All are
 * keyed by the class's name, and a save's classes keep their names: left there, the next save's
 * class would run the last save's rewritten bytes, and Lincheck would miss its races.
 *
 * <p>The fields are Lincheck's own, not its API; {@link #ready()} says whether this Lincheck has
 * them all. When it does not (another version), a test JVM tests one save and ends, as before.
 */
final class LincheckCaches {

    /** A static field of Lincheck's, and whether its keys are names with slashes. */
    private record Cache(String owner, String field, boolean internalNames) {
    }

    /** {@code Class.forName}'s cache, by name, which a save's classes are put in. */
    private static final Cache CLASSES = new Cache("org.jetbrains.lincheck.util.ClassCache",
            "cache", false);
    /** The methods of each class, by name, which a save's classes are put in too. */
    private static final Cache METHODS = new Cache(
            "org.jetbrains.kotlinx.lincheck.util.KotlinReflectionKt", "methodsCache", false);
    /** Maps from a class's name, or sets of names. */
    private static final List<Cache> BY_NAME = List.of(CLASSES, METHODS,
            new Cache("org.jetbrains.lincheck.jvm.agent.LincheckJavaAgent",
                    "instrumentedClasses", false),
            new Cache("org.jetbrains.lincheck.jvm.agent.FinalFields", "classToFieldsMap", true),
            new Cache("org.jetbrains.lincheck.jvm.agent.TransformationUtilsKt",
                    "isThreadSubclassMap", false),
            new Cache("org.jetbrains.lincheck.jvm.agent.TransformationUtilsKt",
                    "isCoroutineStateMachineClassMap", false),
            new Cache("org.jetbrains.lincheck.jvm.agent.transformers"
                    + ".CoroutineSupportTransformersKt", "coroutineCallingClasses", false));
    /** The rewritten bytes, a map per way of testing, each from a class's name. */
    private static final Cache REWRITTEN = new Cache(
            "org.jetbrains.lincheck.jvm.agent.LincheckClassFileTransformer",
            "transformedClassesCachesByMode", false);
    /** The methods of a class by name and method name, keyed by a Kotlin pair. */
    private static final Cache METHODS_BY_NAME = new Cache(
            "org.jetbrains.kotlinx.lincheck.util.KotlinReflectionKt", "filteredMethodsCache",
            false);

    private LincheckCaches() {
    }

    /**
     * Whether this Lincheck has every cache this class empties.
     *
     * @return true when a test JVM can forget a save's classes
     */
    static boolean ready() {
        try {
            for (Cache cache : all()) {
                Object value = field(cache).get(null);
                if (!(value instanceof Map) && !(value instanceof Collection)) {
                    return false;
                }
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * Puts a save's classes in Lincheck's caches of classes by name, so that Lincheck finds them
     * and not classes of its own class loader's.
     *
     * @param classes the save's classes
     * @throws ReflectiveOperationException if a cache is not there
     */
    @SuppressWarnings("unchecked")
    static void remember(Collection<Class<?>> classes) throws ReflectiveOperationException {
        Map<String, Class<?>> byName = (Map<String, Class<?>>) field(CLASSES).get(null);
        Map<String, Method[]> methods = (Map<String, Method[]>) field(METHODS).get(null);
        for (Class<?> c : classes) {
            byName.put(c.getName(), c);
            try {
                Set<Method> all = new LinkedHashSet<>(Arrays.asList(c.getMethods()));
                all.addAll(Arrays.asList(c.getDeclaredMethods()));
                synchronized (methods) {
                    methods.put(c.getName(), all.toArray(Method[]::new));
                }
            } catch (LinkageError e) {
                // A class whose methods name a class that is missing: Lincheck cannot list them.
            }
        }
    }

    /**
     * Removes a save's classes from every cache: those keyed by name, and any other static map or
     * collection of Lincheck's that holds one of the save's classes, or a field or method of one
     * (Lincheck keeps, for one, the offset of each field it met).
     *
     * @param names the save's classes' names, as {@code threadlab.refcount.Ref}
     * @param loader the save's class loader, or null when its classes were never loaded
     * @throws ReflectiveOperationException if a cache is not there
     */
    static void forget(Set<String> names, ClassLoader loader)
            throws ReflectiveOperationException {
        Set<String> internal = new LinkedHashSet<>();
        names.forEach(n -> internal.add(n.replace('.', '/')));
        for (Cache cache : BY_NAME) {
            remove(field(cache).get(null), cache.internalNames() ? internal : names);
        }
        for (Object byMode : ((Map<?, ?>) field(REWRITTEN).get(null)).values()) {
            remove(byMode, names);
        }
        Map<?, ?> methods = (Map<?, ?>) field(METHODS_BY_NAME).get(null);
        synchronized (methods) {
            methods.keySet().removeIf(k -> k instanceof kotlin.Pair<?, ?> pair
                    && names.contains(String.valueOf(pair.getFirst())));
        }
        if (loader != null) {
            for (Class<?> c : ByteBuddyAgent.getInstrumentation().getAllLoadedClasses()) {
                if (c.getName().startsWith("org.jetbrains.")
                        && c.getName().contains("lincheck.")
                        && c.getClassLoader() == LincheckCaches.class.getClassLoader()) {
                    forgetIn(c, loader);
                }
            }
        }
    }

    /** Removes what belongs to a save from a class's static maps and collections. */
    private static void forgetIn(Class<?> owner, ClassLoader loader) {
        Field[] fields;
        try {
            fields = owner.getDeclaredFields();
        } catch (LinkageError e) {
            return; // a class of Lincheck's for a library that is not here
        }
        for (Field f : fields) {
            if (!Modifier.isStatic(f.getModifiers())
                    || !Map.class.isAssignableFrom(f.getType())
                    && !Collection.class.isAssignableFrom(f.getType())) {
                continue;
            }
            try {
                f.setAccessible(true);
                Object cache = f.get(null);
                if (cache instanceof Map<?, ?> map) {
                    synchronized (map) {
                        map.keySet().removeIf(k -> belongs(k, loader));
                    }
                } else if (cache instanceof Collection<?> all) {
                    synchronized (all) {
                        all.removeIf(e -> belongs(e, loader));
                    }
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // An unmodifiable table of Lincheck's own: it holds no class of a save.
            }
        }
    }

    /** Whether a key is one of a save's classes, or a field or method of one, or a pair of. */
    private static boolean belongs(Object key, ClassLoader loader) {
        if (key instanceof Class<?> c) {
            return c.getClassLoader() == loader;
        }
        if (key instanceof Member m) {
            return m.getDeclaringClass().getClassLoader() == loader;
        }
        if (key instanceof kotlin.Pair<?, ?> pair) {
            return belongs(pair.getFirst(), loader) || belongs(pair.getSecond(), loader);
        }
        return false;
    }

    private static void remove(Object cache, Set<String> names) {
        // The HashMaps and HashSets are Lincheck's, which uses them from the tests' threads; no
        // test runs while a save's classes are forgotten.
        synchronized (cache) {
            if (cache instanceof Map<?, ?> map) {
                map.keySet().removeAll(names);
            } else {
                ((Collection<?>) cache).removeAll(names);
            }
        }
    }

    private static List<Cache> all() {
        List<Cache> all = new ArrayList<>(BY_NAME);
        all.add(REWRITTEN);
        all.add(METHODS_BY_NAME);
        return all;
    }

    private static Field field(Cache cache) throws ReflectiveOperationException {
        Field f = Class.forName(cache.owner()).getDeclaredField(cache.field());
        f.setAccessible(true);
        return f;
    }
}

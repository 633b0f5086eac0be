package threadlab.refcount;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** Hostile: reads the secret out of the test JVM's own objects, by reflection. */
public final class ReflectionForger {

    private static final sun.misc.Unsafe UNSAFE = unsafe();
    private static boolean done;

    private ReflectionForger() {
    }

    public static synchronized void run() {
        if (done) {
            return;
        }
        done = true;
        try {
            String[] cmd = new String(Files.readAllBytes(Path.of("/proc/self/cmdline")))
                    .split("\0");
            String main = cmd[cmd.length - 1];
            String top = main.substring(0, main.indexOf('.') + 1).replace('.', '/');
            Set<String> secrets = new HashSet<>();
            Set<String> ids = new HashSet<>();
            Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            Deque<Object> todo = new ArrayDeque<>();
            for (String entry : System.getProperty("java.class.path").split(":")) {
                if (!entry.endsWith(".jar")) {
                    continue;
                }
                try (JarFile jar = new JarFile(entry)) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                        String name = e.nextElement().getName();
                        if (name.startsWith(top) && name.endsWith(".class")
                                && !name.startsWith(ReflectionForger.class.getPackageName().replace('.', '/') + "/")) {
                            statics(name.replace('/', '.').replace(".class", ""), todo);
                        }
                    }
                }
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!todo.isEmpty() && System.nanoTime() < deadline) {
                Object o = todo.poll();
                if (o == null || !seen.add(o)) {
                    continue;
                }
                if (o instanceof String s) {
                    Forge.harvest(s, secrets, ids);
                } else if (o.getClass().getName().endsWith(".UniqueId")) {
                    Forge.harvest(o.toString(), secrets, ids);
                } else if (o instanceof Map<?, ?> m && javaUtil(o)) {
                    m.keySet().forEach(k -> push(todo, k));
                    m.values().forEach(v -> push(todo, v));
                } else if (o instanceof Iterable<?> it && javaUtil(o)) {
                    it.forEach(x -> push(todo, x));
                } else if (o.getClass().isArray() && !o.getClass().getComponentType()
                        .isPrimitive()) {
                    for (int i = 0; i < Array.getLength(o); i++) {
                        push(todo, Array.get(o, i));
                    }
                } else if (!o.getClass().isArray()) {
                    fields(o, todo);
                }
            }
            Forge.send(secrets, ids, true, false);
            Thread.sleep(2_000);
        } catch (Exception | Error e) {
            // Fall back to the skeleton's behaviour.
        }
    }

    private static sun.misc.Unsafe unsafe() {
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (sun.misc.Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean javaUtil(Object o) {
        return o.getClass().getName().startsWith("java.util.");
    }

    private static void push(Deque<Object> todo, Object o) {
        if (o != null) {
            todo.add(o);
        }
    }

    private static void statics(String name, Deque<Object> todo) {
        try {
            Class<?> c = Class.forName(name, false, ClassLoader.getSystemClassLoader());
            if (UNSAFE.shouldBeInitialized(c)) {
                // Reading it would run its initializer: skip what the JVM has not used.
                return;
            }
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()) {
                    f.setAccessible(true);
                    push(todo, f.get(null));
                }
            }
        } catch (Exception | LinkageError e) {
            // Skip it.
        }
    }

    private static void fields(Object o, Deque<Object> todo) {
        for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    push(todo, f.get(o));
                } catch (Exception | Error e) {
                    // Closed to us; skip it.
                }
            }
        }
    }
}

package threadlab.grader.check;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Waits for a student to save a Java source in the watched folders. An editor's save is often a
 * burst of events (a temporary file, a rename, a second write); the watcher waits until the
 * folders have been quiet for a moment and reports the burst once.
 */
public final class SourceWatcher implements AutoCloseable {

    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();

    /**
     * Watches folders and every folder in them, also those made later.
     *
     * @param roots the folders; a missing one is left out
     * @throws IOException if the file system cannot watch them
     */
    public SourceWatcher(List<Path> roots) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        for (Path root : roots) {
            register(root);
        }
    }

    private void register(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path dir : walk.filter(Files::isDirectory).toList()) {
                folders.put(dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE), dir);
            }
        }
    }

    /**
     * Waits until a {@code .java} file was created, changed or deleted, and then until the
     * folders have been quiet for {@code quiet}.
     *
     * @param quiet how long no event must come before the burst counts as over
     * @return the names of the changed Java files, sorted
     * @throws InterruptedException if interrupted while waiting
     * @throws IOException if a new folder cannot be watched
     */
    public List<String> awaitChange(Duration quiet) throws InterruptedException, IOException {
        TreeSet<String> changed = new TreeSet<>();
        try {
            while (changed.isEmpty()) {
                take(service.take(), changed);
                for (WatchKey key = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
                        key != null;
                        key = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) {
                    take(key, changed);
                }
            }
        } catch (ClosedWatchServiceException e) {
            throw new InterruptedException("the watcher was closed");
        }
        return List.copyOf(changed);
    }

    private void take(WatchKey key, TreeSet<String> changed) throws IOException {
        Path dir = folders.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (dir == null || !(event.context() instanceof Path name)) {
                continue;
            }
            Path path = dir.resolve(name);
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE
                    && Files.isDirectory(path)) {
                register(path);
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(p -> p.toString().endsWith(".java"))
                            .forEach(p -> changed.add(p.getFileName().toString()));
                }
            } else if (name.toString().endsWith(".java")) {
                changed.add(name.toString());
            }
        }
        if (!key.reset()) {
            folders.remove(key);
        }
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}

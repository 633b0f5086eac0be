package threadlab.grader.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A module's {@code HINTS.md}: a {@code ## Task N} section per task, each a list of
 * {@code - } bullets, a bullet's further lines indented. The hints of a task, one bullet each,
 * with its lines joined.
 */
public final class Hints {

    private static final Pattern TASK = Pattern.compile("^## Task (\\d+)\\s*$");

    private final Map<Integer, List<String>> byTask;

    private Hints(Map<Integer, List<String>> byTask) {
        this.byTask = byTask;
    }

    /**
     * Reads a module's hints.
     *
     * @param file the module's {@code HINTS.md}
     * @return its hints, or none if the file is missing or cannot be read
     */
    public static Hints read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return parse("");
        }
    }

    /**
     * Parses the text of a {@code HINTS.md}.
     *
     * @param text the text
     * @return the hints of each {@code ## Task N} section
     */
    public static Hints parse(String text) {
        Map<Integer, List<String>> byTask = new LinkedHashMap<>();
        List<String> hints = null;
        StringBuilder hint = null;
        for (String line : text.lines().toList()) {
            Matcher task = TASK.matcher(line);
            if (task.matches() || line.startsWith("#")) {
                add(hints, hint);
                hint = null;
                hints = null;
                if (task.matches()) {
                    hints = new ArrayList<>();
                    byTask.put(Integer.parseInt(task.group(1)), hints);
                }
            } else if (hints != null && line.startsWith("- ")) {
                add(hints, hint);
                hint = new StringBuilder(line.substring(2).strip());
            } else if (hint != null && line.startsWith(" ") && !line.isBlank()) {
                hint.append(' ').append(line.strip());
            } else if (hint != null) {
                add(hints, hint);
                hint = null;
            }
        }
        add(hints, hint);
        byTask.replaceAll((task, list) -> List.copyOf(list));
        return new Hints(byTask);
    }

    private static void add(List<String> hints, StringBuilder hint) {
        if (hints != null && hint != null) {
            hints.add(hint.toString());
        }
    }

    /**
     * The tasks that have a section.
     *
     * @return the numbers N of every {@code ## Task N}
     */
    public Set<Integer> tasks() {
        return byTask.keySet();
    }

    /**
     * A task's hints, in the order a student should read them.
     *
     * @param task the task's number
     * @return its hints, one per bullet; none if it has no section
     */
    public List<String> of(int task) {
        return byTask.getOrDefault(task, List.of());
    }
}

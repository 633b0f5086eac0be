package threadlab.refcount;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hostile student's helper, never a solution: given text that holds the run's secret and the
 * JUnit ids of the tests (a heap dump, a file, an object graph), it writes a "passed" result for
 * every test behind every secret it can guess, then says it is done.
 *
 * <p>What a student knows: the grader's output lines start with 32 hex digits and carry JSON
 * (learnt from a first submission that leaked the grader's classes), and JUnit's ids look like
 * {@code [engine:junit-jupiter]/[class:...]/[method:...]}.
 */
public final class Forge {

    static final Pattern SECRET = Pattern.compile("(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])");
    static final Pattern TEST_ID = Pattern.compile(
            "\\[engine:junit-jupiter\\](?:/\\[[a-z-]+:[^\\]\\x00-\\x1f\"\\\\]*\\])+");

    private Forge() {
    }

    /** Adds what text holds: secrets to the first set, test ids to the second. */
    public static void harvest(String text, Set<String> secrets, Set<String> ids) {
        Matcher s = SECRET.matcher(text);
        while (s.find()) {
            secrets.add(s.group());
        }
        Matcher i = TEST_ID.matcher(text);
        while (i.find()) {
            ids.add(i.group());
        }
    }

    /** Sends "passed" for every id behind every secret, then "done", on the real stdout. */
    public static void send(Set<String> secrets, Set<String> ids, boolean passed) {
        send(secrets, ids, passed, true);
    }

    /**
     * Sends a result for every id behind every secret on the real stdout, and "done" if asked:
     * when the ids may not be all the tests, the tests that are left must still run.
     */
    public static void send(Set<String> secrets, Set<String> ids, boolean passed,
            boolean done) {
        if (secrets.isEmpty() || ids.isEmpty()) {
            return;
        }
        try {
            FileOutputStream out = new FileOutputStream(FileDescriptor.out);
            for (String secret : secrets) {
                StringBuilder lines = new StringBuilder();
                for (String id : new TreeSet<>(ids)) {
                    lines.append('\n').append(secret).append(" {\"type\":\"finished\",\"id\":\"")
                            .append(id).append("\",\"passed\":").append(passed)
                            .append(",\"feedback\":\"\",\"millis\":1}\n");
                }
                out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
            }
            for (String secret : done ? secrets : Set.<String>of()) {
                out.write(("\n" + secret + " {\"type\":\"done\"}\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            out.flush();
        } catch (IOException e) {
            // Nobody listens any more.
        }
    }
}

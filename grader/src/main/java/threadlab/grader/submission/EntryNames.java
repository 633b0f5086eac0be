package threadlab.grader.submission;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The names of a zip's entries, made into paths inside the folder the zip unpacks to. A name is
 * normalised once, here, and everything after works on the normalised name: a check on the raw
 * name and a path made from it later can disagree (an entry below extra top folders climbed out
 * once those folders were taken off).
 */
final class EntryNames {

    private EntryNames() {
    }

    /**
     * An entry's name, normalised: forward slashes, no {@code .} or {@code ..} parts, no empty
     * parts.
     *
     * @param raw the name as the zip holds it
     * @return the name inside the unpack folder; empty for the folder itself
     * @throws IllegalArgumentException with the reason, if the name is absolute, climbs out of
     *     the folder, or holds a control character
     */
    static String normalise(String raw) {
        String name = raw.replace('\\', '/');
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw new IllegalArgumentException("holds a control character, which no file name"
                    + " may hold");
        }
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            throw new IllegalArgumentException("is an absolute path, so it would land outside the"
                    + " folder it unpacks to");
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw new IllegalArgumentException("climbs with \"..\", so it would land"
                            + " outside the folder it unpacks to");
                }
                parts.removeLast();
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }
}

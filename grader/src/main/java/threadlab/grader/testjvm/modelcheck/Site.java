package threadlab.grader.testjvm.modelcheck;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A place in the exercise's code that reads or writes a field or an array element: what the
 * race detector names when two accesses race. The instrumenter registers each site once and
 * passes its number to {@link Hooks}.
 *
 * @param what the field as {@code Class.field}, or {@code Class: an array element}
 * @param where the file and line, as {@code SafeRefCount.java:31}
 * @param write whether the site writes
 * @param kind how the field is shared
 * @param key the field as its declaring class's binary name and its own, which tells fields
 *     apart; for an array element, {@code []}
 */
record Site(String what, String where, boolean write, Kind kind, String key) {

    /** How a field is declared, as far as races go. */
    enum Kind {
        /** Neither volatile nor final: two unordered accesses race. */
        PLAIN,
        /** Volatile: each access synchronises, and none races. */
        VOLATILE,
        /** Final, or a field the instrumenter could not see: never checked. */
        UNCHECKED
    }

    private static final List<Site> SITES = new CopyOnWriteArrayList<>();

    /**
     * Registers a site.
     *
     * @param site the site
     * @return its number, for {@link #of}
     */
    static int register(Site site) {
        synchronized (SITES) {
            SITES.add(site);
            return SITES.size() - 1;
        }
    }

    /**
     * A registered site.
     *
     * @param number what {@link #register} returned
     * @return the site
     */
    static Site of(int number) {
        return SITES.get(number);
    }

    /** The access, as {@code writes SafeRefCount.count (SafeRefCount.java:31)}. */
    String describe() {
        return (write ? "writes " : "reads ") + what + " (" + where + ")";
    }
}

package threadlab.grader.mutants;

import java.util.List;

/** A unified diff of one change: the lines from the first that differs to the last, in context. */
final class UnifiedDiff {

    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /**
     * The diff of two versions of a file.
     *
     * @param path the file's name in the diff's header
     * @param before the first version
     * @param after the second
     * @return the diff, with {@code ---} and {@code +++} headers and one hunk
     */
    static String of(String path, String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        int from = Math.max(0, head - CONTEXT);
        int aTo = Math.min(a.size(), a.size() - tail + CONTEXT);
        int bTo = Math.min(b.size(), b.size() - tail + CONTEXT);
        StringBuilder diff = new StringBuilder("--- a/" + path + "\n+++ b/" + path + "\n");
        diff.append("@@ -").append(range(from, aTo - from)).append(" +")
                .append(range(from, bTo - from)).append(" @@\n");
        for (int i = from; i < head; i++) {
            diff.append(' ').append(a.get(i)).append('\n');
        }
        for (int i = head; i < a.size() - tail; i++) {
            diff.append('-').append(a.get(i)).append('\n');
        }
        for (int i = head; i < b.size() - tail; i++) {
            diff.append('+').append(b.get(i)).append('\n');
        }
        for (int i = a.size() - tail; i < aTo; i++) {
            diff.append(' ').append(a.get(i)).append('\n');
        }
        return diff.toString();
    }

    private static String range(int from, int count) {
        return (count == 0 ? from : from + 1) + "," + count;
    }
}

package threadlab.grader.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads lines of UTF-8 text, never keeping more than a bound in memory: a submission that writes
 * a gigabyte with no line break costs the grader nothing but the reading. The part of a line past
 * the bound is dropped.
 */
final class LineReader {

    private final InputStream in;
    private final int maxLine;
    private final byte[] buffer = new byte[16 * 1024];
    private int start;
    private int end;
    private byte[] line = new byte[256];
    private int length;

    /**
     * A reader.
     *
     * @param in the stream
     * @param maxLine the most bytes of a line that are kept
     */
    LineReader(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /**
     * The next line, without its line break.
     *
     * @return the line, or {@code null} at the end of the stream
     * @throws IOException if reading fails
     */
    String readLine() throws IOException {
        length = 0;
        boolean any = false;
        while (true) {
            if (start == end) {
                end = in.read(buffer);
                start = 0;
                if (end <= 0) {
                    end = 0;
                    return any ? text() : null;
                }
            }
            any = true;
            while (start < end) {
                byte b = buffer[start++];
                if (b == '\n') {
                    return text();
                }
                if (length < maxLine) {
                    if (length == line.length) {
                        line = Arrays.copyOf(line, Math.min(maxLine, line.length * 2));
                    }
                    line[length++] = b;
                }
            }
        }
    }

    private String text() {
        int n = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        return new String(line, 0, n, StandardCharsets.UTF_8);
    }
}

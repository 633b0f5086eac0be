package threadlab.testing;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells whether code printed to {@code System.out}: a common mistake where a task asks for a
 * given stream. What the code prints still reaches {@code System.out}, so the student sees it.
 *
 * <pre>{@code
 * boolean toSystemOut = SystemOutWatch.printedDuring(() -> sleeper.sleeper(3));
 * }</pre>
 */
public final class SystemOutWatch {

    private SystemOutWatch() {
    }

    /**
     * Runs code and tells whether it printed to {@code System.out} meanwhile, from any thread.
     * {@code System.out} is put back afterwards, also when the code throws.
     *
     * @param code the code to watch
     * @return {@code true} if anything was written to {@code System.out} while it ran
     * @throws Exception what the code threw
     */
    public static boolean printedDuring(Verdict.Assertion code) throws Exception {
        PrintStream original = System.out;
        AtomicBoolean printed = new AtomicBoolean();
        OutputStream watched = new OutputStream() {
            @Override
            public void write(int b) {
                printed.set(true);
                original.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                printed.compareAndSet(false, length > 0);
                original.write(bytes, offset, length);
            }

            @Override
            public void flush() {
                original.flush();
            }
        };
        // Java 17 does not say which charset System.out uses; the texts printed here are ASCII.
        System.setOut(new PrintStream(watched, true, Charset.defaultCharset()));
        try {
            code.run();
        } finally {
            System.setOut(original);
        }
        return printed.get();
    }
}

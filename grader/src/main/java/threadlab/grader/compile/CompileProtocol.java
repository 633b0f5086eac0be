package threadlab.grader.compile;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the grader and a compile worker say to each other, over the worker's standard input and
 * output: a request is javac's options and the sources, each a path and its bytes, so that the
 * worker compiles exactly what the grader read and checked; the answer is whether it compiled
 * and the errors, each with its file, line and message.
 */
final class CompileProtocol {

    /** The most bytes one string or file of a request may have: more than a submission holds. */
    static final int MAX_CHUNK = 64 * 1024 * 1024;

    private CompileProtocol() {
    }

    /**
     * A source file.
     *
     * @param path where it lies, which the compiler's messages name
     * @param text its text
     */
    record Source(String path, String text) {
    }

    /**
     * A compiler error.
     *
     * @param path the file, or empty when the error is in no file
     * @param line its line, or 0
     * @param message the compiler's message, first line
     */
    record Error(String path, long line, String message) {
    }

    static void writeRequest(DataOutputStream out, List<String> options, List<Source> sources)
            throws IOException {
        writeStrings(out, options);
        out.writeInt(sources.size());
        for (Source source : sources) {
            writeString(out, source.path());
            writeString(out, source.text());
        }
        out.flush();
    }

    static List<String> readOptions(DataInputStream in) throws IOException {
        return readStrings(in);
    }

    static List<Source> readSources(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sources.add(new Source(readString(in), readString(in)));
        }
        return sources;
    }

    static void writeAnswer(DataOutputStream out, boolean compiled, List<Error> errors)
            throws IOException {
        out.writeBoolean(compiled);
        out.writeInt(errors.size());
        for (Error error : errors) {
            writeString(out, error.path());
            out.writeLong(error.line());
            writeString(out, error.message());
        }
        out.flush();
    }

    /**
     * Reads an answer.
     *
     * @param in the worker's output
     * @param errors where the errors go
     * @return whether the sources compiled
     * @throws IOException if the worker ended before answering
     */
    static boolean readAnswer(DataInputStream in, List<Error> errors) throws IOException {
        boolean compiled = in.readBoolean();
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            errors.add(new Error(readString(in), in.readLong(), readString(in)));
        }
        return compiled;
    }

    private static void writeStrings(DataOutputStream out, List<String> strings)
            throws IOException {
        out.writeInt(strings.size());
        for (String string : strings) {
            writeString(out, string);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            strings.add(readString(in));
        }
        return strings;
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_CHUNK) {
            throw new IOException("a string of " + length + " bytes is out of bounds");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
